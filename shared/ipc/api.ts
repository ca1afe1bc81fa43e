/**
 * The one object the preload exposes as `window.meshlens`. Named functions only: no ipcRenderer, no
 * channel strings. renderer/src/bridge/electron-bridge.ts builds the renderer's Bridge on top of it.
 */
import type { MENU_COMMANDS } from './channels';
import type { IpcResult } from './result';
import type { DatasetStatus, OpenedFileValue, OpenedWorkspace, OpenPathsEvent } from './schemas';

export type MenuCommandName = (typeof MENU_COMMANDS)[number];

export interface MeshLensApi {
  readonly platform: string;
  openFiles(options?: { title?: string }): Promise<IpcResult<OpenedFileValue[]>>;
  saveFile(suggestedName: string, bytes: Uint8Array, mime: string): Promise<IpcResult<string | null>>;
  /** Save to a known path (Save). */
  saveWorkspace(json: string, path: string): Promise<IpcResult<string>>;
  /** Ask where to save (Save As). Null when cancelled. */
  saveWorkspaceAs(json: string, suggestedName?: string): Promise<IpcResult<string | null>>;
  /** Open a workspace by path, or ask with a dialog when no path is given. Null when cancelled. */
  openWorkspace(path?: string): Promise<IpcResult<OpenedWorkspace | null>>;
  /** Crash-safety copy in the app's data folder; never touches the user's own workspace file. */
  autosaveWorkspace(json: string, path?: string): Promise<IpcResult<string>>;
  recentWorkspaces(): Promise<IpcResult<{ path: string; name: string; openedAt: string }[]>>;
  /** Where each dataset of a workspace stands on disk (found, changed, missing with a candidate). */
  checkDatasets(json: string, workspacePath?: string): Promise<IpcResult<DatasetStatus[]>>;
  /** Ask the user where a moved data file is now. Null when cancelled. */
  relinkFile(oldPath: string): Promise<IpcResult<string | null>>;
  readFile(path: string): Promise<IpcResult<OpenedFileValue>>;
  exportPdf(suggestedName: string, landscape?: boolean): Promise<IpcResult<string | null>>;
  /** Files the OS asked us to open before the UI was ready (command line, double-click). */
  takePendingOpens(): Promise<IpcResult<string[]>>;
  /** Absolute path of a file dropped on the window ('' for files that do not come from disk). */
  pathForFile(file: File): string;
  onMenuCommand(handler: (command: MenuCommandName) => void): () => void;
  onOpenPaths(handler: (event: OpenPathsEvent) => void): () => void;
}
