/**
 * The renderer's Engine. Every call is a message to the database worker (db-worker.ts); answers come back
 * as plain values. Several BrowserEngines can share one worker, each on its own DuckDB connection, so the
 * grid can page while an import or an audit runs.
 */
import { CancelledError } from '../../../shared/engine/types';
import type { Engine, ProgressFn, QueryResult, Row } from '../../../shared/engine/types';
import { ImportError } from '../../../shared/import/types';
import type { ImportOptions, ImportResult } from '../../../shared/import/types';
import type { Envelope, ImportRequestFile, ImportSource, WorkerMessage, WorkerRequest, WorkerValue } from './protocol';

type Pending = {
  resolve: (value: WorkerValue) => void;
  reject: (error: Error) => void;
  progress?: ProgressFn;
};

/** Distributive Omit so each request variant keeps its own fields. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? R : never) : never;

function rebuildError(name: string, message: string): Error {
  if (name === 'CancelledError') return new CancelledError(message);
  if (name === 'ImportError') return new ImportError(message);
  const e = new Error(message);
  e.name = name;
  return e;
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      const error = new Error(`The database worker failed: ${event.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  private receive(msg: WorkerMessage): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') {
      p.progress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.kind === 'result') p.resolve(msg.value);
    else p.reject(rebuildError(msg.name, msg.message));
  }

  /** Send a request; `transfer` buffers move to the worker (the caller must not reuse them). */
  send(body: RequestBody, transfer: Transferable[] = [], progress?: ProgressFn): { id: number; done: Promise<WorkerValue> } {
    const id = this.nextId++;
    const done = new Promise<WorkerValue>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
    });
    const envelope = { ...body, id } as Envelope;
    this.worker.postMessage(envelope, transfer);
    return { id, done };
  }

  request(body: RequestBody, transfer: Transferable[] = []): Promise<WorkerValue> {
    return this.send(body, transfer).done;
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** A copy the worker may own: callers keep their bytes (e.g. to re-import with other options). */
function transferableCopy(bytes: Uint8Array): Uint8Array {
  return bytes.slice();
}

export class BrowserEngine implements Engine {
  readonly kind = 'browser-wasm' as const;

  private constructor(
    private readonly client: WorkerClient,
    readonly conn: number,
  ) {}

  static async connect(client: WorkerClient): Promise<BrowserEngine> {
    const conn = (await client.request({ op: 'connect' })) as number;
    return new BrowserEngine(client, conn);
  }

  /** Another connection on the same database (same tables), with its own queue. */
  fork(): Promise<BrowserEngine> {
    return BrowserEngine.connect(this.client);
  }

  async query<T extends Row = Row>(sql: string): Promise<QueryResult<T>> {
    return (await this.client.request({ op: 'query', conn: this.conn, sql })) as QueryResult<T>;
  }

  async exec(sql: string): Promise<void> {
    await this.client.request({ op: 'exec', conn: this.conn, sql });
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    const copy = transferableCopy(bytes);
    await this.client.request({ op: 'registerFile', conn: this.conn, name, bytes: copy }, [copy.buffer]);
  }

  async dropFile(name: string): Promise<void> {
    await this.client.request({ op: 'dropFile', conn: this.conn, name });
  }

  async insertArrowIPC(table: string, ipc: Uint8Array): Promise<void> {
    const copy = transferableCopy(ipc);
    await this.client.request({ op: 'insertArrowIPC', conn: this.conn, table, ipc: copy }, [copy.buffer]);
  }

  async copyToBytes(selectSql: string, format: 'csv', options?: string): Promise<Uint8Array> {
    return (await this.client.request({ op: 'copyToBytes', conn: this.conn, sql: selectSql, format, options })) as Uint8Array;
  }

  async queryArrowIPC(sql: string): Promise<Uint8Array> {
    return (await this.client.request({ op: 'queryArrowIPC', conn: this.conn, sql })) as Uint8Array;
  }

  async cancel(): Promise<void> {
    await this.client.request({ op: 'cancel', conn: this.conn });
  }

  async close(): Promise<void> {
    await this.client.request({ op: 'close', conn: this.conn });
  }

  /** Decode a Parquet file to an Arrow IPC stream (in the worker, with parquet-wasm). */
  async parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
    const copy = transferableCopy(bytes);
    return (await this.client.request({ op: 'parquetToIPC', bytes: copy }, [copy.buffer])) as Uint8Array;
  }

  /** Encode an Arrow IPC stream as Parquet (in the worker, with parquet-wasm). */
  async parquetFromIPC(ipc: Uint8Array): Promise<Uint8Array> {
    const copy = transferableCopy(ipc);
    return (await this.client.request({ op: 'parquetFromIPC', ipc: copy }, [copy.buffer])) as Uint8Array;
  }

  /** A query's result as a Parquet file (DuckDB → Arrow IPC → parquet-wasm, all in the worker). */
  async queryParquet(sql: string): Promise<Uint8Array> {
    return this.parquetFromIPC(await this.queryArrowIPC(sql));
  }

  /**
   * Run the shared importer inside the worker on this connection. Progress arrives through `progress`;
   * aborting `signal` stops it (the running statement is interrupted) and rejects with CancelledError.
   */
  async importFile(
    file: ImportRequestFile & { blob?: Blob },
    options?: ImportOptions,
    hooks: { progress?: ProgressFn; signal?: AbortSignal } = {},
  ): Promise<ImportResult> {
    if (hooks.signal?.aborted) throw new CancelledError();
    // A Blob crosses as a handle and the worker reads it; plain bytes are copied so the caller keeps its own.
    const source: ImportSource = file.blob
      ? { path: file.path, name: file.name, blob: file.blob }
      : { path: file.path, name: file.name, bytes: transferableCopy(file.bytes) };
    const transfer = source.bytes ? [source.bytes.buffer as ArrayBuffer] : [];
    const { id, done } = this.client.send({ op: 'import', conn: this.conn, file: source, options }, transfer, hooks.progress);
    const onAbort = () => void this.client.request({ op: 'abort', target: id });
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return (await done) as ImportResult;
    } catch (e) {
      if (hooks.signal?.aborted) throw new CancelledError();
      throw e;
    } finally {
      hooks.signal?.removeEventListener('abort', onAbort);
    }
  }
}
