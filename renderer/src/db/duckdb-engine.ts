/**
 * The Engine over duckdb-wasm's AsyncDuckDB. It runs inside our database worker (db-worker.ts), next to
 * the importer, so that neither DuckDB's answers nor the import's text work ever block the UI thread.
 * Arrow → plain rows happens here (shared/engine/arrow-rows.ts), and nowhere else in the renderer.
 */
import { Table } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { arrowToResult } from '../../../shared/engine/arrow-rows';
import { tableToIPC } from 'apache-arrow';
import { CancelledError } from '../../../shared/engine/types';
import type { Engine, QueryResult, Row } from '../../../shared/engine/types';
import { quoteLiteral } from '../../../shared/engine/sql';

export const ENGINE_SETUP_SQL = [
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
].join(';\n');

/** DuckDB's message when a pending query is interrupted. */
const INTERRUPT_RE = /interrupt|cancel/i;
/** DuckDB refuses several statements in one pending query: those run through the plain path. */
const MULTI_STATEMENT_RE = /single statement|one statement|multiple statements/i;

/** Copy bytes into a buffer of their own: duckdb-wasm transfers (detaches) what it is given. */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.slice();
}

export class AsyncDuckDBEngine implements Engine {
  readonly kind = 'browser-wasm' as const;
  /** Statements on one connection run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private running = 0;
  private cancelRequested = false;
  private copyCounter = 0;

  constructor(
    readonly db: AsyncDuckDB,
    private readonly conn: AsyncDuckDBConnection,
  ) {}

  static async connect(db: AsyncDuckDB): Promise<AsyncDuckDBEngine> {
    const conn = await db.connect();
    await conn.query(ENGINE_SETUP_SQL);
    return new AsyncDuckDBEngine(db, conn);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(
      () => this.track(work),
      () => this.track(work),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) this.cancelRequested = false;
    }
  }

  /** Run one statement so that `cancel()` can interrupt it (DuckDB's pending-query path). */
  private async runCancellable(sql: string): Promise<Table> {
    let reader;
    try {
      reader = await this.conn.send(sql, false);
    } catch (e) {
      throw this.translate(e);
    }
    if (!reader) throw new Error('The database worker stopped.');
    const batches: RecordBatch[] = [];
    try {
      for await (const batch of reader) batches.push(batch);
    } catch (e) {
      throw this.translate(e);
    }
    return batches.length ? new Table(batches) : new Table(reader.schema);
  }

  private translate(e: unknown): Error {
    const message = e instanceof Error ? e.message : String(e);
    if (this.cancelRequested || INTERRUPT_RE.test(message)) return new CancelledError();
    return e instanceof Error ? e : new Error(message);
  }

  private async run(sql: string): Promise<Table> {
    try {
      return await this.runCancellable(sql);
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      if (!MULTI_STATEMENT_RE.test(message)) throw e;
      try {
        return await this.conn.query(sql);
      } catch (err) {
        throw this.translate(err);
      }
    }
  }

  query<T extends Row = Row>(sql: string): Promise<QueryResult<T>> {
    return this.serial(async () => arrowToResult<T>(await this.run(sql)));
  }

  exec(sql: string): Promise<void> {
    return this.serial(async () => {
      await this.run(sql);
    });
  }

  registerFile(name: string, bytes: Uint8Array): Promise<void> {
    return this.serial(async () => {
      await this.db.dropFile(name).catch(() => undefined);
      await this.db.registerFileBuffer(name, ownBytes(bytes));
    });
  }

  dropFile(name: string): Promise<void> {
    return this.serial(async () => {
      await this.db.dropFile(name).catch(() => undefined);
    });
  }

  insertArrowIPC(table: string, ipc: Uint8Array): Promise<void> {
    return this.serial(async () => {
      await this.conn.insertArrowFromIPCStream(ownBytes(ipc), { name: table, create: true });
    });
  }

  copyToBytes(selectSql: string, format: 'csv', options = ''): Promise<Uint8Array> {
    return this.serial(async () => {
      const name = `meshlens-copy-${Date.now()}-${++this.copyCounter}.${format}`;
      await this.db.registerEmptyFileBuffer(name);
      try {
        await this.conn.query(
          `COPY (${selectSql}) TO ${quoteLiteral(name)} (FORMAT ${format}${options ? ', ' + options : ''})`,
        );
        return await this.db.copyFileToBuffer(name);
      } finally {
        await this.db.dropFile(name).catch(() => undefined);
      }
    });
  }

  queryArrowIPC(sql: string): Promise<Uint8Array> {
    return this.serial(async () => tableToIPC(await this.run(sql), 'stream'));
  }

  async cancel(): Promise<void> {
    if (this.running === 0) return;
    this.cancelRequested = true;
    await this.conn.cancelSent().catch(() => false);
    // Resolve once the queue has drained past what was running when cancel was asked.
    await this.queue;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.conn.close();
  }
}
