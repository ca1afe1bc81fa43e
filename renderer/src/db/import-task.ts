/** The importer, run inside the database worker so its text work never blocks the UI thread. */
import { importFile } from '../../../shared/import';
import type { ImportOptions, ImportResult } from '../../../shared/import';
import type { Engine, ProgressFn } from '../../../shared/engine/types';
import { webParquet } from './parquet';
import type { ImportRequestFile } from './protocol';

export function runImport(
  engine: Engine,
  file: ImportRequestFile,
  options: ImportOptions | undefined,
  hooks: { progress?: ProgressFn; signal?: AbortSignal },
): Promise<ImportResult> {
  return importFile(engine, file, options ?? {}, { ...hooks, parquet: webParquet });
}
