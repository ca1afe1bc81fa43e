/**
 * The second profiling statement: everything that needs more than one number per column, for every
 * column at once (one UNION ALL statement, one answer).
 *
 * Columns with few distinct values (those that get top values) are grouped once, `value → rows`, and
 * that small table answers the top values, the histogram, the exact median and quartiles (order
 * statistics read from running counts, interpolated like `quantile_cont`) and, on big tables, the
 * exact pattern counts of text columns. One GROUP BY replaces a quantile state holding every value,
 * a histogram pass and a pattern sample. Columns with many distinct values get `quantile_cont` (or
 * `approx_quantile` on very big tables) and a GROUP BY of their histogram bin.
 */
import type { Engine, Scalar } from '../engine/types';
import { quoteIdent } from '../engine/sql';
import type { ValuePattern } from '../semantics/roles';
import { PATTERNS, patternPredicate } from './patterns';
import type { ColumnProfile, HistogramBin } from './types';

const CUTS = [0.25, 0.5, 0.75] as const;

/** Text columns with up to this many distinct values keep every value's rows (`groupedValues`). */
const KEPT_VALUES = 5_000;

/**
 * Every value of a grouped text column with its rows (no NULLs), as the profile's GROUP BY counted them.
 * The checks read them (checks/count.ts) instead of grouping the column again. Kept beside the column's
 * profile object, not in it: a profile saved or copied has no lists and the checks group the table as before.
 */
const kept = new WeakMap<ColumnProfile, { value: string; count: number }[]>();

export function groupedValues(p: ColumnProfile): { value: string; count: number }[] | undefined {
  return kept.get(p);
}

export interface ValuesPlan {
  /** Rows to keep per column in the top values. */
  topK: number;
  bins: number;
  /** Big tables: exact pattern counts from the grouped values of text columns (else the main aggregate has them). */
  patternsFromGroups: boolean;
  /** Very big tables: `approx_quantile` for columns that are not grouped. */
  quantilesApprox: boolean;
}

const num = (v: Scalar | undefined): number | undefined => {
  if (v === null || v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** Text, boolean and low-cardinality columns get top values (and so a GROUP BY); unique identifiers do not. */
export function isGrouped(p: ColumnProfile): boolean {
  return (
    p.count > 0 &&
    p.kind !== 'other' &&
    (p.distinct <= Math.max(50, p.count * 0.5) || p.kind === 'boolean') &&
    p.distinct < 1_000_000
  );
}

/** The 0-based ranks quantile_cont reads for each cut: floor and ceiling of (n - 1) · q. */
export function quantileRanks(n: number): number[] {
  return CUTS.flatMap((q) => {
    const rn = (n - 1) * q;
    return [Math.floor(rn), Math.ceil(rn)];
  });
}

/**
 * quantile_cont from the order statistics at `quantileRanks(n)`, with DuckDB's own arithmetic for DOUBLE:
 * lo · (1 - d) + hi · d, d = rn - floor(rn) (bit for bit the same answer on both engines; tested).
 */
export function interpolateQuantiles(n: number, stats: number[]): number[] {
  return CUTS.map((q, j) => {
    const rn = (n - 1) * q;
    const lo = stats[2 * j]!;
    const hi = stats[2 * j + 1]!;
    const frn = Math.floor(rn);
    const d = rn - frn;
    return frn === Math.ceil(rn) ? lo : lo * (1 - d) + hi * d;
  });
}

interface Binning {
  lo: number;
  width: number;
  n: number;
}

function binning(p: ColumnProfile, bins: number): Binning | null {
  const lo = num(p.min);
  const hi = num(p.max);
  if (p.kind !== 'number' || lo === undefined || hi === undefined || p.count === 0) return null;
  return { lo, width: hi > lo ? (hi - lo) / bins : 1, n: hi > lo ? bins : 1 };
}

/** One row shape for every part: column index, part kind, text value, a count or rank, a number. */
const row = (i: number, k: string, v: string, n: string, x: string) =>
  `SELECT ${i} AS c, '${k}' AS k, (${v})::VARCHAR AS v, (${n})::BIGINT AS n, (${x})::DOUBLE AS x`;

/**
 * The bin of `x`: least(bins - 1, floor((x - lo) / width)), written as a CASE (NaN, ordered above every
 * number, lands in the last bin either way): duckdb-wasm's least() of a DOUBLE and a constant cost 70 ms
 * per million rows, more than the GROUP BY it feeds.
 */
function binSql(x: string, b: Binning, bins: number): string {
  const at = `(${x}::DOUBLE - ${b.lo}) / ${b.width}`;
  return `(CASE WHEN ${at} < ${bins - 1} THEN floor(${at}) ELSE ${bins - 1} END)::INTEGER`;
}

/** Fills topValues, histogram, q1/median/q3 and (big tables) pattern counts of `profiles` in one statement. */
export async function addValueStatistics(
  engine: Engine,
  table: string,
  profiles: ColumnProfile[],
  plan: ValuesPlan,
): Promise<void> {
  const ctes: string[] = [];
  const parts: string[] = [];
  profiles.forEach((p, i) => {
    const q = quoteIdent(p.name);
    const b = binning(p, plan.bins);
    if (isGrouped(p)) {
      const g = `g${i}`;
      ctes.push(`${g} AS MATERIALIZED (SELECT ${q} AS v, count(*) AS n FROM ${table} WHERE ${q} IS NOT NULL GROUP BY ${q})`);
      // Only values as frequent as the topK-th most frequent can be top values: the others are not cast to text.
      parts.push(
        `(${row(i, 't', 'v', 'n', 'NULL')} FROM ${g} WHERE n >= (SELECT list_min(max(n, ${plan.topK})) FROM ${g}) ORDER BY 4 DESC, 3 LIMIT ${plan.topK})`,
      );
      if (p.kind === 'text' && p.distinct <= KEPT_VALUES) parts.push(`(${row(i, 'a', 'v', 'n', 'NULL')} FROM ${g})`);
      if (b) {
        parts.push(`(${row(i, 'h', 'NULL', 'sum(n)', 'bin')} FROM (SELECT ${binSql('v', b, plan.bins)} AS bin, n FROM ${g}) GROUP BY bin)`);
        const ranks = quantileRanks(p.count);
        const stats = ranks.map((r) => `min(v) FILTER (WHERE cum > ${r})`).join(', ');
        parts.push(
          `(${row(i, 'r', 'NULL', 'unnest(range(6))', `unnest([${stats}])`)} FROM (SELECT v::DOUBLE AS v, sum(n) OVER (ORDER BY v::DOUBLE) AS cum FROM ${g}))`,
        );
      }
      if (p.kind === 'text' && plan.patternsFromGroups) {
        const sums = PATTERNS.map((pat) => `coalesce(sum(n) FILTER (WHERE ${patternPredicate(pat, 'v')}), 0)`).join(', ');
        parts.push(`(${row(i, 'p', 'NULL', `unnest(range(${PATTERNS.length}))`, `unnest([${sums}])`)} FROM ${g})`);
      }
    } else if (b) {
      parts.push(`(${row(i, 'h', 'NULL', 'count(*)', 'bin')} FROM (SELECT ${binSql(q, b, plan.bins)} AS bin FROM ${table} WHERE ${q} IS NOT NULL) GROUP BY bin)`);
      const fn = plan.quantilesApprox ? 'approx_quantile' : 'quantile_cont';
      parts.push(`(${row(i, 'q', 'NULL', 'unnest(range(3))', `unnest(${fn}(${q}::DOUBLE, [${CUTS.join(', ')}]))`)} FROM ${table})`);
    }
  });
  if (!parts.length) return;
  const sql = `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}${parts.join('\nUNION ALL\n')}`;
  const res = await engine.query<{ c: number; k: string; v: string | null; n: number | null; x: number | null }>(sql);

  const top = new Map<number, { value: string; count: number }[]>();
  const stats = new Map<number, number[]>();
  const bins = new Map<number, Map<number, number>>();
  const patterns = new Map<number, Map<number, number>>();
  const all = new Map<number, { value: string; count: number }[]>();
  const at = <T>(m: Map<number, T>, i: number, make: () => T): T => {
    if (!m.has(i)) m.set(i, make());
    return m.get(i)!;
  };
  for (const r of res.rows) {
    const i = Number(r.c);
    const n = Number(r.n);
    if (r.k === 't') at(top, i, () => []).push({ value: String(r.v), count: n });
    else if (r.k === 'h') at(bins, i, () => new Map()).set(Number(r.x), n);
    else if (r.k === 'r' || r.k === 'q') at(stats, i, () => [])[n] = Number(r.x);
    else if (r.k === 'p') at(patterns, i, () => new Map()).set(n, Number(r.x));
    else if (r.k === 'a') at(all, i, () => []).push({ value: String(r.v), count: n });
  }
  profiles.forEach((p, i) => {
    p.topValues = (top.get(i) ?? []).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const b = binning(p, plan.bins);
    if (b) p.histogram = histogram(b, bins.get(i));
    const s = stats.get(i);
    if (s && p.kind === 'number') {
      const grouped = isGrouped(p);
      const [q1, median, q3] = grouped ? interpolateQuantiles(p.count, s) : s;
      p.q1 = num(q1);
      p.median = num(median);
      p.q3 = num(q3);
      if (!grouped && plan.quantilesApprox && p.median !== undefined) p.quantilesApprox = true;
    }
    const pc = patterns.get(i);
    if (pc) setPatterns(p, (j) => pc.get(j) ?? 0, false);
    const values = all.get(i);
    if (values) kept.set(p, values);
  });
}

function histogram(b: Binning, counts: Map<number, number> | undefined): HistogramBin[] {
  return Array.from({ length: b.n }, (_, k) => ({
    start: b.lo + k * b.width,
    end: b.lo + (k + 1) * b.width,
    count: counts?.get(k) ?? 0,
  }));
}

/** Pattern counts (pattern index → values) into the profile, and the dominant pattern if any. */
export function setPatterns(p: ColumnProfile, countOf: (j: number) => number, sampled: boolean): void {
  let best: ValuePattern | null = null;
  let bestN = 0;
  p.patternCounts = {};
  PATTERNS.forEach((pat, j) => {
    const n = countOf(j);
    if (n > 0) p.patternCounts[pat] = n;
    if (n > bestN) {
      best = pat;
      bestN = n;
    }
  });
  // A URL with UTM tags is also a URL: report the narrower pattern when it dominates on its own.
  p.pattern = null;
  p.patternShare = 0;
  if (p.count > 0 && bestN / p.count >= 0.5) {
    p.pattern = best;
    p.patternShare = Math.min(1, bestN / p.count);
  }
  if (sampled) p.patternsSampled = true;
  else delete p.patternsSampled;
}

