/** Where an import's pieces live in the engine, and how they go away together. */
import type { Engine } from '../engine/types';
import { quoteIdent } from '../engine/sql';
import { originalTextCopyName } from './export';

/** The registered file behind an original-text view (kept for the dataset's lifetime). */
export function rawFileName(rawTableName: string): string {
  return `${rawTableName}.csv`;
}

/** The table of text-column placeholders the importer emptied, by line (stage.ts keepNulledText). */
export function nulledTextName(tableName: string): string {
  return `${tableName}__nulled`;
}

/** Drops an import's tables and views, the original text's copy and the file its original-text view reads. */
export async function dropTables(engine: Engine, ...names: string[]): Promise<void> {
  for (const n of names) {
    await engine.exec(`DROP VIEW IF EXISTS ${quoteIdent(n)}`).catch(() => undefined);
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(n)}`).catch(() => undefined);
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(originalTextCopyName(n))}`).catch(() => undefined);
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(nulledTextName(n))}`).catch(() => undefined);
    await engine.dropFile(rawFileName(n)).catch(() => undefined);
  }
}
