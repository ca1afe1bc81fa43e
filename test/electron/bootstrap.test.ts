/**
 * The whole main process wired together, with a fake `electron` module: what it registers before
 * `ready`, the window it opens, the session policy, the protocol, IPC and files from the OS.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    root: '',
    lock: true,
    appEvents: new Map<string, (...args: unknown[]) => unknown>(),
    privileged: [] as unknown[],
    sandboxEnabled: false,
    quit: 0,
    windows: [] as { options: Record<string, unknown>; url: string | null; contents: Record<string, unknown>; sent: [string, unknown][]; openHandler: ((d: { url: string }) => { action: string }) | null; events: Map<string, (...a: unknown[]) => unknown> }[],
    ipc: new Map<string, (...args: unknown[]) => unknown>(),
    beforeRequest: null as null | ((d: { url: string; method: string; resourceType: string }, cb: (r: { cancel?: boolean }) => void) => void),
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    menu: null as unknown,
    permissionHandler: null as unknown,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    private record: (typeof fake.windows)[number];
    constructor(options: Record<string, unknown>) {
      const contentsEvents = new Map<string, Listener>();
      const record: (typeof fake.windows)[number] = { options, url: null, contents: {}, sent: [], openHandler: null, events: contentsEvents };
      this.webContents = {
        id: 7,
        on: (name: string, fn: Listener) => contentsEvents.set(name, fn),
        setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (record.openHandler = fn),
        send: (channel: string, payload: unknown) => record.sent.push([channel, payload]),
        printToPDF: async () => Buffer.from('%PDF'),
      };
      record.contents = this.webContents;
      this.record = record;
      fake.windows.push(record);
    }
    once(): void {}
    on(): void {}
    maximize(): void {}
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return false;
    }
    async loadURL(url: string): Promise<void> {
      this.record.url = url;
    }
  }
  const app = {
    getPath: (name: string) => join(fake.root, name),
    getAppPath: () => join(fake.root, 'app'),
    getName: () => 'MeshLens',
    isPackaged: true,
    isReady: () => true,
    enableSandbox: () => (fake.sandboxEnabled = true),
    requestSingleInstanceLock: () => fake.lock,
    quit: () => (fake.quit += 1),
    on: (name: string, fn: Listener) => fake.appEvents.set(name, fn),
    whenReady: () => Promise.resolve(),
  };
  const session = {
    defaultSession: {
      webRequest: { onBeforeRequest: (fn: typeof fake.beforeRequest) => (fake.beforeRequest = fn) },
      setPermissionRequestHandler: (fn: unknown) => (fake.permissionHandler = fn),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      setSpellCheckerEnabled: () => undefined,
      protocol: { handle: (scheme: string, fn: (req: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, fn) },
    },
  };
  const electron = {
    app,
    BrowserWindow,
    session,
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => fake.privileged.push(...list) },
    ipcMain: { handle: (ch: string, fn: Listener) => fake.ipc.set(ch, fn), removeHandler: () => undefined },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (fake.menu = m) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {},
  };
  return { ...electron, default: electron };
});

let dataFile: string;

beforeAll(async () => {
  fake.root = await mkdtemp(join(tmpdir(), 'meshlens-boot-'));
  await mkdir(join(fake.root, 'app', 'dist', 'renderer'), { recursive: true });
  await writeFile(join(fake.root, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>MeshLens</title>');
  dataFile = join(fake.root, 'launch.csv');
  await writeFile(dataFile, 'Campaign,Spend\nA,1\n');
  vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/MeshLens/meshlens', dataFile]);
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(fake.windows[0]?.url).toBeTruthy());
});
afterAll(() => rm(fake.root, { recursive: true, force: true }));

const trusted = { sender: { id: 7 }, senderFrame: { url: 'app://meshlens/index.html', parent: null } };

describe('main process bootstrap', () => {
  it('registers app:// as privileged and enables the sandbox for every renderer before ready', () => {
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true } },
    ]);
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('opens one locked-down window on app://meshlens/index.html', () => {
    expect(fake.windows).toHaveLength(1);
    const w = fake.windows[0]!;
    expect(w.url).toBe('app://meshlens/index.html');
    expect(w.options.webPreferences).toEqual({
      preload: expect.stringMatching(/preload\.cjs$/),
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
      devTools: false,
    });
    expect(w.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(w.events.has('will-navigate')).toBe(true);
  });

  it('guards every web contents created later too', () => {
    const created = fake.appEvents.get('web-contents-created')!;
    let handler: ((d: { url: string }) => { action: string }) | null = null;
    created({}, { on: () => undefined, setWindowOpenHandler: (fn: typeof handler) => (handler = fn) });
    expect(handler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('blocks the network on the default session', () => {
    const decide = (url: string): { cancel?: boolean } => {
      let r: { cancel?: boolean } = {};
      fake.beforeRequest!({ url, method: 'GET', resourceType: 'other' }, (x) => (r = x));
      return r;
    };
    expect(decide('https://extensions.duckdb.org/x.wasm')).toEqual({ cancel: true });
    expect(decide('app://meshlens/index.html')).toEqual({});
  });

  it('serves the built renderer from the app folder through app:// with COOP/COEP', async () => {
    const res = await fake.protocolHandlers.get('app')!(new Request('app://meshlens/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>MeshLens</title>');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('registers every IPC channel and sets the app menu', async () => {
    const { INVOKE } = await import('../../shared/ipc/channels');
    expect([...fake.ipc.keys()].sort()).toEqual(Object.values(INVOKE).sort());
    expect(JSON.stringify(fake.menu)).toContain('Save Workspace');
  });

  it('hands the renderer the file from the command line, then later launches as events, readable through readFile', async () => {
    const { INVOKE, EVENTS } = await import('../../shared/ipc/channels');
    const take = fake.ipc.get(INVOKE.takePendingOpens)!;
    expect(await take(trusted, {})).toEqual({ ok: true, value: [dataFile] });
    const read = (await fake.ipc.get(INVOKE.readFile)!(trusted, { path: dataFile })) as { ok: boolean; value: { name: string } };
    expect(read.ok && read.value.name).toBe('launch.csv');

    const second = join(fake.root, 'second.csv');
    await writeFile(second, 'x\n');
    fake.appEvents.get('second-instance')!({}, ['/opt/MeshLens/meshlens', 'second.csv'], fake.root);
    expect(fake.windows[0]!.sent).toContainEqual([EVENTS.openPaths, { paths: [second], source: 'os' }]);

    const evt = { preventDefault: vi.fn() };
    fake.appEvents.get('open-file')!(evt, join(fake.root, 'mac.csv'));
    expect(evt.preventDefault).toHaveBeenCalled();
    expect(fake.windows[0]!.sent.at(-1)).toEqual([EVENTS.openPaths, { paths: [join(fake.root, 'mac.csv')], source: 'os' }]);
  });

  it('refuses IPC from a foreign frame end to end', async () => {
    const { INVOKE } = await import('../../shared/ipc/channels');
    const result = await fake.ipc.get(INVOKE.readFile)!({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, { path: dataFile });
    expect(result).toMatchObject({ ok: false });
  });
});
