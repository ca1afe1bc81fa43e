/**
 * Helpers for the Chromium tests of the shell: build the renderer into a temp folder, and serve it over
 * local HTTP through the shell's own app:// handler (createAppProtocolHandler), so Chromium gets
 * exactly the bytes and headers Electron's protocol.handle would give it.
 */
import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { createAppProtocolHandler } from '../../electron/main/protocol';

export const repoRoot = resolve(__dirname, '../..');

export async function buildRenderer(outDir: string): Promise<void> {
  await promisify(execFile)(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repoRoot,
  });
}

export interface ShellServer {
  origin: string;
  /** Paths served, in order. */
  served: string[];
  close(): Promise<void>;
}

/**
 * Serve `root` through the app:// handler. Playwright's routing does not see requests made by nested
 * workers (duckdb-wasm's worker is started from the app's db worker); a real server does.
 * `isolate: false` uses the handler's crossOriginIsolation switch (no COOP/COEP), to compare with a
 * page that is not cross-origin isolated.
 */
export async function startShellServer(root: string, options: { isolate?: boolean } = {}): Promise<ShellServer> {
  const handler = createAppProtocolHandler(root, () => undefined, { crossOriginIsolation: options.isolate !== false });
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const answer = await handler(new Request(`app://meshlens${req.url ?? '/'}`, { method: req.method }));
      served.push(new URL(req.url ?? '/', 'http://x').pathname);
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, key) => (headers[key] = value));
      res.writeHead(answer.status, headers);
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Chromium with a fresh profile; anything but `origin`, blob: and data: is refused and recorded. */
export async function launchChromium(profile: string, origin: string, refused: string[]): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const local = (url: string): boolean => url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  context.on('request', (r) => {
    if (!local(r.url()) && !refused.includes(r.url())) refused.push(r.url());
  });
  return context;
}
