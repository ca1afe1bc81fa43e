/**
 * The database worker: DuckDB (in its own nested worker, started by duckdb-wasm) plus everything heavy
 * that talks to it (Arrow → rows, Parquet decoding, the importer). The UI thread only sends requests and
 * receives plain values, so it never freezes on data work.
 */
/// <reference lib="webworker" />
import { startDuckDB } from './bundles';
import { AsyncDuckDBEngine } from './duckdb-engine';
import { parquetFromIPC, parquetToIPC } from './parquet';
import { runImport } from './import-task';
import type { Envelope, WorkerMessage, WorkerValue } from './protocol';
import { threadsChoiceFromWorkerName } from './threads';

declare const self: DedicatedWorkerGlobalScope;

const started = startDuckDB(threadsChoiceFromWorkerName(self.name));
const connections = new Map<number, AsyncDuckDBEngine>();
const aborts = new Map<number, AbortController>();
let nextConn = 1;

async function engineFor(conn: number): Promise<AsyncDuckDBEngine> {
  await started;
  const engine = connections.get(conn);
  if (!engine) throw new Error(`No database connection ${conn}.`);
  return engine;
}

function post(message: WorkerMessage): void {
  if (message.kind === 'result' && message.value instanceof Uint8Array) {
    self.postMessage(message, [message.value.buffer as ArrayBuffer]);
  } else {
    self.postMessage(message);
  }
}

async function handle(req: Envelope): Promise<WorkerValue> {
  switch (req.op) {
    case 'connect': {
      const { db } = await started;
      const id = nextConn++;
      connections.set(id, await AsyncDuckDBEngine.connect(db));
      return id;
    }
    case 'query':
      return (await engineFor(req.conn)).query(req.sql);
    case 'exec':
      await (await engineFor(req.conn)).exec(req.sql);
      return null;
    case 'registerFile':
      await (await engineFor(req.conn)).registerFile(req.name, req.bytes);
      return null;
    case 'dropFile':
      await (await engineFor(req.conn)).dropFile(req.name);
      return null;
    case 'insertArrowIPC':
      await (await engineFor(req.conn)).insertArrowIPC(req.table, req.ipc);
      return null;
    case 'copyToBytes':
      return (await engineFor(req.conn)).copyToBytes(req.sql, req.format, req.options);
    case 'queryArrowIPC':
      return (await engineFor(req.conn)).queryArrowIPC(req.sql);
    case 'cancel':
      await (await engineFor(req.conn)).cancel();
      return null;
    case 'close': {
      const engine = await engineFor(req.conn);
      connections.delete(req.conn);
      await engine.close();
      return null;
    }
    case 'parquetToIPC':
      return parquetToIPC(req.bytes);
    case 'parquetFromIPC':
      return parquetFromIPC(req.ipc);
    case 'import': {
      const engine = await engineFor(req.conn);
      const controller = new AbortController();
      aborts.set(req.id, controller);
      try {
        const { path, name } = req.file;
        const bytes = req.file.blob ? new Uint8Array(await req.file.blob.arrayBuffer()) : req.file.bytes;
        return await runImport(engine, { path, name, bytes }, req.options, {
          signal: controller.signal,
          progress: (progress) => post({ id: req.id, kind: 'progress', progress }),
        });
      } finally {
        aborts.delete(req.id);
      }
    }
    case 'abort': {
      const controller = aborts.get(req.target);
      controller?.abort();
      if (controller) await Promise.all([...connections.values()].map((e) => e.cancel()));
      return null;
    }
  }
}

self.addEventListener('message', (event: MessageEvent<Envelope>) => {
  const req = event.data;
  handle(req).then(
    (value) => post({ id: req.id, kind: 'result', value }),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ id: req.id, kind: 'error', name: e.name, message: e.message });
    },
  );
});
