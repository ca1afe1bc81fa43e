/**
 * `npm start` on a machine without Electron's binary (offline installs, locked-down networks, CI boxes):
 * find out that the binary is missing without asking Electron's package (requiring it starts a download),
 * then serve the built renderer on 127.0.0.1 through the desktop shell's own app:// handler, so the page
 * gets exactly the desktop headers (CSP, COOP/COEP, MIME types), and open it in an installed Chrome or
 * Chromium as an `--app=` window, or print the address.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppProtocolHandler } from '../main/protocol';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Where Electron's binary is, read the way the electron package reads it (path.txt, dist/,
 * ELECTRON_OVERRIDE_DIST_PATH) but without its fallback of downloading the binary.
 */
export function findElectronBinary(electronDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(path.join(electronDir, 'package.json'))) return { ok: false, reason: 'the electron package is not installed' };
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
    return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${name || 'electron'}` };
  }
  if (!name) return { ok: false, reason: "Electron's binary was never downloaded (no network when npm installed it)" };
  const full = path.join(electronDir, 'dist', name);
  return existsSync(full) ? { ok: true, path: full } : { ok: false, reason: `Electron's binary is missing (${path.relative(process.cwd(), full)})` };
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve `root` on 127.0.0.1 through the shell's app:// handler: the desktop's headers, byte for byte.
 * `onRequest` hears each path asked for (the benchmark reads which duckdb-wasm build the page loaded).
 */
export async function serveRenderer(root: string, port = 0, onRequest?: (path: string) => void): Promise<WebServer> {
  const handler = createAppProtocolHandler(root, () => undefined, { crossOriginIsolation: process.env.MESHLENS_CROSS_ORIGIN_ISOLATION !== 'off' });
  const server = createServer((req, res) => {
    void (async () => {
      onRequest?.(req.url ?? '/');
      const answer = await handler(new Request(`app://meshlens${req.url ?? '/'}`, { method: req.method }));
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, key) => (headers[key] = value));
      res.writeHead(answer.status, headers);
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** An installed Chrome or Chromium, or null. CHROME_PATH wins. */
export function findChrome(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  const candidates = [env.CHROME_PATH ?? ''];
  if (platform === 'darwin') {
    candidates.push('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium');
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (base) candidates.push(path.join(base, 'Google/Chrome/Application/chrome.exe'), path.join(base, 'Chromium/Application/chrome.exe'));
    }
  } else {
    for (const dir of (env.PATH ?? '').split(path.delimiter)) {
      for (const name of ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser']) candidates.push(path.join(dir, name));
    }
  }
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

/** A desktop session to show a window on (always on macOS and Windows; DISPLAY or WAYLAND_DISPLAY on Linux). */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  return platform !== 'linux' || !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Open `url` as a Chrome app window with its own profile; null when it could not be started. */
export function openAppWindow(chrome: string, url: string): ChildProcess {
  const profile = mkdtempSync(path.join(tmpdir(), 'meshlens-web-'));
  return spawn(chrome, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-background-networking'], {
    stdio: 'ignore',
  });
}
