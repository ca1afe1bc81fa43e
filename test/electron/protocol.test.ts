import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppPath } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

let base: string;
let root: string;
const lines: string[] = [];
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'meshlens-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>MeshLens</title>');
  await writeFile(join(root, 'assets', 'duckdb-eh.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'duckdb-browser-eh.worker.js'), 'self.onmessage=()=>{}');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  handler = createAppProtocolHandler(root, (level, message) => lines.push(`${level} ${message}`));
});

afterAll(() => rm(base, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure, fetch-capable scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
  });

  it('serves index.html for the root with the CSP and cross-origin isolation headers', async () => {
    const res = await handler(new Request('app://meshlens/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>MeshLens</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['assets/duckdb-eh.wasm', 'application/wasm'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/duckdb-browser-eh.worker.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s with COOP/COEP', async (path, mime) => {
    const res = await handler(new Request(`app://meshlens/${path}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(mime);
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('returns the exact bytes of a wasm file', async () => {
    const res = await handler(new Request('app://meshlens/assets/duckdb-eh.wasm'));
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  });

  it('can switch cross-origin isolation off and keeps the CSP', async () => {
    const plain = createAppProtocolHandler(root, () => undefined, { crossOriginIsolation: false });
    const res = await plain(new Request('app://meshlens/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a missing file and 405 for POST', async () => {
    expect((await handler(new Request('app://meshlens/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://meshlens/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it.each(['app://meshlens/%2e%2e/secret.txt', 'app://meshlens/assets/%2E%2E/%2E%2E/secret.txt', 'app://meshlens/../../secret.txt'])(
    'the URL parser folds encoded dot segments at the root, so %s stays inside the folder',
    async (url) => {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(resolve(root) + '/')).toBe(true);
      const res = await handler(new Request(url));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('outside the renderer folder');
    },
  );

  it.each([
    'app://meshlens/..%2fsecret.txt',
    'app://meshlens/assets/..%2f..%2fsecret.txt',
    'app://meshlens/..%5csecret.txt',
    'app://meshlens/assets%5c..%5c..%5csecret.txt',
    'app://meshlens/index.html%00.png',
    'app://meshlens/C:%5cWindows%5cwin.ini',
    'app://other-host/index.html',
    'app://meshlens/%E0%A4%A',
  ])('refuses path traversal and foreign hosts: %s', async (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
    const res = await handler(new Request(url));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('outside the renderer folder');
  });

  it('normalises harmless dot segments inside the folder', () => {
    expect(resolveAppPath(root, 'app://meshlens/assets/./index-abc.js')).toBe(resolve(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://meshlens/assets/../index.html')).toBe(resolve(root, 'index.html'));
  });

  it('logs refusals', () => {
    expect(lines.some((l) => l.startsWith('warn app protocol: refused'))).toBe(true);
  });
});
