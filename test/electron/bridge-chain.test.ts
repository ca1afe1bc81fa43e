/**
 * The whole chain without Electron: the renderer's ElectronBridge → the built preload bundle (run as a
 * sandboxed preload would be, with only `electron` to require) → payloads cloned as IPC clones them →
 * the real main-process handlers with the sender check → files on disk.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FileAccess } from '../../electron/main/file-access';
import type { DialogPort } from '../../electron/main/ipc';
import { createHandlers, registerIpc } from '../../electron/main/ipc';
import { OpenQueue } from '../../electron/main/os-open';
import { WorkspaceFiles } from '../../electron/main/workspace';
import type { ElectronBridge } from '../../renderer/src/bridge/electron-bridge';
import type { MeshLensApi } from '../../shared/ipc/api';
import { EVENTS } from '../../shared/ipc/channels';
import { emptyWorkspace, parseWorkspace, serializeWorkspace } from '../../shared/workspace';

const root = resolve(__dirname, '../..');
let dir: string;
let bridge: ElectronBridge;
let api: MeshLensApi;
let nextDialog: string[] | string | null = null;
const rendererListeners = new Map<string, ((event: unknown, value: unknown) => void)[]>();
const queue = new OpenQueue();
const mainLog: string[] = [];

function emitToRenderer(channel: string, value: unknown): void {
  for (const l of rendererListeners.get(channel) ?? []) l({}, structuredClone(value));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meshlens-chain-'));
  await promisify(execFile)(process.execPath, [join(root, 'scripts/build-electron.mjs'), '--outdir', join(dir, 'bundle')], { cwd: root });

  // Main side: the real handlers, registered on a fake ipcMain.
  const access = new FileAccess();
  const log = (l: string, m: string): void => void mainLog.push(`${l} ${m}`);
  const dialogs: DialogPort = {
    chooseDataFiles: async () => (Array.isArray(nextDialog) ? nextDialog : []),
    chooseWorkspaceToOpen: async () => (typeof nextDialog === 'string' ? nextDialog : null),
    chooseSavePath: async () => (typeof nextDialog === 'string' ? nextDialog : null),
    chooseRelinkTarget: async () => (typeof nextDialog === 'string' ? nextDialog : null),
  };
  const handlers = createHandlers({
    getWindow: () => null,
    access,
    workspaces: new WorkspaceFiles(join(dir, 'userData'), access, log),
    openQueue: queue,
    dialogs,
    log,
    printToPdf: async (p) => p,
    sendOpenPaths: (paths) => emitToRenderer(EVENTS.openPaths, { paths, source: 'os' }),
  });
  const mainHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  registerIpc({ handle: (ch: string, fn: (e: unknown, p: unknown) => Promise<unknown>) => mainHandlers.set(ch, fn), removeHandler: () => undefined } as never, handlers, () => 1, log);
  const trustedEvent = { sender: { id: 1 }, senderFrame: { url: 'app://meshlens/index.html', parent: null } };

  // Preload side: the built bundle with a fake electron whose ipcRenderer clones like Electron does.
  const exposed: Record<string, unknown> = {};
  const fakeElectron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        const handler = mainHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return structuredClone(await handler(trustedEvent, structuredClone(payload)));
      },
      on: (channel: string, fn: (e: unknown, v: unknown) => void) => rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: (e: unknown, v: unknown) => void) =>
        rendererListeners.set(
          channel,
          (rendererListeners.get(channel) ?? []).filter((x) => x !== fn),
        ),
    },
    webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
  };
  runInNewContext(readFileSync(join(dir, 'bundle/preload.cjs'), 'utf8'), {
    require: (id: string) => {
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require '${id}'`);
      return fakeElectron;
    },
    module: { exports: {} },
    exports: {},
    process: { platform: 'linux' },
  });
  api = exposed.meshlens as MeshLensApi;
  vi.stubGlobal('window', { meshlens: api });
  const mod = await import('../../renderer/src/bridge/electron-bridge');
  bridge = mod.createElectronBridge()!;
}, 120_000);

afterAll(() => {
  vi.unstubAllGlobals();
  rmSync(dir, { recursive: true, force: true });
});

describe('Bridge → preload → IPC → main → disk', () => {
  it('openFiles returns the picked files with their bytes; cancelling returns []', async () => {
    const csv = join(dir, 'google-ads.csv');
    writeFileSync(csv, 'Campaign,Cost\nBrand,"1,234.50"\n');
    nextDialog = [csv];
    const files = await bridge.openFiles();
    expect(files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes)])).toEqual([['google-ads.csv', csv, 'Campaign,Cost\nBrand,"1,234.50"\n']]);
    nextDialog = [];
    expect(await bridge.openFiles()).toEqual([]);
  });

  it('readFile of a file nobody picked is an error result, not an exception', async () => {
    const other = join(dir, 'private.txt');
    writeFileSync(other, 'secret');
    const r = await bridge.readFile(other);
    expect(r.ok).toBe(false);
  });

  it('saveWorkspace without a path asks where (Save As), then saves in place; openWorkspace reads it back', async () => {
    const json = serializeWorkspace(emptyWorkspace('Chain test'));
    const target = join(dir, 'chain.meshlens');
    nextDialog = target;
    expect(await bridge.saveWorkspace(json)).toEqual({ ok: true, value: target });
    nextDialog = null;
    expect(await bridge.saveWorkspace(json, target)).toEqual({ ok: true, value: target });
    const opened = await bridge.openWorkspace(target);
    expect(opened?.ok && parseWorkspace(opened.value.json).ok).toBe(true);
    expect((await bridge.recentWorkspaces()).map((r) => r.path)).toEqual([target]);
    expect(await bridge.openWorkspace()).toBeNull();
  });

  it('saveFile writes bytes where the user chose and returns null when cancelled', async () => {
    const out = join(dir, 'report.html');
    nextDialog = out;
    expect(await bridge.saveFile('report.html', new TextEncoder().encode('<h1>Audit</h1>'), 'text/html')).toBe(out);
    expect(readFileSync(out, 'utf8')).toBe('<h1>Audit</h1>');
    nextDialog = null;
    expect(await bridge.saveFile('report.html', new Uint8Array(1), 'text/html')).toBeNull();
  });

  it('a malformed request from the renderer is refused by the main process with a readable error', async () => {
    await expect(bridge.saveFile('../escape.txt', new Uint8Array(1), 'text/plain')).rejects.toThrow(/Refused: malformed request \(suggestedName: not a plain file name\)/);
    expect(mainLog.some((l) => l.includes('refused malformed payload'))).toBe(true);
  });

  it('menu commands reach the handler until unsubscribed; unknown commands are dropped', () => {
    const got: string[] = [];
    const off = bridge.onMenuCommand((c) => got.push(c));
    emitToRenderer(EVENTS.menuCommand, 'save-workspace');
    emitToRenderer(EVENTS.menuCommand, 'rm -rf');
    off();
    emitToRenderer(EVENTS.menuCommand, 'help');
    expect(got).toEqual(['save-workspace']);
  });

  it('files opened from the OS before the UI was ready arrive first, later ones as events', async () => {
    const mod = await import('../../renderer/src/bridge/electron-bridge');
    queue.reset();
    queue.push(['/early/a.csv']);
    const got: { paths: string[]; source: string }[] = [];
    const off = mod.onOpenPaths((e) => got.push(e));
    await vi.waitFor(() => expect(got).toEqual([{ paths: ['/early/a.csv'], source: 'os' }]));
    queue.push(['/later/b.meshlens']);
    expect(got[1]).toEqual({ paths: ['/later/b.meshlens'], source: 'os' });
    off();
  });
});
