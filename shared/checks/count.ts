/**
 * Counting row conditions in as few scans as possible: every condition in one pass over the table, except
 * that a condition reading one text column with few distinct values (a campaign or channel label) is counted
 * over that column's distinct values instead, weighted by how many rows hold each: the same count, with string
 * functions, regexes and parsers run per value rather than per row. The distinct values of such a column are
 * read once per run (they are the labels inconsistent_labels reads too) and, when there are not too many,
 * counted from their list instead of grouping the table again for every pass.
 */
import { quoteIdent, quoteLiteral } from '../engine/sql';
import { CancelledError } from '../engine/types';
import type { Engine } from '../engine/types';
import { groupedValues } from '../profile/values';
import { from, tc } from './helpers';
import type { Dataset } from './types';

/** At most one distinct value per this many rows for a column to be counted by value. */
const ROWS_PER_VALUE = 20;
/** At most this many distinct values are counted from their list (a VALUES table in the statement). */
const LISTED_VALUES = 2000;

/** A distinct value of a column (as text; null for empty cells) and how many rows hold it. */
export interface ColumnValue {
  v: string | null;
  n: number;
}
/** Facts computed once per run and shared by the checks (CheckContext.shared). */
export type Shared = Map<string, Promise<unknown>>;

/**
 * Every distinct value of each column with its rows, NULL included, for several columns in one statement;
 * with `shared`, each column is read once per run. A text column whose values the profile kept
 * (profile/values.ts) is not read again.
 */
export async function columnValues(
  engine: Engine,
  dataset: Dataset,
  names: string[],
  shared: Shared = new Map(),
): Promise<Map<string, ColumnValue[]>> {
  const key = (name: string) => `values of ${name}`;
  for (const n of names) {
    const profile = dataset.profile.columns.find((c) => c.name === n);
    const values = profile && !shared.has(key(n)) ? groupedValues(profile) : undefined;
    if (!profile || !values) continue;
    const nulls: ColumnValue[] = profile.nulls > 0 ? [{ v: null, n: profile.nulls }] : [];
    shared.set(key(n), Promise.resolve([...values.map((x) => ({ v: x.value, n: x.count })), ...nulls]));
  }
  const missing = [...new Set(names)].filter((n) => !shared.has(key(n)));
  if (missing.length) {
    const parts = missing.map(
      (n) => `SELECT ${quoteLiteral(n)} AS col, ${tc(n)}::VARCHAR AS v, count(*)::BIGINT AS n FROM ${from(dataset)} GROUP BY ${tc(n)}`,
    );
    const read = engine.query<{ col: string; v: string | null; n: number }>(parts.join('\nUNION ALL\n'));
    for (const n of missing) {
      const values = read.then((res) => res.rows.filter((r) => r.col === n).map((r) => ({ v: r.v, n: Number(r.n) })));
      values.catch(() => undefined); // a failed read rejects for whoever awaits the column, and only for them
      shared.set(key(n), values);
    }
  }
  const out = new Map<string, ColumnValue[]>();
  for (const n of names) out.set(n, (await shared.get(key(n))) as ColumnValue[]);
  return out;
}

/** How many rows of the table meet each condition (SQL over `t."column"`), in the order given. */
export async function countConditions(
  engine: Engine,
  dataset: Dataset,
  conditions: string[],
  shared?: Shared,
): Promise<number[]> {
  const counts = conditions.map(() => 0);
  const rest: number[] = [];
  const byValue = new Map<string, number[]>();
  conditions.forEach((where, i) => {
    const column = fewValuesColumn(dataset, where);
    if (column === null) rest.push(i);
    else byValue.set(column, [...(byValue.get(column) ?? []), i]);
  });
  const countIn = async (source: string, counted: (where: string) => string, which: number[]) => {
    for (let start = 0; start < which.length; start += 200) {
      const chunk = which.slice(start, start + 200);
      const sel = chunk.map((c, i) => `${counted(conditions[c]!)} AS k${i}`);
      const row = (await engine.query(`SELECT ${sel.join(', ')} FROM ${source}`)).rows[0] ?? {};
      chunk.forEach((c, i) => (counts[c] = Number(row[`k${i}`] ?? 0)));
    }
  };
  for (const [column, which] of byValue) {
    try {
      const values = await valuesSource(engine, dataset, column, shared);
      await countIn(values, (where) => `CAST(sum("__rows") FILTER (WHERE ${where}) AS BIGINT)`, which);
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      rest.push(...which); // a condition that reads more than its column after all: count it over the rows
    }
  }
  await countIn(from(dataset), (where) => `count(*) FILTER (WHERE ${where})`, rest);
  return counts;
}

/** Whether the profile says a text column holds few enough distinct values to be counted by value. */
export function hasFewValues(dataset: Dataset, name: string): boolean {
  const profile = dataset.profile.columns.find((c) => c.name === name);
  return profile?.kind === 'text' && profile.distinct * ROWS_PER_VALUE <= dataset.rows;
}

/** The one text column a condition reads (as `t."name"`), when the profile says it holds few distinct values. */
function fewValuesColumn(dataset: Dataset, where: string): string | null {
  const names = new Set([...where.matchAll(/\bt\.("(?:[^"]|"")*")/g)].map((m) => m[1]!.slice(1, -1).replace(/""/g, '"')));
  if (names.size !== 1) return null;
  const [name] = names as Set<string>;
  return hasFewValues(dataset, name!) ? name! : null;
}

/**
 * A text column's distinct values with their rows, as a table `t` with the column and `__rows`: from the list
 * read once per run when it is short enough, else grouped from the table.
 */
async function valuesSource(engine: Engine, dataset: Dataset, column: string, shared?: Shared): Promise<string> {
  const grouped = `(SELECT t.${quoteIdent(column)}, count(*) AS "__rows" FROM ${from(dataset)} GROUP BY 1) t`;
  const type = dataset.semantics.columns.find((c) => c.name === column)?.type;
  const distinct = dataset.profile.columns.find((c) => c.name === column)?.distinct ?? Infinity;
  if (!shared || type !== 'VARCHAR' || distinct > LISTED_VALUES) return grouped;
  const values = (await columnValues(engine, dataset, [column], shared)).get(column) ?? [];
  // quoteLiteral drops NUL characters: a value holding one is counted from the table as it is.
  if (!values.length || values.length > LISTED_VALUES || values.some((r) => r.v?.includes('\0'))) return grouped;
  const rows = values.map((r) => `(${quoteLiteral(r.v)}, ${r.n})`).join(', ');
  return `(SELECT "__v"::VARCHAR AS ${quoteIdent(column)}, CAST("__n" AS BIGINT) AS "__rows" FROM (VALUES ${rows}) v("__v", "__n")) t`;
}
