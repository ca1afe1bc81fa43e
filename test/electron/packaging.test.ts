/**
 * What can be checked about packaging without downloading Electron: electron-builder.yml against the
 * JSON schema shipped in app-builder-lib, every file it names, the icons, and the esbuild bundles.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildRenderer } from './shell-server';

const root = resolve(__dirname, '../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  directories: { buildResources: string; output: string };
  files: string[];
  linux: { icon: string; target: string[] };
  mac: { icon: string; target: string[] };
  win: { icon: string; target: string[] };
  fileAssociations: { ext: string }[];
  extraMetadata: { main: string };
};

function pngSize(file: string): { width: number; height: number; pixels: Buffer } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let o = 8; o < buf.length; ) {
    const len = buf.readUInt32BE(o);
    if (buf.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  return { width, height, pixels: inflateSync(Buffer.concat(idat)) };
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: an unknown key and a wrong type are caught', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, asar: 'yes please' })).toBe(false);
  });

  it('targets AppImage + deb, dmg and NSIS, and associates .meshlens files', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.fileAssociations.map((f) => f.ext)).toEqual(['meshlens']);
    expect(config.extraMetadata.main).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main);
  });

  it('every file and folder it names exists, and the icons are real PNGs of the right size', () => {
    expect(statSync(join(root, config.directories.buildResources)).isDirectory()).toBe(true);
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(existsSync(join(root, icon)), icon).toBe(true);
    for (const size of [512, 256]) {
      const png = pngSize(join(root, `assets/icons/${size}x${size}.png`));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.pixels.length).toBe((size * 4 + 1) * size);
    }
    expect(pngSize(join(root, config.mac.icon)).width).toBeGreaterThanOrEqual(512);
    expect(pngSize(join(root, config.win.icon)).width).toBeGreaterThanOrEqual(256);
    const positive = config.files.filter((f) => !f.startsWith('!'));
    expect(positive).toEqual(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']);
    expect(existsSync(join(root, 'package.json'))).toBe(true);
  });
});

describe('scripts/build-electron.mjs', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'meshlens-build-'));
    await promisify(execFile)(process.execPath, [join(root, 'scripts/build-electron.mjs'), '--outdir', out], { cwd: root });
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('produces main.cjs and preload.cjs', () => {
    expect(statSync(join(out, 'main.cjs')).size).toBeGreaterThan(10_000);
    expect(statSync(join(out, 'preload.cjs')).size).toBeGreaterThan(500);
  });

  it('the preload requires nothing but electron, as a sandboxed preload must', async () => {
    const code = await readFile(join(out, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).not.toMatch(/from "zod"|require\("zod"\)/);
  });

  it('the preload exposes exactly one object, window.meshlens, of functions and never ipcRenderer', async () => {
    const code = await readFile(join(out, 'preload.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => undefined, removeListener: () => undefined },
      webUtils: { getPathForFile: () => '' },
    };
    const module = { exports: {} };
    runInNewContext(code, { require: (id: string) => (id === 'electron' ? fakeElectron : undefined), module, exports: module.exports, process: { platform: 'linux' } });
    expect(Object.keys(exposed)).toEqual(['meshlens']);
    const api = exposed.meshlens as Record<string, unknown>;
    for (const [key, value] of Object.entries(api)) expect(key === 'platform' || typeof value === 'function', key).toBe(true);
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer);
    expect(Object.keys(api).sort()).toEqual(
      ['autosaveWorkspace', 'checkDatasets', 'exportPdf', 'onMenuCommand', 'onOpenPaths', 'openFiles', 'openWorkspace', 'pathForFile', 'platform', 'readFile', 'recentWorkspaces', 'relinkFile', 'saveFile', 'saveWorkspace', 'saveWorkspaceAs', 'takePendingOpens'].sort(),
    );
  });

  it('main.cjs runs under a fake electron: it registers app:// and takes the single-instance lock', async () => {
    const code = await readFile(join(out, 'main.cjs'), 'utf8');
    const calls: string[] = [];
    const fakeElectron = {
      protocol: { registerSchemesAsPrivileged: (l: { scheme: string }[]) => calls.push(`privileged ${l.map((s) => s.scheme).join()}`) },
      app: {
        enableSandbox: () => calls.push('sandbox'),
        getPath: () => join(out, 'userData'),
        requestSingleInstanceLock: () => (calls.push('lock'), false),
        quit: () => calls.push('quit'),
      },
    };
    const realRequire = createRequire(join(out, 'main.cjs'));
    const module = { exports: {} };
    const fn = new Function('require', 'module', 'exports', '__dirname', '__filename', 'process', code) as (...a: unknown[]) => void;
    fn((id: string) => (id === 'electron' ? fakeElectron : realRequire(id)), module, module.exports, dirname(join(out, 'main.cjs')), join(out, 'main.cjs'), process);
    expect(calls).toEqual(['privileged app', 'sandbox', 'lock', 'quit']);
  });
});

describe('electron-builder --dir with this config', () => {
  // electron-builder needs the Electron binary, which cannot be downloaded here. It only copies that
  // binary into the output, so a stand-in folder lets the real packaging step (file selection, asar,
  // node_modules collection) run on a temp copy of the project.
  let project: string;
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'meshlens-pack-'));
    const fakeElectron = join(project, 'electron-dist');
    mkdirSync(join(fakeElectron, 'resources'), { recursive: true });
    writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
    chmodSync(join(fakeElectron, 'electron'), 0o755);
    writeFileSync(join(fakeElectron, 'version'), 'v45.4.1');
    writeFileSync(join(fakeElectron, 'LICENSE'), '');
    writeFileSync(join(fakeElectron, 'LICENSES.chromium.html'), '');
    const app = join(project, 'app');
    mkdirSync(join(app, 'assets'), { recursive: true });
    cpSync(join(root, 'package.json'), join(app, 'package.json'));
    cpSync(join(root, 'electron-builder.yml'), join(app, 'electron-builder.yml'));
    cpSync(join(root, 'assets/icons'), join(app, 'assets/icons'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'));
    await buildRenderer(join(app, 'dist/renderer'));
    await promisify(execFile)(process.execPath, [join(root, 'scripts/build-electron.mjs'), '--outdir', join(app, 'dist/electron')], { cwd: root });
    await promisify(execFile)(
      process.execPath,
      [join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', `-c.electronDist=${fakeElectron}`, '-c.electronVersion=45.4.1', `-c.directories.output=${join(project, 'out')}`],
      { cwd: app, maxBuffer: 1 << 24 },
    );
  }, 600_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('packs only the bundles and package.json into app.asar: no node_modules, no source maps', async () => {
    const asar = (await import('@electron/asar')) as unknown as { listPackage(p: string, o: object): string[]; extractFile(p: string, f: string): Buffer };
    const file = join(project, 'out/linux-unpacked/resources/app.asar');
    const list = asar.listPackage(file, {}).map((f) => f.replace(/\\/g, '/'));
    expect(list.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(list.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(list.every((f) => f === '/package.json' || f === '/dist' || f.startsWith('/dist/electron') || f.startsWith('/dist/renderer'))).toBe(true);
    for (const needed of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) expect(list).toContain(needed);
    for (const build of ['mvp', 'eh', 'coi']) expect(list.some((f) => new RegExp(`/dist/renderer/assets/duckdb-${build}-.*\\.wasm$`).test(f)), build).toBe(true);
    expect(list.some((f) => /duckdb-browser-coi\.pthread\.worker/.test(f))).toBe(true);
    const pkg = JSON.parse(asar.extractFile(file, 'package.json').toString()) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(existsSync(join(project, 'out/linux-unpacked/meshlens'))).toBe(true);
  });
});
