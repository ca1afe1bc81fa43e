/** SQL is built, not pasted: every identifier and literal from a user's file goes through these. */

export function quoteIdent(name: string): string {
  return '"' + name.split(String.fromCharCode(0)).join('').replace(/"/g, '""') + '"';
}

export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'NULL';
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return "'" + value.split(String.fromCharCode(0)).join('').replace(/'/g, "''") + "'";
}

/** A DuckDB-safe table name derived from any text (file name, user label). */
export function safeTableName(text: string, suffix = ''): string {
  const base = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return (/^[a-z]/.test(base) ? base : 't_' + base) + suffix;
}

/** Columns whose names start with this prefix are MeshLens bookkeeping (e.g. `__line`), not user data. */
export const INTERNAL_PREFIX = '__';
export const LINE_COLUMN = '__line';

export function isInternalColumn(name: string): boolean {
  return name.startsWith(INTERNAL_PREFIX);
}

/**
 * About `target` rows of a MeshLens table (one with `__line`), spread over the file and the same rows on
 * every run and on both engines: lines whose multiplicative hash falls in one of every k buckets.
 * DuckDB's `USING SAMPLE n ROWS` draws a new reservoir on each run (and REPEATABLE is only repeatable on
 * one thread), so a tolerance or a decision read from it could change between two audits of one file.
 */
export function lineSample(tableName: string, rows: number, target: number): string {
  const k = Math.max(1, Math.floor(rows / target));
  return `(SELECT * FROM ${quoteIdent(tableName)} WHERE ((${LINE_COLUMN}::BIGINT * 2654435761) % 4294967291) % ${k} = 0)`;
}
