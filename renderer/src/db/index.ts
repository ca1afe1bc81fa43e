/**
 * The renderer's one database. `getEngine()` starts the database worker once and hands back the main
 * connection; `getEngine('grid')` etc. give further connections on the same database, so paging the grid
 * never waits behind an audit.
 */
import { BrowserEngine, WorkerClient } from './browser-engine';
import { dbWorkerName, threadsChoiceFromQuery } from './threads';

export { BrowserEngine } from './browser-engine';
export type { ImportRequestFile } from './protocol';

let client: WorkerClient | null = null;
const engines = new Map<string, Promise<BrowserEngine>>();

function startWorker(): WorkerClient {
  const name = dbWorkerName(threadsChoiceFromQuery(globalThis.location?.search ?? ''));
  const worker = new Worker(new URL('./db-worker.ts', import.meta.url), { type: 'module', name });
  return new WorkerClient(worker);
}

export function getEngine(connection = 'main'): Promise<BrowserEngine> {
  let engine = engines.get(connection);
  if (!engine) {
    try {
      client ??= startWorker();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    engine = BrowserEngine.connect(client);
    engine.catch(() => engines.delete(connection));
    engines.set(connection, engine);
  }
  return engine;
}

/** Decode Parquet to Arrow IPC in the worker (for importers that need it). */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
  return (await getEngine()).parquetToIPC(bytes);
}

/** Encode Arrow IPC as Parquet in the worker. */
export async function parquetFromIPC(ipc: Uint8Array): Promise<Uint8Array> {
  return (await getEngine()).parquetFromIPC(ipc);
}

/** The browser's ParquetCodec (both directions run in the worker), for code on the UI thread. */
export const parquetCodec = { toIPC: parquetToIPC, fromIPC: parquetFromIPC };
