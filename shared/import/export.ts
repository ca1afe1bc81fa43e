/**
 * The loaded table as bytes: CSV (UTF-8, comma, quoted where needed, NULL as empty) or Parquet.
 * Two views of the same cleaned structure (header, rows, summary rows removed):
 * - 'typed': the values as read (numbers plain, dates ISO, `--` as empty);
 * - 'text': every cell's original text exactly as the file had it (`$74.69`, `28/01/2018`, `2.81%`).
 */
import type { Engine } from '../engine/types';
import { quoteIdent } from '../engine/sql';
import type { ParquetCodec } from './parquet';
import { labelFixColumnSql } from '../checks/label-fixes';
import type { LabelFix } from '../checks/label-fixes';
import type { ImportResult } from './types';

export type ExportView = 'typed' | 'text';
type Loaded = Pick<ImportResult, 'tableName' | 'rawTableName' | 'columns'>;

const EMPTY = 'SELECT NULL AS "empty" WHERE false';

/** The typed table; with label fixes, every clustered spelling written as its canonical value. */
export function exportSelect(result: Pick<ImportResult, 'tableName' | 'columns'>, fixes: readonly LabelFix[] = []): string {
  const cols = result.columns.map((c) => labelFixColumnSql(c.name, fixes));
  if (cols.length === 0) return EMPTY;
  return `SELECT ${cols.join(', ')} FROM ${quoteIdent(result.tableName)} ORDER BY __line`;
}

/**
 * Original text rows: the rows and columns of the typed table (so summary rows, description rows and
 * left-out columns stay out), each cell as the file's own text ('' for an empty field). This is the one
 * place that knows where original text lives (a view that re-reads the file's registered bytes, joined on
 * `__line`); swap its body to change that.
 */
export function originalTextSelect(result: Loaded): string {
  if (result.columns.length === 0) return EMPTY;
  const cols = result.columns.map((c) => `coalesce(r.${quoteIdent(c.name)}, '') AS ${quoteIdent(c.name)}`);
  return `SELECT ${cols.join(', ')} FROM ${quoteIdent(result.rawTableName)} r SEMI JOIN ${quoteIdent(result.tableName)} t ON r.__line = t.__line ORDER BY r.__line`;
}

/** The table the original text is copied into for paging (built once, on first use: originalTextTable). */
export function originalTextCopyName(rawTableName: string): string {
  return `${rawTableName}__copy`;
}

/**
 * The original text as a table, for screens that page through it many times (the grid): the original view
 * re-reads the file on every query, so it is copied into a table once, on first use, and dropped with the
 * dataset (index.ts dropTables).
 */
export async function originalTextTable(engine: Engine, result: Pick<ImportResult, 'rawTableName'>): Promise<string> {
  const name = originalTextCopyName(result.rawTableName);
  await engine.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} AS SELECT * FROM ${quoteIdent(result.rawTableName)}`);
  return name;
}

export const CSV_COPY_OPTIONS = "HEADER true, DELIMITER ',', QUOTE '\"', NULLSTR ''";

export async function exportTable(
  engine: Engine,
  result: Loaded,
  format: 'csv' | 'parquet',
  parquet?: ParquetCodec,
  view: ExportView = 'typed',
  fixes: readonly LabelFix[] = [],
): Promise<Uint8Array> {
  const select = view === 'text' ? originalTextSelect(result) : exportSelect(result, fixes);
  if (format === 'csv') return engine.copyToBytes(select, 'csv', CSV_COPY_OPTIONS);
  if (engine.writeParquet) return engine.writeParquet(select);
  if (!parquet) throw new Error('Parquet writing is not available in this build.');
  return parquet.fromIPC(await engine.queryArrowIPC(select));
}
