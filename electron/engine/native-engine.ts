/**
 * The native implementation of the Engine: DuckDB's own library through @duckdb/node-api (its binary
 * comes from the npm registry as a platform package, `@duckdb/node-bindings-<os>-<cpu>`, so nothing is
 * downloaded at run time). The CLI's default engine: the same shared/ statements as duckdb-wasm, several
 * times faster, on every core. The engine conformance suite (test/engine/conformance) holds it to the
 * same answers as the wasm engine.
 *
 * Values are converted exactly as shared/engine/arrow-rows.ts converts duckdb-wasm's Arrow answers, so
 * code above the Engine cannot tell the two apart. Registered files are written to a private temporary
 * folder that DuckDB searches for relative names (`file_search_path`); Parquet is read and written by
 * DuckDB itself (no parquet-wasm on this path).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as NodeApiModule from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBInstance, DuckDBResultReader, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { formatDate, formatTimestamp } from '../../shared/engine/time-text';
import { quoteLiteral } from '../../shared/engine/sql';
import type { ColumnInfo, Engine, QueryResult, Row, Scalar } from '../../shared/engine/types';
import { ENGINE_SETUP_SQL } from './setup-sql';

/** parquet-wasm, only for Arrow IPC in and out (rare): not loaded on start (it costs ~70 ms). */
const parquetCodec = async () => (await import('./parquet-node')).nodeParquet;

type NodeApi = typeof NodeApiModule;
const nodeRequire = createRequire(import.meta.url);

export class NativeEngine implements Engine {
  readonly kind = 'node-native' as const;
  readonly readsLocalFiles = true;
  private files = 0;

  private constructor(
    private readonly api: NodeApi,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly dir: string,
  ) {}

  static async create(): Promise<NativeEngine> {
    // require(), not import(): importing a CommonJS package from ESM runs Node's export lexer over each of
    // its ~190 files first (~0.1 s of every start).
    const api = nodeRequire('@duckdb/node-api') as NodeApi;
    const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-native-'));
    const instance = await api.DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      // Tables bigger than memory spill here (DuckDB's default is `.tmp` in the user's working folder).
      temp_directory: path.join(dir, 'spill'),
    });
    const conn = await instance.connect();
    await conn.run(`${ENGINE_SETUP_SQL};\nSET file_search_path = ${quoteLiteral(dir)}`);
    return new NativeEngine(api, instance, conn, dir);
  }

  async query<T extends Row = Row>(sql: string): Promise<QueryResult<T>> {
    return this.toResult<T>(await this.conn.runAndReadAll(sql));
  }

  async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  private fileFor(name: string): string {
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`cannot register a file named ${JSON.stringify(name)}`);
    return path.join(this.dir, name);
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    writeFileSync(this.fileFor(name), bytes);
  }

  async dropFile(name: string): Promise<void> {
    try {
      rmSync(this.fileFor(name), { force: true });
    } catch {
      /* not registered: nothing to drop */
    }
  }

  /** A fresh file name in the private folder. */
  private scratch(ext: string): string {
    return path.join(this.dir, `scratch-${++this.files}.${ext}`);
  }

  async insertArrowIPC(table: string, ipc: Uint8Array): Promise<void> {
    // Native DuckDB has no Arrow IPC reader without an extension: go through Parquet, which it reads.
    const file = this.scratch('parquet');
    try {
      writeFileSync(file, await (await parquetCodec()).fromIPC(ipc));
      await this.conn.run(`CREATE TABLE ${quoteIdentLocal(table)} AS SELECT * FROM read_parquet(${quoteLiteral(file)})`);
    } finally {
      rmSync(file, { force: true });
    }
  }

  /** Parquet bytes straight into a table (the importer uses this instead of parquet-wasm). */
  async loadParquet(table: string, bytes: Uint8Array): Promise<void> {
    const file = this.scratch('parquet');
    try {
      writeFileSync(file, bytes);
      await this.conn.run(`CREATE TABLE ${quoteIdentLocal(table)} AS SELECT * FROM read_parquet(${quoteLiteral(file)})`);
    } finally {
      rmSync(file, { force: true });
    }
  }

  async copyToBytes(selectSql: string, format: 'csv' | 'parquet', options = ''): Promise<Uint8Array> {
    const out = this.scratch(format);
    try {
      const opts = format === 'parquet' ? `FORMAT parquet, COMPRESSION snappy${options ? ', ' + options : ''}` : `FORMAT ${format}${options ? ', ' + options : ''}`;
      await this.conn.run(`COPY (${selectSql}) TO ${quoteLiteral(out)} (${opts})`);
      return new Uint8Array(readFileSync(out));
    } finally {
      rmSync(out, { force: true });
    }
  }

  /** Parquet bytes of a query, written by DuckDB itself. */
  async writeParquet(selectSql: string): Promise<Uint8Array> {
    return this.copyToBytes(selectSql, 'parquet');
  }

  async queryArrowIPC(sql: string): Promise<Uint8Array> {
    return (await parquetCodec()).toIPC(await this.writeParquet(sql));
  }

  async cancel(): Promise<void> {
    this.conn.interrupt();
  }

  async close(): Promise<void> {
    try {
      this.conn.closeSync();
      this.instance.closeSync();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private toResult<T extends Row>(reader: DuckDBResultReader): QueryResult<T> {
    const names = reader.columnNames();
    const types = reader.columnTypes();
    const columns: ColumnInfo[] = names.map((name, i) => ({ name, type: typeName(types[i]!, this.api) }));
    const convert = types.map((t) => converter(t, this.api));
    const rows = reader.getRows().map((r) => {
      const row: Row = {};
      for (let c = 0; c < names.length; c++) row[names[c]!] = convert[c]!(r[c]!);
      return row as T;
    });
    return { columns, rows };
  }
}

function quoteIdentLocal(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Type names as duckdb-wasm's Arrow answers name them (shared/engine/arrow-rows.ts arrowTypeName). */
function typeName(t: DuckDBType, api: NodeApi): string {
  const T = api.DuckDBTypeId;
  switch (t.typeId) {
    case T.TINYINT:
    case T.UTINYINT:
      return 'TINYINT';
    case T.SMALLINT:
    case T.USMALLINT:
      return 'SMALLINT';
    case T.INTEGER:
    case T.UINTEGER:
      return 'INTEGER';
    case T.BIGINT:
    case T.UBIGINT:
      return 'BIGINT';
    case T.FLOAT:
    case T.DOUBLE:
      return 'DOUBLE';
    case T.HUGEINT:
    case T.UHUGEINT:
      return 'DECIMAL(38,0)';
    case T.TIMESTAMP:
    case T.TIMESTAMP_S:
    case T.TIMESTAMP_MS:
    case T.TIMESTAMP_NS:
    case T.TIMESTAMP_TZ:
      return 'TIMESTAMP';
    case T.TIME:
    case T.TIME_NS:
      return 'TIME';
    case T.ENUM:
      return 'VARCHAR';
    default:
      return t.toString();
  }
}

const bigToScalar = (v: bigint): Scalar =>
  v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();

function decimalToScalar(value: bigint, scale: number): Scalar {
  if (scale === 0) return bigToScalar(value);
  const neg = value < 0n;
  const digits = (neg ? -value : value).toString().padStart(scale + 1, '0');
  const text = (neg ? '-' : '') + digits.slice(0, -scale) + '.' + digits.slice(-scale);
  const n = Number(text);
  return Number.isFinite(n) && digits.replace(/^0+/, '').length <= 15 ? n : text;
}

type Convert = (v: DuckDBValue) => Scalar;

/** One converter per column, chosen once from its type. */
function converter(t: DuckDBType, api: NodeApi): Convert {
  const T = api.DuckDBTypeId;
  const nullable =
    (f: (v: NonNullable<DuckDBValue>) => Scalar): Convert =>
    (v) =>
      v === null || v === undefined ? null : f(v);
  switch (t.typeId) {
    case T.DATE:
      return nullable((v) => formatDate((v as { days: number }).days * 86_400_000));
    case T.TIMESTAMP:
    case T.TIMESTAMP_TZ:
      return nullable((v) => formatTimestamp(Number((v as { micros: bigint }).micros / 1000n)));
    case T.TIMESTAMP_MS:
      return nullable((v) => formatTimestamp(Number((v as { millis: bigint }).millis)));
    case T.TIMESTAMP_S:
      return nullable((v) => formatTimestamp(Number((v as { seconds: bigint }).seconds) * 1000));
    case T.TIMESTAMP_NS:
      return nullable((v) => formatTimestamp(Number((v as { nanos: bigint }).nanos / 1_000_000n)));
    case T.DECIMAL:
      return nullable((v) => {
        const d = v as { value: bigint; scale: number };
        return decimalToScalar(d.value, d.scale);
      });
    case T.HUGEINT:
    case T.UHUGEINT:
    case T.BIGINT:
    case T.UBIGINT:
      return nullable((v) => bigToScalar(v as bigint));
    case T.TIME:
      return nullable((v) => bigToScalar((v as { micros: bigint }).micros));
    case T.BLOB:
      return nullable((v) => `<${(v as { bytes: Uint8Array }).bytes.length} bytes>`);
    case T.LIST:
    case T.ARRAY:
    case T.STRUCT:
    case T.MAP:
    case T.UNION:
      return nullable((v) => JSON.stringify(toJson(v)));
    default:
      return nullable((v) => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : typeof v === 'bigint' ? bigToScalar(v) : String(v)));
  }
}

/** Nested values as JSON-able data (lists → arrays, structs → objects), the shape Arrow's toJSON gives. */
function toJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return bigToScalar(v);
  if (typeof v !== 'object') return v;
  const o = v as { items?: unknown[]; entries?: Record<string, unknown> | { key: unknown; value: unknown }[] };
  if (Array.isArray(o.items)) return o.items.map(toJson);
  if (Array.isArray(o.entries)) return Object.fromEntries(o.entries.map((e) => [String(toJson(e.key)), toJson(e.value)]));
  if (o.entries && typeof o.entries === 'object') return Object.fromEntries(Object.entries(o.entries).map(([k, x]) => [k, toJson(x)]));
  return String(v);
}
