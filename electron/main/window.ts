/**
 * The one main window, locked down: isolated, sandboxed, no Node anywhere in the renderer.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { BrowserWindow, screen } from 'electron';
import type { Logger } from './log';
import { APP_ENTRY, guardWebContents } from './security';
import type { WindowState } from './window-state';
import { loadWindowState, saveWindowState } from './window-state';

export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools,
  };
}

export function mainWindowOptions(state: WindowState, preload: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'MeshLens',
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(preload, devTools),
  };
}

export interface MainWindowConfig {
  preload: string;
  stateFile: string;
  devTools: boolean;
  log: Logger;
}

export async function createMainWindow(config: MainWindowConfig): Promise<BrowserWindow> {
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const state = await loadWindowState(config.stateFile, areas);
  const win = new BrowserWindow(mainWindowOptions(state, config.preload, config.devTools));
  guardWebContents(win.webContents, config.log);
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
      const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
      saveWindowState(config.stateFile, bounds, win.isMaximized()).catch((err: unknown) => config.log('warn', `window state: ${String(err)}`));
    }, 400);
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', () => {
    clearTimeout(timer);
    if (!win.isMinimized() && !win.isFullScreen()) {
      const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
      saveWindowState(config.stateFile, bounds, win.isMaximized()).catch(() => undefined);
    }
  });
  win.webContents.on('render-process-gone', (_e, details) => config.log('error', `renderer gone: ${details.reason}`));
  // Never leave an invisible window: if the page cannot load, show the window and say why.
  win.webContents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    config.log('error', `renderer failed to load ${url}: ${code} ${description}`);
    if (!win.isDestroyed()) win.show();
  });
  await win.loadURL(APP_ENTRY).catch((err: unknown) => {
    throw new Error(`MeshLens could not load its interface (${APP_ENTRY}): ${err instanceof Error ? err.message : String(err)}. Was the renderer built (npm run build)?`);
  });
  return win;
}
