/**
 * IPC handlers. Each one checks who is asking (our app:// main frame in the main window, nothing
 * else) and what is asked (the zod schema of its channel), logs and refuses otherwise, and answers
 * `{ ok: true, value } | { ok: false, error }`. Handlers never throw across the boundary.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { InvokeName } from '../../shared/ipc/channels';
import { INVOKE } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/result';
import { fail, ok } from '../../shared/ipc/result';
import type { Contract, ResponseOf } from '../../shared/ipc/schemas';
import { contract } from '../../shared/ipc/schemas';
import { parseWorkspace } from '../../shared/workspace/parse';
import { atomicWriteFile } from './atomic-write';
import type { FileAccess } from './file-access';
import type { Logger } from './log';
import type { OpenQueue } from './os-open';
import { isAppUrl } from './security';
import type { WorkspaceFiles } from './workspace';

export interface DialogPort {
  chooseDataFiles(win: BrowserWindow | null, title?: string): Promise<string[]>;
  chooseWorkspaceToOpen(win: BrowserWindow | null): Promise<string | null>;
  chooseSavePath(win: BrowserWindow | null, suggestedName: string, title?: string): Promise<string | null>;
  chooseRelinkTarget(win: BrowserWindow | null, oldPath: string): Promise<string | null>;
}

export interface IpcDeps {
  getWindow(): BrowserWindow | null;
  access: FileAccess;
  workspaces: WorkspaceFiles;
  openQueue: OpenQueue;
  dialogs: DialogPort;
  log: Logger;
  printToPdf(path: string, landscape: boolean): Promise<string>;
  sendOpenPaths(paths: string[]): void;
}

type Request<N extends InvokeName> = Contract[N]['request']['_zod']['output'];
export type Handlers = { [N in InvokeName]: (payload: Request<N>) => Promise<ResponseOf<N>> };

export function createHandlers(deps: IpcDeps): Handlers {
  const win = (): BrowserWindow | null => deps.getWindow();
  return {
    async openFiles({ title }) {
      const paths = await deps.dialogs.chooseDataFiles(win(), title);
      for (const p of paths) deps.access.grantRead(p);
      return Promise.all(paths.map((p) => deps.access.read(p)));
    },
    async saveFile({ suggestedName, bytes }) {
      const path = await deps.dialogs.chooseSavePath(win(), suggestedName);
      if (!path) return null;
      await atomicWriteFile(path, bytes);
      return path;
    },
    saveWorkspace: ({ json, path }) => deps.workspaces.save(json, path, false),
    async saveWorkspaceAs({ json, suggestedName }) {
      const path = await deps.dialogs.chooseSavePath(win(), suggestedName ?? 'Untitled.meshlens', 'Save workspace');
      return path ? deps.workspaces.save(json, path, true) : null;
    },
    async openWorkspace({ path }) {
      if (path !== undefined && !deps.access.canRead(path)) {
        throw new Error('MeshLens only opens workspaces you chose, opened from the system, or from the recent list.');
      }
      const chosen = path ?? (await deps.dialogs.chooseWorkspaceToOpen(win()));
      return chosen ? deps.workspaces.open(chosen) : null;
    },
    autosaveWorkspace: ({ json, path }) => deps.workspaces.autosave(json, path),
    recentWorkspaces: () => deps.workspaces.recent(),
    async checkDatasets({ json, path }) {
      const parsed = parseWorkspace(json, 'The workspace');
      if (!parsed.ok) throw new Error(parsed.message);
      return deps.workspaces.checkDatasets(parsed.workspace, path);
    },
    async relinkFile({ oldPath }) {
      const path = await deps.dialogs.chooseRelinkTarget(win(), oldPath);
      if (path) deps.access.grantRead(path);
      return path;
    },
    readFile: ({ path }) => deps.access.read(path),
    async exportPdf({ suggestedName, landscape }) {
      const path = await deps.dialogs.chooseSavePath(win(), suggestedName, 'Export PDF');
      return path ? deps.printToPdf(path, landscape ?? false) : null;
    },
    async takePendingOpens() {
      return deps.openQueue.take((paths) => deps.sendOpenPaths(paths));
    },
    async grantDroppedFile({ path }) {
      deps.access.grantRead(path);
      return true;
    },
  };
}

/** Only our own page may call: the main frame of the main window, loaded from app://meshlens. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, mainContentsId: number | null): boolean {
  const frame = event.senderFrame;
  if (!frame || mainContentsId === null) return false;
  return event.sender.id === mainContentsId && frame.parent === null && isAppUrl(frame.url);
}

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'payload'}: ${i.message}`)
    .join('; ');
}

/** Wrap one handler with the sender check, the payload schema and the Result envelope. */
export function guardedHandler<N extends InvokeName>(
  name: N,
  handler: Handlers[N],
  mainContentsId: () => number | null,
  log: Logger,
): (event: IpcMainInvokeEvent, payload: unknown) => Promise<IpcResult<ResponseOf<N>>> {
  const schema = contract[name].request;
  return async (event, payload) => {
    if (!isTrustedSender(event, mainContentsId())) {
      log('warn', `ipc ${name}: refused sender ${event.senderFrame?.url ?? '(no frame)'} (contents ${event.sender.id})`);
      return fail('Refused: this request did not come from the MeshLens window.');
    }
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const detail = describe(parsed.error);
      log('warn', `ipc ${name}: refused malformed payload: ${detail}`);
      return fail(`Refused: malformed request (${detail}).`);
    }
    try {
      const run = handler as (p: unknown) => Promise<ResponseOf<N>>;
      return ok(await run(parsed.data));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log('warn', `ipc ${name}: ${message}`);
      return fail(message);
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: Handlers, mainContentsId: () => number | null, log: Logger): void {
  for (const name of Object.keys(INVOKE) as InvokeName[]) {
    ipcMain.removeHandler(INVOKE[name]);
    ipcMain.handle(INVOKE[name], guardedHandler(name, handlers[name], mainContentsId, log));
  }
}
