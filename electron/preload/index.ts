/**
 * The preload: one typed object, `window.meshlens`, made of named functions. The page never sees
 * ipcRenderer or a channel name. Runs sandboxed: the bundle may require nothing but 'electron'.
 */
import type { IpcRendererEvent } from 'electron';
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { MeshLensApi, MenuCommandName } from '../../shared/ipc/api';
import type { InvokeName } from '../../shared/ipc/channels';
import { EVENTS, INVOKE, MENU_COMMANDS } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/result';
import type { OpenPathsEvent, RequestOf, ResponseOf } from '../../shared/ipc/schemas';

function invoke<N extends InvokeName>(name: N, payload: RequestOf<N>): Promise<IpcResult<ResponseOf<N>>> {
  return ipcRenderer.invoke(INVOKE[name], payload) as Promise<IpcResult<ResponseOf<N>>>;
}

function subscribe<T>(channel: string, accept: (value: unknown) => value is T, handler: (value: T) => void): () => void {
  const listener = (_event: IpcRendererEvent, value: unknown): void => {
    if (accept(value)) handler(value);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const isMenuCommand = (v: unknown): v is MenuCommandName => typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);
const isOpenPaths = (v: unknown): v is OpenPathsEvent =>
  typeof v === 'object' && v !== null && Array.isArray((v as OpenPathsEvent).paths) && (v as OpenPathsEvent).paths.every((p) => typeof p === 'string');

const api: MeshLensApi = {
  platform: process.platform,
  openFiles: (options) => invoke('openFiles', options?.title ? { title: options.title } : {}),
  saveFile: (suggestedName, bytes, mime) => invoke('saveFile', { suggestedName, bytes, mime }),
  saveWorkspace: (json, path) => invoke('saveWorkspace', { json, path }),
  saveWorkspaceAs: (json, suggestedName) => invoke('saveWorkspaceAs', suggestedName ? { json, suggestedName } : { json }),
  openWorkspace: (path) => invoke('openWorkspace', path ? { path } : {}),
  autosaveWorkspace: (json, path) => invoke('autosaveWorkspace', path ? { json, path } : { json }),
  recentWorkspaces: () => invoke('recentWorkspaces', {}),
  checkDatasets: (json, workspacePath) => invoke('checkDatasets', workspacePath ? { json, path: workspacePath } : { json }),
  relinkFile: (oldPath) => invoke('relinkFile', { oldPath }),
  readFile: (path) => invoke('readFile', { path }),
  exportPdf: (suggestedName, landscape) => invoke('exportPdf', landscape === undefined ? { suggestedName } : { suggestedName, landscape }),
  takePendingOpens: () => invoke('takePendingOpens', {}),
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file);
    // Only a real file from disk has a path; tell the main process the user handed it to us.
    if (path) void invoke('grantDroppedFile', { path });
    return path;
  },
  onMenuCommand: (handler) => subscribe(EVENTS.menuCommand, isMenuCommand, handler),
  onOpenPaths: (handler) => subscribe(EVENTS.openPaths, isOpenPaths, handler),
};

contextBridge.exposeInMainWorld('meshlens', api);
