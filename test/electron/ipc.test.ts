import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileAccess } from '../../electron/main/file-access';
import type { DialogPort } from '../../electron/main/ipc';
import { createHandlers, isTrustedSender, registerIpc } from '../../electron/main/ipc';
import { OpenQueue } from '../../electron/main/os-open';
import { WorkspaceFiles } from '../../electron/main/workspace';
import { INVOKE } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/schemas';
import { emptyWorkspace, serializeWorkspace } from '../../shared/workspace';

const MAIN_ID = 7;

type Invoke = (event: unknown, payload: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;

let dir: string;
let lines: string[];
let registered: Map<string, Invoke>;
let access: FileAccess;
let dialogs: DialogPort & { next: string[] | string | null };
let sent: string[][];

function event(opts: { id?: number; url?: string; parent?: unknown; frame?: boolean } = {}): unknown {
  const frame = opts.frame === false ? null : { url: opts.url ?? 'app://meshlens/index.html', parent: opts.parent ?? null };
  return { sender: { id: opts.id ?? MAIN_ID }, senderFrame: frame };
}

async function call(name: keyof typeof INVOKE, payload: unknown, ev: unknown = event()): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const fn = registered.get(INVOKE[name]);
  if (!fn) throw new Error(`no handler for ${name}`);
  return fn(ev, payload);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshlens-ipc-'));
  lines = [];
  const log = (l: string, m: string): void => void lines.push(`${l} ${m}`);
  access = new FileAccess();
  sent = [];
  dialogs = {
    next: null,
    chooseDataFiles: vi.fn(async () => (Array.isArray(dialogs.next) ? dialogs.next : [])),
    chooseWorkspaceToOpen: vi.fn(async () => (typeof dialogs.next === 'string' ? dialogs.next : null)),
    chooseSavePath: vi.fn(async () => (typeof dialogs.next === 'string' ? dialogs.next : null)),
    chooseRelinkTarget: vi.fn(async () => (typeof dialogs.next === 'string' ? dialogs.next : null)),
  };
  const handlers = createHandlers({
    getWindow: () => null,
    access,
    workspaces: new WorkspaceFiles(join(dir, 'userData'), access, log),
    openQueue: new OpenQueue(),
    dialogs,
    log,
    printToPdf: async (path) => {
      await writeFile(path, '%PDF-1.7 test');
      return path;
    },
    sendOpenPaths: (paths) => sent.push(paths),
  });
  registered = new Map();
  const ipcMain = { handle: vi.fn((ch: string, fn: Invoke) => registered.set(ch, fn)), removeHandler: vi.fn() };
  registerIpc(ipcMain as never, handlers, () => MAIN_ID, log);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('IPC contract', () => {
  it('registers one handler per channel, each with request and response schemas', () => {
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE).sort());
    expect(Object.keys(contract).sort()).toEqual(Object.keys(INVOKE).sort());
  });
});

describe('sender check', () => {
  it.each([
    ['another web contents', { id: 99 }],
    ['a sub-frame of our window', { parent: { url: 'app://meshlens/index.html' } }],
    ['a page not served from app://meshlens', { url: 'https://evil.example/' }],
    ['a file:// page', { url: 'file:///tmp/x.html' }],
    ['a destroyed frame', { frame: false }],
  ])('refuses %s and logs it', async (_label, opts) => {
    const data = join(dir, 'a.csv');
    await writeFile(data, 'a\n1\n');
    access.grantRead(data);
    const result = await call('readFile', { path: data }, event(opts));
    expect(result).toEqual({ ok: false, error: 'Refused: this request did not come from the MeshLens window.' });
    expect(lines.some((l) => l.startsWith('warn ipc readFile: refused sender'))).toBe(true);
  });

  it('accepts our main frame', () => {
    expect(isTrustedSender(event() as never, MAIN_ID)).toBe(true);
    expect(isTrustedSender(event() as never, null)).toBe(false);
  });
});

describe('payload validation', () => {
  it.each([
    ['readFile', { path: 'relative/a.csv' }, 'path: path must be absolute'],
    ['readFile', { path: '/tmp/a\0.csv' }, 'path: path contains a NUL byte'],
    ['readFile', { path: '/tmp/a.csv', extra: 1 }, 'Unrecognized key'],
    ['readFile', 'just a string', 'payload'],
    ['saveFile', { suggestedName: '../../etc/passwd', bytes: new Uint8Array(1), mime: 'text/plain' }, 'suggestedName: not a plain file name'],
    ['saveFile', { suggestedName: 'report.pdf', bytes: 'not bytes', mime: 'application/pdf' }, 'bytes: expected bytes'],
    ['saveWorkspace', { json: 42, path: '/tmp/x.meshlens' }, 'json'],
    ['exportPdf', { suggestedName: 'r.pdf', landscape: 'yes' }, 'landscape'],
    ['recentWorkspaces', { sneaky: true }, 'Unrecognized key'],
  ] as const)('%s refuses %j', async (name, payload, fragment) => {
    const result = await call(name, payload);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^Refused: malformed request/);
    expect(result.error).toContain(fragment);
    expect(lines.some((l) => l.startsWith(`warn ipc ${name}: refused malformed payload`))).toBe(true);
  });
});

describe('handlers', () => {
  it('readFile reads a file the user picked, and refuses one nobody picked', async () => {
    const picked = join(dir, 'picked.csv');
    const other = join(dir, 'other.csv');
    await writeFile(picked, 'Campaign,Spend\n');
    await writeFile(other, 'secret');
    dialogs.next = [picked];
    const opened = await call('openFiles', {});
    expect(opened.ok).toBe(true);
    const files = opened.value as { name: string; path: string; bytes: Uint8Array }[];
    expect(files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes)])).toEqual([['picked.csv', picked, 'Campaign,Spend\n']]);
    expect((await call('readFile', { path: picked })).ok).toBe(true);
    const refused = await call('readFile', { path: other });
    expect(refused).toEqual({ ok: false, error: 'MeshLens may only read files you opened or that your workspace lists; "other.csv" is not one of them.' });
  });

  it('a missing file comes back as an error that says to relink, never as a throw', async () => {
    const gone = join(dir, 'gone.csv');
    access.grantRead(gone);
    expect(await call('readFile', { path: gone })).toEqual({ ok: false, error: `The file "${gone}" is no longer there. It may have been moved or renamed: relink it.` });
  });

  it('Save As then Save then Open round-trips a workspace through IPC', async () => {
    const json = serializeWorkspace(emptyWorkspace('IPC round trip'));
    const target = join(dir, 'ipc.meshlens');
    dialogs.next = target;
    expect(await call('saveWorkspaceAs', { json })).toEqual({ ok: true, value: target });
    expect(await call('saveWorkspace', { json, path: target })).toEqual({ ok: true, value: target });
    dialogs.next = null;
    const opened = await call('openWorkspace', { path: target });
    expect(opened).toEqual({ ok: true, value: { path: target, json, datasets: [] } });
    const recent = await call('recentWorkspaces', {});
    expect((recent.value as { path: string }[]).map((r) => r.path)).toEqual([target]);
  });

  it('saveWorkspace refuses a path the user never chose, so a page cannot write anywhere', async () => {
    const json = serializeWorkspace(emptyWorkspace('x'));
    const result = await call('saveWorkspace', { json, path: join(dir, 'bashrc.meshlens') });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/was not opened or chosen as a workspace in this session/);
  });

  it('checkDatasets with a workspace made up by the page grants nothing, so it cannot unlock files', async () => {
    const secret = join(dir, 'secret.csv');
    await writeFile(secret, 'password\n');
    const fake = { ...emptyWorkspace('x'), datasets: [{ id: 'd', path: secret, name: 'secret.csv', importOptions: {}, roleOverrides: {} }] };
    const status = await call('checkDatasets', { json: serializeWorkspace(fake), path: join(dir, 'fake.meshlens') });
    expect(status).toMatchObject({ ok: true, value: [{ status: 'ok' }] });
    expect((await call('readFile', { path: secret })).ok).toBe(false);
  });

  it('openWorkspace refuses a path the user never chose', async () => {
    const result = await call('openWorkspace', { path: '/etc/hosts' });
    expect(result).toMatchObject({ ok: false });
  });

  it('relinkFile makes the chosen file readable; exportPdf writes where the user chose', async () => {
    const moved = join(dir, 'moved.csv');
    await writeFile(moved, 'x\n');
    dialogs.next = moved;
    expect(await call('relinkFile', { oldPath: '/old/place/moved.csv' })).toEqual({ ok: true, value: moved });
    expect((await call('readFile', { path: moved })).ok).toBe(true);
    const pdf = join(dir, 'report.pdf');
    dialogs.next = pdf;
    expect(await call('exportPdf', { suggestedName: 'report.pdf' })).toEqual({ ok: true, value: pdf });
    expect(await readFile(pdf, 'utf8')).toBe('%PDF-1.7 test');
    dialogs.next = null;
    expect(await call('exportPdf', { suggestedName: 'report.pdf' })).toEqual({ ok: true, value: null });
  });
});
