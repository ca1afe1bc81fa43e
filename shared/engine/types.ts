/**
 * The Engine is the one door to DuckDB. Three implementations exist:
 * - `electron/engine/native-engine.ts` (native DuckDB through @duckdb/node-api: the CLI's default),
 * - `electron/engine/node-engine.ts` (duckdb-wasm blocking build in Node: `--engine wasm`, tests, bench),
 * - `renderer/src/db` (duckdb-wasm in a Web Worker: the UI).
 * test/engine/conformance runs every fixture on the native and the wasm engine and asserts identical results.
 * Everything above it (import, profile, checks, mesh) talks only to this interface.
 *
 * Values crossing it are plain: numbers, strings, booleans, null. BIGINT/HUGEINT values that do not fit
 * a double exactly arrive as decimal strings so no digit is ever lost; DATE as 'YYYY-MM-DD';
 * TIMESTAMP as 'YYYY-MM-DD HH:MM:SS[.fff]'.
 */
export type Scalar = string | number | boolean | null;
export type Row = Record<string, Scalar>;

export interface ColumnInfo {
  name: string;
  /** DuckDB type name, e.g. VARCHAR, DOUBLE, BIGINT, DATE, DECIMAL(18,2). */
  type: string;
}

export interface QueryResult<T extends Row = Row> {
  columns: ColumnInfo[];
  rows: T[];
}

export interface Engine {
  /** Which runtime answers: useful in logs and benchmarks. */
  readonly kind: 'node-native' | 'node-wasm' | 'browser-wasm';
  /**
   * True when SQL reads files on the local disk by absolute path (native DuckDB in the CLI): the importer
   * then reads a clean file where it lies instead of copying its rows (import/in-place.ts).
   */
  readonly readsLocalFiles?: boolean;
  /** Run a statement and return its rows as plain objects. */
  query<T extends Row = Row>(sql: string): Promise<QueryResult<T>>;
  /** Run one or more statements for their effect. */
  exec(sql: string): Promise<void>;
  /** Make bytes readable by SQL under `name` (e.g. in read_csv('name')). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Forget a registered file. Missing names are ignored. */
  dropFile(name: string): Promise<void>;
  /** Create table `table` from an Arrow IPC stream (used for Parquet, XLSX and JSON loads). */
  insertArrowIPC(table: string, ipc: Uint8Array): Promise<void>;
  /** Run `COPY ... TO name` and hand back the bytes that DuckDB wrote. */
  copyToBytes(selectSql: string, format: 'csv', options?: string): Promise<Uint8Array>;
  /** Run a query and hand back its result as an Arrow IPC stream (used to write Parquet). */
  queryArrowIPC(sql: string): Promise<Uint8Array>;
  /**
   * Present when the engine reads Parquet itself (native DuckDB): the importer then skips parquet-wasm.
   * Creates `table` from the Parquet bytes.
   */
  loadParquet?(table: string, bytes: Uint8Array): Promise<void>;
  /** Present when the engine writes Parquet itself: the query's result as Parquet bytes. */
  writeParquet?(selectSql: string): Promise<Uint8Array>;
  /** Ask the running query to stop. Resolves when the engine is idle again. */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown when work is cancelled by the user; callers show "cancelled", not an error. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** Progress of long work, reported to the UI and the CLI. */
export interface Progress {
  stage: string;
  /** 0..1 when known. */
  fraction?: number;
  detail?: string;
}
export type ProgressFn = (p: Progress) => void;
