/**
 * The screens' one path to the database. Facts, findings and contract runs go through the store's analysis
 * and mesh actions (analysis-slice.ts, mesh-data.ts), which read the roles and findings the user sees; the
 * raw-data screens use these: the grid pages rows, the SQL console runs the user's own query, exports copy
 * rows out. No screen imports the database client itself.
 */
import { getEngine } from '../db';
import { originalTextTable as copyOriginalText } from '../../../shared/import/export';
import type { ImportResult } from '../../../shared/import/types';
import type { BrowserEngine } from '../db';

/** Start the database; resolves when it answers (the shell shows "starting" until then). */
export async function startDatabase(): Promise<void> {
  await getEngine();
}

/** A named connection (e.g. 'grid', 'sql'), so paging and the user's SQL never queue behind an import or an audit. */
export function connection(name: string): Promise<BrowserEngine> {
  return getEngine(name);
}

/** The rows of a SELECT as CSV (with a header) or Parquet bytes. */
export async function exportRows(sql: string, format: 'csv' | 'parquet'): Promise<Uint8Array> {
  const engine = await getEngine();
  return format === 'csv' ? engine.copyToBytes(sql, 'csv', 'HEADER true') : engine.queryParquet(sql);
}

/** The original text as a table the grid can page through (copied from the original view on first use). */
export async function originalTextTable(result: Pick<ImportResult, 'rawTableName'>): Promise<string> {
  return copyOriginalText(await getEngine(), result);
}
