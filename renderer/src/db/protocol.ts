/** Messages between the UI thread (browser-engine.ts) and the database worker (db-worker.ts). */
import type { Progress, QueryResult } from '../../../shared/engine/types';
import type { ImportOptions, ImportResult } from '../../../shared/import/types';

export interface ImportRequestFile {
  path: string;
  name: string;
  bytes: Uint8Array;
}

/** What the UI thread sends: the bytes, or a Blob the worker reads itself (off the UI thread). */
export type ImportSource = { path: string; name: string } & ({ bytes: Uint8Array; blob?: undefined } | { blob: Blob; bytes?: undefined });

export type WorkerRequest =
  | { op: 'connect' }
  | { op: 'query'; conn: number; sql: string }
  | { op: 'exec'; conn: number; sql: string }
  | { op: 'registerFile'; conn: number; name: string; bytes: Uint8Array }
  | { op: 'dropFile'; conn: number; name: string }
  | { op: 'insertArrowIPC'; conn: number; table: string; ipc: Uint8Array }
  | { op: 'copyToBytes'; conn: number; sql: string; format: 'csv'; options?: string }
  | { op: 'queryArrowIPC'; conn: number; sql: string }
  | { op: 'cancel'; conn: number }
  | { op: 'close'; conn: number }
  | { op: 'parquetToIPC'; bytes: Uint8Array }
  | { op: 'parquetFromIPC'; ipc: Uint8Array }
  | { op: 'import'; conn: number; file: ImportSource; options?: ImportOptions }
  /** Abort the task (e.g. an import) started by request `target`. */
  | { op: 'abort'; target: number };

export type WorkerValue = QueryResult | Uint8Array | ImportResult | number | string | null;

export type WorkerMessage =
  | { id: number; kind: 'result'; value: WorkerValue }
  | { id: number; kind: 'error'; name: string; message: string }
  | { id: number; kind: 'progress'; progress: Progress };

export type Envelope = WorkerRequest & { id: number };
