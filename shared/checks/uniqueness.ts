/** Uniqueness: rows repeated in full, and rows that repeat the natural key with different numbers. */
import { quoteIdent } from '../engine/sql';
import { AFFECTED, from, LINE, pct, plural, shareSeverity, sharedFact, tc, verb } from './helpers';
import type { CheckContext, CheckDefinition, Dataset } from './types';

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
    // Rows whose hash no other row shares cannot repeat one: one hash aggregate answers "any duplicates?",
    // and the window that lists them runs only over the rows that share a hash (exact: it compares values).
    if (!(await sharedHashes(ctx, part))) return [];
    const sql = `SELECT * FROM (SELECT t.${LINE}, ${show.map((c) => `t.${quoteIdent(c)}`).join(', ')},
        min(t.${LINE}) OVER (PARTITION BY ${part}) AS first_line,
        row_number() OVER (PARTITION BY ${part} ORDER BY t.${LINE}) AS "__copy" FROM ${from(ds)}
        WHERE hash(${part}) IN (${sharedHashSql(ds, part)})) d WHERE "__copy" > 1`;
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
    const keyExprs = keyCols.map((c) =>
      c.role === 'email' ? `lower(trim(t.${quoteIdent(c.name)}))` : `t.${quoteIdent(c.name)}`,
    );
    const notNull = keyCols.map((c) => `t.${quoteIdent(c.name)} IS NOT NULL`).join(' AND ');
    // A row whose hash no other row shares is no exact copy: when no two rows of the table share a hash
    // (duplicate_rows asks the same, once per run), the rows are found with one join and no window.
    const copies = await sharedHashes(ctx, all);
    // The key is grouped once: its repeated keys with their first line and, with no exact copies to leave
    // out, the rows after each key's first counted over the repeated keys (a window over groups, not rows).
    // When the key is its columns' own values, written alike whenever equal (not floats: 0 and -0 group
    // together), each group also lists its lines and the rows come from those lists; else from a join.
    const listed = keyCols.every((c, i) => keyExprs[i] === tc(c.name) && !/^(DOUBLE|FLOAT|REAL)\b/i.test(c.type));
    const later = `CAST(sum(count(*) - 1) OVER () AS BIGINT) AS ${AFFECTED}`;
    const keys = `SELECT ${keyExprs.map((e, i) => `${e} AS "__k${i}"`).join(', ')}, min(t.${LINE}) AS "__first"${listed ? `, list(t.${LINE}) AS "__lines"` : ''}${copies ? '' : `, ${later}`}
        FROM ${from(ds)} WHERE ${notNull} GROUP BY ${keyExprs.join(', ')} HAVING count(*) > 1`;
    const counted = copies ? '' : `, k.${AFFECTED}`;
    const rows = listed
      ? `SELECT * FROM (SELECT unnest(k."__lines") AS ${LINE}, ${keyCols.map((c, i) => `k."__k${i}" AS ${quoteIdent(c.name)}`).join(', ')}, k."__first" AS first_line${counted} FROM k) d
        WHERE ${LINE} <> first_line`
      : `SELECT t.${LINE}, ${keyCols.map((c) => tc(c.name)).join(', ')}, k."__first" AS first_line${counted}
        FROM ${from(ds)} JOIN k ON ${keyExprs.map((e, i) => `${e} = k."__k${i}"`).join(' AND ')} WHERE t.${LINE} <> k."__first"`;
    // Exact copies are reported by duplicate_rows; here only rows whose numbers differ from every earlier
    // row of their key. Rows that exactly repeat an earlier row are looked for among rows sharing a hash.
    const copied = `SELECT ${LINE} FROM (SELECT t.${LINE}, row_number() OVER (PARTITION BY ${all} ORDER BY t.${LINE}) AS "__copy"
        FROM ${from(ds)} WHERE ${notNull} AND hash(${all}) IN (${sharedHashSql(ds, all, notNull)})) c WHERE "__copy" > 1`;
    const sql = `WITH k AS (${keys}) ${rows}${copies ? ` AND ${LINE} NOT IN (${copied})` : ''}`;
    const names = keyCols.map((c) => `'${c.originalName}'`).join(' + ');
    return [
      {
        columns: key,
        sql,
        // With no exact copies to leave out, the rows listed are every row of a repeated key but its first.
        ...(copies ? {} : { counted: true }),
        details: { key },
        message: (n, total) =>
          `${plural(n, 'row')} (${pct(n, total)}) ${verb(n, 'repeats', 'repeat')} the key ${names} of an earlier row with different values.`,
      },
    ];
  },
};

/** Hashes of the whole row that two or more rows share (candidates for exact copies), as a subquery. */
function sharedHashSql(ds: Dataset, part: string, where = 'true'): string {
  return `SELECT hash(${part}) AS h FROM ${from(ds)} WHERE ${where} GROUP BY h HAVING count(*) > 1`;
}

/**
 * How many rows share their whole-row hash with the row before them in hash order; 0 means no row repeats
 * another exactly. Sorting the hashes costs less than a hash table with a group for nearly every row.
 */
function sharedHashes(ctx: CheckContext, part: string): Promise<number> {
  return sharedFact(ctx, `shared row hashes: ${part}`, async () => {
    const res = await ctx.engine.query(
      `SELECT count(*) FILTER (WHERE h = p) AS n FROM (SELECT h, lag(h) OVER (ORDER BY h) AS p FROM (SELECT hash(${part}) AS h FROM ${from(ctx.dataset)}))`,
    );
    return Number(res.rows[0]?.n ?? 0);
  });
}
