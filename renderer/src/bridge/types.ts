/**
 * The Bridge hides where the renderer runs. In Electron it calls `window.meshlens` (the preload's typed
 * object); in a plain browser it uses file inputs, downloads and localStorage. Features only ever see this.
 */
export interface OpenedFile {
  name: string;
  /** Absolute path in Electron; the bare file name in the browser. */
  path: string;
  bytes: Uint8Array;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Bridge {
  readonly kind: 'electron' | 'web';
  /** Ask the user for data files (several at once). Empty when cancelled. */
  openFiles(): Promise<OpenedFile[]>;
  /** Save bytes under a suggested name; returns where it went, or null when cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array, mime: string): Promise<string | null>;
  /** Workspaces (.meshlens JSON). */
  saveWorkspace(json: string, path?: string): Promise<BridgeResult<string>>;
  openWorkspace(path?: string): Promise<BridgeResult<{ path: string; json: string }> | null>;
  recentWorkspaces(): Promise<RecentWorkspace[]>;
  /** Read a data file again by path (workspace reopen, relink). Web: not available → error. */
  readFile(path: string): Promise<BridgeResult<OpenedFile>>;
  /** Print the current report to PDF (Electron only; web returns an error that says so). */
  exportPdf(suggestedName: string): Promise<BridgeResult<string | null>>;
  /** Menu commands from the native menu (Open, Save Workspace, …). Returns an unsubscribe function. */
  onMenuCommand(handler: (command: MenuCommand) => void): () => void;
}

export type MenuCommand =
  | 'open-files'
  | 'open-workspace'
  | 'save-workspace'
  | 'export-report'
  | 'export-pdf'
  | 'walkthroughs'
  | 'help';
