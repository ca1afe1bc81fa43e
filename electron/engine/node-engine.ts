/**
 * The Node implementation of the Engine: duckdb-wasm's blocking Node build, used by the CLI, the tests
 * and the benchmark. All wasm files come from the installed package; extensions never auto-install or
 * auto-load, so nothing ever waits on a download.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Arrow from 'apache-arrow';
import type * as DuckDBBlocking from '@duckdb/duckdb-wasm/blocking';
import { arrowToResult } from '../../shared/engine/arrow-rows';
import type { Engine, QueryResult, Row } from '../../shared/engine/types';
import { quoteLiteral } from '../../shared/engine/sql';
import { ENGINE_SETUP_SQL } from './setup-sql';

const require = createRequire(import.meta.url);
// The CJS copy of apache-arrow, the same instance duckdb-wasm's CJS build uses (ESM and CJS copies are
// different classes, and tableToIPC silently writes an empty stream for a foreign Table).
const { tableToIPC } = require('apache-arrow') as typeof Arrow;

type Bindings = Awaited<ReturnType<typeof DuckDBBlocking.createDuckDB>>;
type Connection = ReturnType<Bindings['connect']>;


export class NodeEngine implements Engine {
  readonly kind = 'node-wasm' as const;
  private tmp: string | null = null;

  private constructor(
    private readonly db: Bindings,
    private readonly conn: Connection,
  ) {}

  static async create(): Promise<NodeEngine> {
    const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof DuckDBBlocking;
    const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
    const bundles = {
      mvp: {
        mainModule: path.join(dist, 'duckdb-mvp.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
      },
      eh: {
        mainModule: path.join(dist, 'duckdb-eh.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
      },
    };
    const logger = new duckdb.VoidLogger();
    const db = await duckdb.createDuckDB(bundles, logger, duckdb.NODE_RUNTIME);
    await db.instantiate();
    db.open({ query: { castBigIntToDouble: false } });
    const conn = db.connect();
    conn.query(ENGINE_SETUP_SQL);
    return new NodeEngine(db, conn);
  }

  async query<T extends Row = Row>(sql: string): Promise<QueryResult<T>> {
    return arrowToResult<T>(this.conn.query(sql));
  }

  async exec(sql: string): Promise<void> {
    this.conn.query(sql);
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    this.db.registerFileBuffer(name, bytes);
  }

  async dropFile(name: string): Promise<void> {
    try {
      this.db.dropFile(name);
    } catch {
      /* not registered: nothing to drop */
    }
  }

  async insertArrowIPC(table: string, ipc: Uint8Array): Promise<void> {
    this.conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
  }

  async copyToBytes(selectSql: string, format: 'csv', options = ''): Promise<Uint8Array> {
    this.tmp ??= mkdtempSync(path.join(tmpdir(), 'meshlens-'));
    const out = path.join(this.tmp, `copy-${Date.now()}-${Math.random().toString(36).slice(2)}.${format}`);
    try {
      this.conn.query(`COPY (${selectSql}) TO ${quoteLiteral(out)} (FORMAT ${format}${options ? ', ' + options : ''})`);
      return new Uint8Array(readFileSync(out));
    } finally {
      rmSync(out, { force: true });
    }
  }

  async queryArrowIPC(sql: string): Promise<Uint8Array> {
    return tableToIPC(this.conn.query(sql), 'stream');
  }

  async cancel(): Promise<void> {
    // The blocking build runs each statement to completion on this thread; there is nothing in flight
    // to interrupt by the time a caller can ask. Long CLI work is cancelled between statements.
  }

  async close(): Promise<void> {
    try {
      this.conn.close();
      this.db.reset();
    } finally {
      if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
    }
  }
}
