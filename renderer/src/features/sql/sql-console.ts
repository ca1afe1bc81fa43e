/** SQL console helpers: history, and capping what a read query shows (export still gets every row). */

export const SHOW_LIMIT = 10_000;
const HISTORY_KEY = 'meshlens.sqlHistory';
const HISTORY_MAX = 30;

export function stripTrailingSemicolons(sql: string): string {
  return sql.trim().replace(/;+\s*$/, '').trim();
}

/** One statement that returns rows, and can be wrapped as a subquery. */
export function isReadQuery(sql: string): boolean {
  const s = stripTrailingSemicolons(sql).replace(/^(\s*--[^\n]*\n)+/, '');
  if (!/^\s*(select|with|from|values|table|summarize|describe|pivot|unpivot)\b/i.test(s)) return false;
  // A semicolon outside quotes means several statements: run as written.
  return !/;/.test(s.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, ''));
}

/** The SQL the console runs to show results: read queries get a row cap (+1 to know it was hit). */
export function cappedSql(sql: string, limit = SHOW_LIMIT): string {
  if (!isReadQuery(sql)) return sql;
  return `SELECT * FROM (\n${stripTrailingSemicolons(sql)}\n) AS console_result LIMIT ${limit + 1}`;
}

export function loadHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export function pushHistory(history: string[], sql: string): string[] {
  const text = sql.trim();
  const next = [text, ...history.filter((h) => h !== text)].slice(0, HISTORY_MAX);
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(next));
  } catch {
    /* storage unavailable: history lasts for this session */
  }
  return next;
}
