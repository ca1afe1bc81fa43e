/**
 * Every IPC channel name, once. Only electron/main (handlers) and electron/preload (callers) read this;
 * the renderer never sees a channel string, it calls the named functions on `window.meshlens`.
 * This file is deliberately free of imports so the sandboxed preload bundle stays tiny.
 */
export const INVOKE = {
  openFiles: 'meshlens:open-files',
  saveFile: 'meshlens:save-file',
  saveWorkspace: 'meshlens:save-workspace',
  saveWorkspaceAs: 'meshlens:save-workspace-as',
  openWorkspace: 'meshlens:open-workspace',
  autosaveWorkspace: 'meshlens:autosave-workspace',
  recentWorkspaces: 'meshlens:recent-workspaces',
  checkDatasets: 'meshlens:check-datasets',
  relinkFile: 'meshlens:relink-file',
  readFile: 'meshlens:read-file',
  exportPdf: 'meshlens:export-pdf',
  takePendingOpens: 'meshlens:take-pending-opens',
  grantDroppedFile: 'meshlens:grant-dropped-file',
} as const;

/** Main → renderer events. */
export const EVENTS = {
  menuCommand: 'meshlens:menu-command',
  openPaths: 'meshlens:open-paths',
} as const;

export type InvokeName = keyof typeof INVOKE;
export type InvokeChannel = (typeof INVOKE)[InvokeName];
export type EventChannel = (typeof EVENTS)[keyof typeof EVENTS];

export const MENU_COMMANDS = [
  'open-files',
  'open-workspace',
  'save-workspace',
  'export-report',
  'export-pdf',
  'walkthroughs',
  'help',
] as const;
