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
