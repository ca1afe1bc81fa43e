/** Uniqueness: rows repeated in full, and rows that repeat the natural key with different numbers. */
import { quoteIdent } from '../engine/sql';
import { from, LINE, pct, plural, shareSeverity, verb } from './helpers';
import type { CheckDefinition } from './types';

export const duplicateRows: CheckDefinition = {
  id: 'duplicate_rows',
  title: 'Duplicate rows',
  dimension: 'uniqueness',
  owner: 'data',
  explanation:
    'The same row twice means its spend, clicks and conversions are counted twice in every total. It usually comes from appending two exports that overlap or from a join in a pipeline.',
  fix: 'Remove the repeated rows (keep the first), and check whether two exports with overlapping date ranges were combined.',
  defaults: { warningShare: 0, errorShare: 0.05 },
  severity: (n, total, params) => shareSeverity(n, total, params),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const cols = ds.semantics.columns.map((c) => c.name);
    if (!cols.length) return [];
    const part = cols.map((c) => `t.${quoteIdent(c)}`).join(', ');
    const show = ds.semantics.naturalKey.length ? ds.semantics.naturalKey : cols.slice(0, 4);
    // A hash aggregate answers "any duplicates at all?" far faster than the window query that lists them.
    const distinct = (
      await ctx.engine.query(`SELECT count(*) AS n FROM (SELECT DISTINCT ${part} FROM ${from(ds)})`)
    ).rows[0]?.n;
    if (Number(distinct) === ds.rows) return [];
    const sql = `SELECT * FROM (SELECT t.${LINE}, ${show.map((c) => `t.${quoteIdent(c)}`).join(', ')},
        min(t.${LINE}) OVER (PARTITION BY ${part}) AS first_line,
        row_number() OVER (PARTITION BY ${part} ORDER BY t.${LINE}) AS "__copy" FROM ${from(ds)}) d WHERE "__copy" > 1`;
    return [
      {
        columns: cols,
        sql,
        message: (n, total) =>
          `${plural(n, 'row')} (${pct(n, total)}) ${verb(n, 'repeats', 'repeat')} an earlier row exactly; every total that includes them is inflated.`,
      },
    ];
  },
};

export const duplicateKeys: CheckDefinition = {
  id: 'duplicate_keys',
  title: 'Duplicate keys',
  dimension: 'uniqueness',
  owner: 'data',
  explanation:
    'Each combination of date, campaign and ad group (or each contact) should appear once. When it appears twice with different numbers, one of the rows is stale or comes from an overlapping export, and sums double count.',
  fix: 'Find out why the key repeats (two exports merged, a segment column dropped from the export, contacts imported twice) and keep one row per key.',
  defaults: { warningShare: 0, errorShare: 0.05 },
  severity: (n, total, params) => shareSeverity(n, total, params),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const key = ds.semantics.naturalKey;
    if (!key.length) return [];
    const cols = ds.semantics.columns.map((c) => c.name);
    const all = cols.map((c) => `t.${quoteIdent(c)}`).join(', ');
    const keyCols = ds.semantics.columns.filter((c) => key.includes(c.name));
    // Contacts: compare emails without case and surrounding spaces.
    const keyExpr = keyCols
      .map((c) => (c.role === 'email' ? `lower(trim(t.${quoteIdent(c.name)}))` : `t.${quoteIdent(c.name)}`))
      .join(', ');
    const notNull = keyCols.map((c) => `t.${quoteIdent(c.name)} IS NOT NULL`).join(' AND ');
    const keyed = (
      await ctx.engine.query(
        `SELECT count(*) AS n, count(*) FILTER (WHERE k > 1) AS dup FROM (SELECT count(*) AS k FROM ${from(ds)} WHERE ${notNull} GROUP BY ${keyExpr})`,
      )
    ).rows[0];
    if (!Number(keyed?.dup)) return [];
    // Exact copies are reported by duplicate_rows; here only rows whose numbers differ from an earlier one.
    const sql = `SELECT * FROM (SELECT t.${LINE}, ${keyCols.map((c) => `t.${quoteIdent(c.name)}`).join(', ')},
        min(t.${LINE}) OVER (PARTITION BY ${keyExpr}) AS first_line,
        row_number() OVER (PARTITION BY ${keyExpr} ORDER BY t.${LINE}) AS "__k",
        row_number() OVER (PARTITION BY ${all} ORDER BY t.${LINE}) AS "__copy"
        FROM ${from(ds)} WHERE ${notNull}) d WHERE "__k" > 1 AND "__copy" = 1`;
    const names = keyCols.map((c) => `'${c.originalName}'`).join(' + ');
    return [
      {
        columns: key,
        sql,
        details: { key },
        message: (n, total) =>
          `${plural(n, 'row')} (${pct(n, total)}) ${verb(n, 'repeats', 'repeat')} the key ${names} of an earlier row with different values.`,
      },
    ];
  },
};
