/** The loaded, typed table as bytes: CSV (UTF-8, comma, quoted where needed, NULL as empty) or Parquet. */
import type { Engine } from '../engine/types';
import { quoteIdent } from '../engine/sql';
import type { ParquetCodec } from './parquet';
import type { ImportResult } from './types';

export function exportSelect(result: Pick<ImportResult, 'tableName' | 'columns'>): string {
  const cols = result.columns.map((c) => quoteIdent(c.name));
  if (cols.length === 0) return 'SELECT NULL AS "empty" WHERE false';
  return `SELECT ${cols.join(', ')} FROM ${quoteIdent(result.tableName)} ORDER BY __line`;
}

export async function exportTable(
  engine: Engine,
  result: Pick<ImportResult, 'tableName' | 'columns'>,
  format: 'csv' | 'parquet',
  parquet?: ParquetCodec,
): Promise<Uint8Array> {
  const select = exportSelect(result);
  if (format === 'csv') return engine.copyToBytes(select, 'csv', "HEADER true, DELIMITER ',', QUOTE '\"', NULLSTR ''");
  if (engine.writeParquet) return engine.writeParquet(select);
  if (!parquet) throw new Error('Parquet writing is not available in this build.');
  return parquet.fromIPC(await engine.queryArrowIPC(select));
}
