/**
 * `npm start` without Electron's binary: the start script sees the binary is missing (a stubbed electron
 * package), says why in one line, serves the renderer on 127.0.0.1 with the desktop shell's headers, and
 * stops when asked. With the binary present, detection finds it (and the script would launch Electron).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { findChrome, findElectronBinary, hasDisplay } from '../../electron/start/web-fallback';
import { repoRoot } from './shell-server';

const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-start-'));
const children: { kill(sig?: NodeJS.Signals): boolean; exitCode: number | null }[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** A stub of node_modules/electron: the package is there; the binary only when `withBinary`. */
function stubElectron(name: string, withBinary: boolean): string {
  const pkg = path.join(dir, name);
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron"}');
  if (withBinary) {
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    writeFileSync(path.join(pkg, 'dist/electron'), '');
  }
  return pkg;
}

describe('finding Electron', () => {
  it('a package without path.txt (the download never happened) is missing, with the reason', () => {
    const r = findElectronBinary(stubElectron('never', false), {});
    expect(r).toEqual({ ok: false, reason: "Electron's binary was never downloaded (no network when npm installed it)" });
  });

  it('path.txt pointing at a deleted binary is missing; a present binary is found', () => {
    const pkg = stubElectron('present', true);
    expect(findElectronBinary(pkg, {})).toEqual({ ok: true, path: path.join(pkg, 'dist/electron') });
    writeFileSync(path.join(pkg, 'path.txt'), 'gone');
    expect(findElectronBinary(pkg, {}).ok).toBe(false);
    expect(findElectronBinary(path.join(dir, 'nothing-here'), {})).toEqual({ ok: false, reason: 'the electron package is not installed' });
  });

  it('no display on Linux means no window; CHROME_PATH is used when it exists', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    const fake = path.join(dir, 'my-chrome');
    writeFileSync(fake, '');
    expect(findChrome({ CHROME_PATH: fake, PATH: '' }, 'linux')).toBe(fake);
    expect(findChrome({ PATH: '' }, 'linux')).toBeNull();
  });
});

describe('npm start with a missing binary', () => {
  it('says why in one line, serves the app on 127.0.0.1 with the desktop headers, and stops', async () => {
    const renderer = path.join(dir, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>MeshLens</title>');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env: { ...process.env, MESHLENS_ELECTRON_DIR: stubElectron('fallback', false), MESHLENS_START_BROWSER: 'none', MESHLENS_SKIP_BUILD: '1', MESHLENS_RENDERER_DIR: renderer },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /MeshLens is at (http:\/\/127\.0\.0\.1:\d+\/index\.html)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`start exited ${code}: ${out}`)));
    });
    expect(out.split('\n')[0]).toBe(
      "MeshLens: Electron's binary was never downloaded (no network when npm installed it), so the web version is served instead: open the address below in Chrome or Chromium (same app, same offline rules; files are opened through the browser).",
    );
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>MeshLens</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await fetch(url.replace('index.html', '..%2f..%2fpackage.json'))).status).toBe(403);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  }, 90_000);
});
