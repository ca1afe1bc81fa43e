/**
 * The Bridge the app uses: Electron's (window.meshlens, through electron-bridge.ts) when the preload put
 * it there, the web one otherwise. electron-bridge.ts is picked up if present, so the web build does not
 * depend on it.
 */
import type { Bridge } from './types';
import { webBridge } from './web-bridge';

export type { Bridge, BridgeResult, MenuCommand, OpenedFile, RecentWorkspace } from './types';

type ElectronBridgeModule = {
  electronBridge?: Bridge;
  createElectronBridge?: () => Bridge | null;
  default?: Bridge | (() => Bridge | null);
  onOpenPaths?: (handler: (event: { paths: string[]; source: string }) => void) => () => void;
  pathForDroppedFile?: (file: File) => string;
};

const electronModules = import.meta.glob<ElectronBridgeModule>('./electron-bridge.ts', { eager: true });

function electronBridge(): Bridge | null {
  if (typeof window === 'undefined' || !(window as unknown as { meshlens?: unknown }).meshlens) return null;
  for (const mod of Object.values(electronModules)) {
    if (mod.electronBridge) return mod.electronBridge;
    if (mod.createElectronBridge) return mod.createElectronBridge();
    if (typeof mod.default === 'function') return mod.default();
    if (mod.default) return mod.default;
  }
  return null;
}

let bridge: Bridge | null = null;

export function getBridge(): Bridge {
  bridge ??= electronBridge() ?? webBridge;
  return bridge;
}

/** Files the OS asked the desktop app to open (double-click, command line, Open Recent). No-op on the web. */
export function onOsOpenPaths(handler: (paths: string[]) => void): () => void {
  if (getBridge().kind !== 'electron') return () => undefined;
  for (const mod of Object.values(electronModules)) {
    if (mod.onOpenPaths) return mod.onOpenPaths((event) => handler(event.paths));
  }
  return () => undefined;
}

/** The real path of a dropped file in the desktop app; its bare name in the browser. */
export function droppedFilePath(file: File): string {
  if (getBridge().kind === 'electron') {
    for (const mod of Object.values(electronModules)) {
      const path = mod.pathForDroppedFile?.(file);
      if (path) return path;
    }
  }
  return file.name;
}
