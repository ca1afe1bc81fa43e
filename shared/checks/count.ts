/**
 * Counting row conditions in as few scans as possible: every condition in one pass over the table, except
 * that a condition reading one text column with few distinct values (a campaign or channel label) is counted
 * over that column's distinct values instead, weighted by how many rows hold each: the same count, with string
 * functions, regexes and parsers run per value rather than per row.
 */
import { quoteIdent } from '../engine/sql';
import { CancelledError } from '../engine/types';
import type { Engine } from '../engine/types';
import { from } from './helpers';
import type { Dataset } from './types';

/** At most one distinct value per this many rows for a column to be counted by value. */
const ROWS_PER_VALUE = 20;

/** How many rows of the table meet each condition (SQL over `t."column"`), in the order given. */
export async function countConditions(engine: Engine, dataset: Dataset, conditions: string[]): Promise<number[]> {
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
    const values = `(SELECT t.${quoteIdent(column)}, count(*) AS "__rows" FROM ${from(dataset)} GROUP BY 1) t`;
    try {
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
