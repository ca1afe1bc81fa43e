/**
 * Electron cannot run here, so this drives real Chromium through the shell's own app:// handler: every
 * request the page makes is answered by createAppProtocolHandler (the same code protocol.handle uses),
 * with the shell's CSP and COOP/COEP headers, on a freshly built renderer. Anything not served by the
 * handler is refused and recorded, like the session's network block.
 *
 * It shows that the real renderer loads under the CSP without violations, that the page is
 * cross-origin isolated (so duckdb-wasm may pick its threaded build), and that eval and remote
 * fetches are blocked. It does not show Electron-specific behaviour (the app:// scheme itself).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShellServer } from './shell-server';
import { buildRenderer, launchChromium, repoRoot, startShellServer } from './shell-server';

const FIXTURE = join(repoRoot, 'test/fixtures/e2e/google-ads-utf16-title-rows-totals.csv');

let outDir: string;
let profile: string;
let server: ShellServer;
let served: string[];
let context: BrowserContext;
let page: Page;
const refused: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'meshlens-shell-renderer-'));
  await buildRenderer(outDir);
  server = await startShellServer(outDir);
  served = server.served;
  profile = mkdtempSync(join(tmpdir(), 'meshlens-shell-profile-'));
  context = await launchChromium(profile, server.origin, refused);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.origin}/index.html`);
  await page.waitForSelector('[data-testid="screen-home"]');
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const violations = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('the built renderer under the shell headers, in real Chromium', () => {
  it('is cross-origin isolated, so SharedArrayBuffer (duckdb-wasm threads) is available', async () => {
    expect(await page.evaluate(() => [self.crossOriginIsolated, typeof SharedArrayBuffer])).toEqual([true, 'function']);
  });

  it('imports a file through DuckDB with no CSP violation and no request leaving the app', async () => {
    await page.setInputFiles('[data-testid="file-input"]', FIXTURE);
    await page.waitForSelector('[data-testid="dataset-tab"]', { timeout: 120_000 });
    await page.click('[data-testid="nav-import"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="row-count"]')?.textContent === '42', undefined, { timeout: 60_000 });
    // zod 4 probes `new Function('')` once to decide whether it may JIT; the CSP refuses it, zod
    // catches that and validates without eval. That refusal is the CSP working, not a problem.
    expect((await violations()).filter((v) => v !== 'script-src eval')).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Cross-Origin/i.test(e))).toEqual([]);
    expect(refused).toEqual([]);
    expect(served.some((p) => p.endsWith('.wasm'))).toBe(true);
  });

  it('threaded_build_offset_out_of_bounds: even under COOP/COEP the renderer runs the single-threaded duckdb-wasm build, whatever the cores', async () => {
    // duckdb-wasm 1.32.0's threaded build fails queries at random (its issue #2256): renderer/src/db/threads.ts.
    const wasm = served.filter((p) => /duckdb-(coi|eh|mvp)-.*\.wasm$/.test(p));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/duckdb-eh-/);
    expect(served.some((p) => /duckdb-browser-coi\.pthread\.worker/.test(p))).toBe(false);
  });

  it('blocks eval and string-compiled functions, but allows WebAssembly compilation', async () => {
    const result = await page.evaluate(async () => {
      const tryIt = (f: () => unknown): string => {
        try {
          f();
          return 'allowed';
        } catch {
          return 'blocked';
        }
      };
      const wasm = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
      const compiled = await WebAssembly.compile(wasm).then(
        () => 'allowed',
        () => 'blocked',
      );
      return { eval: tryIt(() => (0, eval)('1 + 1')), fn: tryIt(() => new Function('return 1')()), wasm: compiled };
    });
    expect(result).toEqual({ eval: 'blocked', fn: 'blocked', wasm: 'allowed' });
  });

  it('refuses remote fetches, remote scripts and remote images', async () => {
    const before = (await violations()).length;
    const fetched = await page.evaluate(() =>
      fetch('https://www.google-analytics.com/collect?v=1').then(
        () => 'sent',
        () => 'refused',
      ),
    );
    expect(fetched).toBe('refused');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://cdn.example.com/x.js';
      document.head.appendChild(s);
      const img = document.createElement('img');
      img.src = 'https://tracker.example.com/pixel.gif';
      document.body.appendChild(img);
    });
    await page.waitForFunction((n) => (window as unknown as { __cspViolations: string[] }).__cspViolations.length >= n + 3, before);
    const added = (await violations()).slice(before).join('\n');
    expect(added).toMatch(/connect-src https:\/\/www\.google-analytics\.com/);
    expect(added).toMatch(/script-src(-elem)? https:\/\/cdn\.example\.com/);
    expect(added).toMatch(/img-src https:\/\/tracker\.example\.com/);
    // The CSP reports the script and image; Chromium still issues them to the network layer, where the
    // block (here the route, in the app session.webRequest) cancels them. The fetch never got that far.
    expect(refused).toEqual(['https://cdn.example.com/x.js', 'https://tracker.example.com/pixel.gif']);
  });

  it('allows a worker from a blob: URL (worker-src blob:)', async () => {
    const answer = await page.evaluate(
      () =>
        new Promise<string>((resolvePromise) => {
          const url = URL.createObjectURL(new Blob(['postMessage(6 * 7)'], { type: 'text/javascript' }));
          const w = new Worker(url);
          w.onmessage = (e) => resolvePromise(String(e.data));
          w.onerror = () => resolvePromise('error');
        }),
    );
    expect(answer).toBe('42');
  });
});
