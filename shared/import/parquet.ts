/**
 * Parquet: native DuckDB reads it itself (Engine.loadParquet); duckdb-wasm has no Parquet reader offline,
 * so there parquet-wasm turns the file into Arrow first.
 */
import type { Engine } from '../engine/types';
import { quoteIdent } from '../engine/sql';
import { oneLine } from './formats';
import { uniqueNames } from './names';
import type { ImportedColumn, ImportResult, ValueKind } from './types';
import { ImportError } from './types';

export interface ParquetCodec {
  /** Parquet bytes → Arrow IPC stream. */
  toIPC(bytes: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Arrow IPC stream → Parquet bytes. */
  fromIPC(ipc: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

function kindOf(type: string): ValueKind {
  if (/^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER)/.test(type)) return 'integer';
  if (/^(DOUBLE|FLOAT|DECIMAL|REAL)/.test(type)) return 'decimal';
  if (type === 'DATE') return 'date';
  if (type.startsWith('TIMESTAMP')) return 'timestamp';
  if (type === 'BOOLEAN') return 'boolean';
  return 'text';
}

/** What is wrong with an unreadable Parquet file, in the user's words. */
function parquetProblem(detail: string): string {
  if (/magic|footer|too small|truncat|EOF/i.test(detail)) return 'its footer is missing or damaged: the file is truncated or corrupt';
  return 'its contents are damaged';
}

export async function loadParquet(inp: {
  engine: Engine;
  file: { path: string; name: string; bytes: Uint8Array };
  codec?: ParquetCodec;
  tableName: string;
  rawTableName: string;
  warnings: string[];
  step: (stage: string, fraction: number) => void;
}): Promise<ImportResult> {
  const { engine, file, tableName, rawTableName } = inp;
  inp.step('Decoding Parquet', 0.1);
  const src = `${tableName}__src`;
  await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(src)}`);
  try {
    if (engine.loadParquet) await engine.loadParquet(src, file.bytes);
    else if (inp.codec) await engine.insertArrowIPC(src, await inp.codec.toIPC(file.bytes));
    else throw new ImportError('Parquet reading is not available in this build.');
  } catch (err) {
    if (err instanceof ImportError) throw err;
    // One message whichever engine read it (their own wording differs); the detail is for developers.
    throw new ImportError(`${file.name} is not a readable Parquet file (${parquetProblem(oneLine(err))}); nothing was loaded.`);
  }
  inp.step('Loading rows', 0.5);
  const described = await engine.query<{ column_name: string; column_type: string }>(`DESCRIBE ${quoteIdent(src)}`);
  const srcNames = described.rows.map((r) => r.column_name);
  const { names, changes } = uniqueNames(srcNames, srcNames.length);
  const selects = srcNames.map((n, i) => `${quoteIdent(n)} AS ${quoteIdent(names[i]!)}`);
  await engine.exec(`CREATE OR REPLACE TABLE ${quoteIdent(tableName)} AS SELECT CAST(row_number() OVER () AS INTEGER) AS __line, ${selects.join(', ')} FROM ${quoteIdent(src)}`);
  await engine.exec(`DROP TABLE ${quoteIdent(src)}`);
  await engine.exec(
    `CREATE OR REPLACE VIEW ${quoteIdent(rawTableName)} AS SELECT __line, ${names.map((n) => `CAST(${quoteIdent(n)} AS VARCHAR) AS ${quoteIdent(n)}`).join(', ')} FROM ${quoteIdent(tableName)}`,
  );
  const stats = (await engine.query(`SELECT count(*) AS n, ${names.map((n, i) => `count(${quoteIdent(n)}) AS c${i}`).join(', ')} FROM ${quoteIdent(tableName)}`)).rows[0]!;
  const rows = Number(stats.n);
  const columns: ImportedColumn[] = names.map((n, i) => {
    const type = described.rows[i]!.column_type;
    return { name: n, originalName: srcNames[i]!, type, kind: kindOf(type), nulls: rows - Number(stats[`c${i}`]), placeholders: 0, percent: false };
  });
  return {
    path: file.path,
    format: 'parquet',
    encoding: 'binary',
    delimiter: null,
    decimalSeparator: '.',
    dateOrder: null,
    headerLine: null,
    skippedLines: 0,
    summaryRows: [],
    rows,
    columns,
    log: [
      { level: 'info', message: `Parquet file with ${rows} row(s) and ${names.length} column(s); types come from the file.` },
      ...changes.map(({ message }) => ({ level: 'change' as const, message })),
    ],
    warnings: inp.warnings,
    tableName,
    rawTableName,
    tables: [],
    preamble: [],
    options: { decimalSeparator: '.' },
  };
}
