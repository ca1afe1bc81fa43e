/**
 * SQL for the data grid. Sort and filter run in DuckDB; every identifier and literal is quoted, since
 * column names and filter text come from users' files and keyboards.
 */
import { quoteIdent, quoteLiteral } from '../../../../shared/engine/sql';

export type SortDir = 'asc' | 'desc';

export interface GridSort {
  column: string;
  dir: SortDir;
}

export interface GridQuery {
  table: string;
  /** Columns to show, in order (`__line` included when wanted). */
  columns: string[];
  sort: GridSort | null;
  /** Per-column filter text, see filterClause. */
  filters: Record<string, string>;
  /** An extra SQL condition from the caller (e.g. a finding's affected rows). Trusted: built by our code. */
  where?: string;
  /** Bumped when the table is reloaded under the same name, so cached pages are dropped. */
  revision?: number;
}

const NUMERIC_OP = /^(>=|<=|!=|<>|=|>|<)\s*(-?\d+(?:\.\d+)?)$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * One column's filter text as SQL:
 * - `>10`, `<=2.5`, `=3`, `!=0`: numeric comparison;
 * - `=text`: exact text;
 * - `empty`: no value; `!empty`: any value;
 * - anything else: the cell's text contains it (case-insensitive).
 */
export function filterClause(column: string, text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const col = quoteIdent(column);
  const asText = `CAST(${col} AS VARCHAR)`;
  if (t === 'empty') return `(${col} IS NULL OR ${asText} = '')`;
  if (t === '!empty') return `(${col} IS NOT NULL AND ${asText} <> '')`;
  const num = NUMERIC_OP.exec(t);
  if (num) {
    const op = num[1] === '!=' ? '<>' : num[1]!;
    return `TRY_CAST(${col} AS DOUBLE) ${op} ${quoteLiteral(Number(num[2]))}`;
  }
  if (t.startsWith('=') && t.length > 1) return `${asText} = ${quoteLiteral(t.slice(1))}`;
  return `${asText} ILIKE ${quoteLiteral('%' + escapeLike(t) + '%')} ESCAPE '\\'`;
}

export function whereSql(q: Pick<GridQuery, 'filters' | 'where'>): string {
  const parts = Object.entries(q.filters)
    .map(([c, t]) => filterClause(c, t))
    .filter((p): p is string => p !== null);
  if (q.where?.trim()) parts.unshift(`(${q.where})`);
  return parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
}

export function countSql(q: GridQuery): string {
  return `SELECT count(*) AS n FROM ${quoteIdent(q.table)}${whereSql(q)}`;
}

export function pageSql(q: GridQuery, offset: number, limit: number, lineColumn?: string): string {
  const cols = q.columns.map(quoteIdent).join(', ') || '*';
  let order = '';
  if (q.sort) {
    order = ` ORDER BY ${quoteIdent(q.sort.column)} ${q.sort.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
    if (lineColumn && lineColumn !== q.sort.column) order += `, ${quoteIdent(lineColumn)}`;
  }
  // Unsorted: DuckDB keeps insertion order (the file's order) for a plain scan, and LIMIT/OFFSET stays cheap.
  return `SELECT ${cols} FROM ${quoteIdent(q.table)}${whereSql(q)}${order} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`;
}

/** Next sort state when a header is clicked: ascending, descending, then back to file order. */
export function nextSort(current: GridSort | null, column: string): GridSort | null {
  if (!current || current.column !== column) return { column, dir: 'asc' };
  if (current.dir === 'asc') return { column, dir: 'desc' };
  return null;
}
