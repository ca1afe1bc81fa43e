/**
 * The Bridge in Electron, on top of `window.meshlens` (electron/preload). The extra exports below the
 * class cover what the Bridge interface does not: Save As, autosave, dataset checks and relinking,
 * dropped-file paths and files the OS opened.
 */
import type { MeshLensApi } from '../../../shared/ipc/api';
import type { IpcResult } from '../../../shared/ipc/result';
import type { DatasetStatus, OpenPathsEvent } from '../../../shared/ipc/schemas';
import type { Bridge, BridgeResult, MenuCommand, OpenedFile, RecentWorkspace } from './types';

declare global {
  interface Window {
    meshlens?: MeshLensApi;
  }
}

/** The preload's API, when running inside the MeshLens desktop app. */
export function electronApi(): MeshLensApi | null {
  return typeof window !== 'undefined' && window.meshlens ? window.meshlens : null;
}

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.error);
}

export class ElectronBridge implements Bridge {
  readonly kind = 'electron' as const;

  constructor(private readonly api: MeshLensApi) {}

  async openFiles(): Promise<OpenedFile[]> {
    return unwrap(await this.api.openFiles());
  }

  async saveFile(suggestedName: string, bytes: Uint8Array, mime: string): Promise<string | null> {
    return unwrap(await this.api.saveFile(suggestedName, bytes, mime));
  }

  /** With a path: Save. Without: Save As (null value when the user cancels is reported as an error-free ''). */
  async saveWorkspace(json: string, path?: string): Promise<BridgeResult<string>> {
    if (path) return this.api.saveWorkspace(json, path);
    const result = await this.api.saveWorkspaceAs(json);
    if (!result.ok) return result;
    return result.value === null ? { ok: false, error: 'cancelled' } : { ok: true, value: result.value };
  }

  async openWorkspace(path?: string): Promise<BridgeResult<{ path: string; json: string }> | null> {
    const result = await this.api.openWorkspace(path);
    if (!result.ok) return result;
    return result.value === null ? null : { ok: true, value: result.value };
  }

  async recentWorkspaces(): Promise<RecentWorkspace[]> {
    const result = await this.api.recentWorkspaces();
    return result.ok ? result.value : [];
  }

  readFile(path: string): Promise<BridgeResult<OpenedFile>> {
    return this.api.readFile(path);
  }

  exportPdf(suggestedName: string): Promise<BridgeResult<string | null>> {
    return this.api.exportPdf(suggestedName);
  }

  onMenuCommand(handler: (command: MenuCommand) => void): () => void {
    return this.api.onMenuCommand(handler);
  }
}

export function createElectronBridge(): ElectronBridge | null {
  const api = electronApi();
  return api ? new ElectronBridge(api) : null;
}

/** Open a workspace and also get where each of its datasets stands on disk. */
export async function openWorkspaceWithStatus(
  path?: string,
): Promise<BridgeResult<{ path: string; json: string; datasets: DatasetStatus[] }> | null> {
  const api = electronApi();
  if (!api) return { ok: false, error: 'Workspaces open from disk only in the desktop app.' };
  const result = await api.openWorkspace(path);
  if (!result.ok) return result;
  return result.value === null ? null : { ok: true, value: result.value };
}

/** Save As: always asks where. Null value when the user cancels. */
export async function saveWorkspaceAs(json: string, suggestedName?: string): Promise<BridgeResult<string | null>> {
  const api = electronApi();
  return api ? api.saveWorkspaceAs(json, suggestedName) : { ok: false, error: 'Save As needs the desktop app.' };
}

/** Crash-safety copy in the app's data folder; never writes the user's workspace file. */
export async function autosaveWorkspace(json: string, path?: string): Promise<BridgeResult<string>> {
  const api = electronApi();
  return api ? api.autosaveWorkspace(json, path) : { ok: false, error: 'Autosave needs the desktop app.' };
}

/** Found / changed / missing (with a candidate) / embedded, per dataset of a workspace. */
export async function checkDatasets(json: string, workspacePath?: string): Promise<BridgeResult<DatasetStatus[]>> {
  const api = electronApi();
  return api ? api.checkDatasets(json, workspacePath) : { ok: false, error: 'Dataset checks need the desktop app.' };
}

/** Ask where a moved file is now; then update the workspace with relinkPath() from shared/workspace. */
export async function relinkFile(oldPath: string): Promise<BridgeResult<string | null>> {
  const api = electronApi();
  return api ? api.relinkFile(oldPath) : { ok: false, error: 'Relinking needs the desktop app.' };
}

/** Absolute path of a file dropped on the window ('' when not in Electron or not from disk). */
export function pathForDroppedFile(file: File): string {
  return electronApi()?.pathForFile(file) ?? '';
}

/**
 * Files the OS asked us to open (command line, double-click, dock, second launch, Open Recent).
 * Delivers the ones that arrived before the UI was ready first. Returns an unsubscribe function.
 */
export function onOpenPaths(handler: (event: OpenPathsEvent) => void): () => void {
  const api = electronApi();
  if (!api) return () => undefined;
  const off = api.onOpenPaths(handler);
  void api.takePendingOpens().then((r) => {
    if (r.ok && r.value.length) handler({ paths: r.value, source: 'os' });
  });
  return off;
}
