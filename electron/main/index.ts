/**
 * MeshLens main process: single instance, locked-down session, app:// protocol, one window, menu,
 * IPC, files from the OS. Bundled by scripts/build-electron.mjs to dist/electron/main.cjs.
 */
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import type { MenuCommandName } from '../../shared/ipc/api';
import { EVENTS } from '../../shared/ipc/channels';
import type { OpenPathsEvent } from '../../shared/ipc/schemas';
import * as dialogs from './dialogs';
import { FileAccess } from './file-access';
import { createHandlers, registerIpc } from './ipc';
import { createLogger } from './log';
import { buildMenuTemplate } from './menu';
import { OpenQueue, pathsFromArgv } from './os-open';
import { printToPdfFile } from './pdf';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { APP_SCHEME, guardWebContents, installNetworkBlock, installPermissionPolicy } from './security';
import { createMainWindow } from './window';
import { WorkspaceFiles } from './workspace';

// Must happen before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const log = createLogger(join(app.getPath('userData'), 'logs', 'main.log'));
const access = new FileAccess();
const openQueue = new OpenQueue();
let mainWindow: BrowserWindow | null = null;
let workspaces: WorkspaceFiles | null = null;

function send(channel: string, payload: unknown): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
}

function sendOpenPaths(paths: string[], source: OpenPathsEvent['source'] = 'os'): void {
  send(EVENTS.openPaths, { paths, source } satisfies OpenPathsEvent);
}

/** Paths from the OS become readable before the renderer hears of them. */
function receivePaths(paths: string[]): void {
  // A workspace opened this way becomes writable only once it parses cleanly (WorkspaceFiles.open).
  for (const p of paths) access.grantRead(p);
  openQueue.push(paths);
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

async function refreshMenu(): Promise<void> {
  const recent = workspaces ? await workspaces.recent() : [];
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    packaged: app.isPackaged,
    recent,
    send: (command: MenuCommandName) => send(EVENTS.menuCommand, command),
    openRecent: (path) => {
      access.grantRead(path);
      sendOpenPaths([path], 'recent');
    },
    clearRecent: () => {
      void workspaces?.clearRecent().then(refreshMenu);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function openMainWindow(): Promise<void> {
  openQueue.reset();
  mainWindow = await createMainWindow({
    preload: join(__dirname, 'preload.cjs'),
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    devTools: !app.isPackaged,
    log,
  });
  mainWindow.webContents.on('did-start-loading', () => openQueue.reset());
  mainWindow.on('closed', () => {
    mainWindow = null;
    openQueue.reset();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  receivePaths(pathsFromArgv(process.argv, process.cwd(), app.isPackaged));

  app.on('second-instance', (_event, argv, cwd) => receivePaths(pathsFromArgv(argv, cwd, app.isPackaged)));
  app.on('open-file', (event, path) => {
    event.preventDefault();
    receivePaths([path]);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) void openMainWindow();
  });

  void app.whenReady().then(async () => {
    const ses = session.defaultSession;
    installNetworkBlock(ses, log);
    installPermissionPolicy(ses, log);
    const crossOriginIsolation = process.env.MESHLENS_CROSS_ORIGIN_ISOLATION !== 'off';
    if (!crossOriginIsolation) log('info', 'cross-origin isolation off (MESHLENS_CROSS_ORIGIN_ISOLATION=off): single-threaded duckdb-wasm');
    ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(join(app.getAppPath(), 'dist', 'renderer'), log, { crossOriginIsolation }));

    workspaces = new WorkspaceFiles(app.getPath('userData'), access, log);
    const handlers = createHandlers({
      getWindow: () => mainWindow,
      access,
      workspaces,
      openQueue,
      dialogs,
      log,
      printToPdf: async (path, landscape) => {
        if (!mainWindow) throw new Error('There is no window to print.');
        return printToPdfFile(mainWindow.webContents, path, landscape);
      },
      sendOpenPaths: (paths) => sendOpenPaths(paths, 'os'),
    });
    const wrapped = { ...handlers };
    // Saving or opening a workspace changes the recent list: rebuild the menu afterwards.
    wrapped.saveWorkspace = async (p) => handlers.saveWorkspace(p).finally(() => void refreshMenu());
    wrapped.saveWorkspaceAs = async (p) => handlers.saveWorkspaceAs(p).finally(() => void refreshMenu());
    wrapped.openWorkspace = async (p) => handlers.openWorkspace(p).finally(() => void refreshMenu());
    registerIpc(ipcMain, wrapped, () => mainWindow?.webContents.id ?? null, log);

    await refreshMenu();
    await openMainWindow();
  }).catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    log('error', `startup failed: ${message}`);
    dialog.showErrorBox('MeshLens could not start', message);
    app.exit(1);
  });
}
