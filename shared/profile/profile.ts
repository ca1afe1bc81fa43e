/**
 * profileTable: per-column statistics in five scans at most, whatever the number of columns:
 * 1. one aggregate query for counts, NULLs, distinct, min/max/mean/quartiles/stddev, string lengths,
 *    (quartiles and medians are exact, `quantile_cont`, up to `exactQuantileLimit` rows; above it they
 *    come from `approx_quantile` and the profile says so with `quantilesApprox`),
 *    pattern counts and day coverage of every column at once (on tables over 100 000 rows the pattern
 *    counts come from a second query on a 50 000-row reservoir sample);
 * 2. one UNION ALL statement for the top values of the columns where top values mean something;
 * 3. one aggregate query for the histograms of all number columns;
 * 4. one GROUP BY day for rows and key metrics per day.
 */
import type { Engine, Row, Scalar } from '../engine/types';
import { isInternalColumn, quoteIdent, quoteLiteral } from '../engine/sql';
import { METRIC_ROLES, roleFromHeader } from '../semantics/roles';
import type { ValuePattern } from '../semantics/roles';
import { PATTERNS, patternPredicate } from './patterns';
import type {
  ColumnProfile,
  DailyPoint,
  HistogramBin,
  ProfileColumnInput,
  ProfileOptions,
  TableProfile,
  TopValue,
} from './types';

/** Exact quantiles keep every value in memory; above this many rows they are estimated (and labelled). */
const EXACT_QUANTILE_LIMIT = 2_000_000;

export function typeKind(type: string): ColumnProfile['kind'] {
  const t = type.toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL)/.test(
      t,
    )
  )
    return 'number';
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'date';
  if (t === 'VARCHAR' || t.startsWith('VARCHAR')) return 'text';
  if (t === 'BOOLEAN') return 'boolean';
  return 'other';
}

const num = (v: Scalar | undefined): number | undefined => {
  if (v === null || v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** Read the table's columns when the caller did not pass them. */
export async function describeTable(engine: Engine, tableName: string): Promise<ProfileColumnInput[]> {
  const r = await engine.query<{ column_name: string; column_type: string }>(
    `DESCRIBE ${quoteIdent(tableName)}`,
  );
  return r.rows.map((x) => ({ name: x.column_name, type: x.column_type }));
}

export async function profileTable(
  engine: Engine,
  tableName: string,
  columnsIn?: ProfileColumnInput[],
  options: ProfileOptions = {},
): Promise<TableProfile> {
  const started = Date.now();
  const table = quoteIdent(tableName);
  const columns = (columnsIn ?? (await describeTable(engine, tableName))).filter(
    (c) => !isInternalColumn(c.name),
  );
  const topK = options.topK ?? 10;
  const binsWanted = options.bins ?? 20;

  const countRow = await engine.query<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${table}`);
  const rows = Number(countRow.rows[0]?.n ?? 0);
  const approx = rows > (options.exactDistinctLimit ?? 200_000);
  const sampled = rows > (options.patternSampleLimit ?? 100_000);
  const quantilesApprox = rows > (options.exactQuantileLimit ?? EXACT_QUANTILE_LIMIT);

  // 1. One aggregate query for everything per column.
  const sel: string[] = ['count(*) AS n'];
  columns.forEach((c, i) => {
    const q = quoteIdent(c.name);
    const kind = typeKind(c.type);
    sel.push(`count(${q}) AS c${i}_count`);
    sel.push(
      approx ? `approx_count_distinct(${q}) AS c${i}_distinct` : `count(DISTINCT ${q}) AS c${i}_distinct`,
    );
    if (kind === 'number' || kind === 'date' || kind === 'text') {
      sel.push(
        `min(${q})${kind === 'number' ? '::DOUBLE' : '::VARCHAR'} AS c${i}_min`,
        `max(${q})${kind === 'number' ? '::DOUBLE' : '::VARCHAR'} AS c${i}_max`,
      );
    }
    if (kind === 'number') {
      const d = `${q}::DOUBLE`;
      sel.push(
        `avg(${d}) AS c${i}_mean`,
        `stddev_samp(${d}) AS c${i}_sd`,
        // One quantile state per column for all three cut points; as text so both engines read it alike.
        `array_to_string(${quantilesApprox ? 'approx_quantile' : 'quantile_cont'}(${d}, [0.25, 0.5, 0.75]), ',') AS c${i}_q`,
      );
    }
    if (kind === 'date') sel.push(`count(DISTINCT ${q}::DATE) AS c${i}_days`);
    if (kind === 'text') {
      sel.push(
        `min(length(${q})) AS c${i}_lmin`,
        `max(length(${q})) AS c${i}_lmax`,
        `avg(length(${q})) AS c${i}_lmean`,
      );
      if (!sampled)
        PATTERNS.forEach((p, j) =>
          sel.push(`count(*) FILTER (WHERE ${patternPredicate(p, q)}) AS c${i}_p${j}`),
        );
    }
  });
  const agg = (await engine.query(`SELECT ${sel.join(',\n')} FROM ${table}`)).rows[0] ?? {};
  // Big tables: patterns are read from a reservoir sample (regular expressions are the costly part of a
  // profile); counts are scaled to the table. Checks that need exact counts run their own predicates.
  const patternScale = sampled ? await samplePatterns(engine, table, columns, agg) : 1;

  const profiles: ColumnProfile[] = columns.map((c, i) => {
    const kind = typeKind(c.type);
    const count = num(agg[`c${i}_count`]) ?? 0;
    const p: ColumnProfile = {
      name: c.name,
      type: c.type,
      kind,
      rows,
      count,
      nulls: rows - count,
      placeholders: c.placeholders ?? 0,
      nullShare: rows ? (rows - count) / rows : 0,
      distinct: Math.min(num(agg[`c${i}_distinct`]) ?? 0, count),
      distinctApprox: approx,
      min: agg[`c${i}_min`] ?? null,
      max: agg[`c${i}_max`] ?? null,
      topValues: [],
      pattern: null,
      patternShare: 0,
      patternCounts: {},
    };
    if (kind === 'number') {
      p.mean = num(agg[`c${i}_mean`]);
      p.stddev = num(agg[`c${i}_sd`]);
      const [q1, q2, q3] = String(agg[`c${i}_q`] ?? '')
        .split(',')
        .map((x) => (x === '' ? undefined : num(x)));
      p.q1 = q1;
      p.median = q2;
      p.q3 = q3;
      if (quantilesApprox && q2 !== undefined) p.quantilesApprox = true;
    }
    if (kind === 'date' && p.min !== null && p.max !== null) {
      const span =
        Math.round(
          (Date.parse(String(p.max).slice(0, 10)) - Date.parse(String(p.min).slice(0, 10))) / 86_400_000,
        ) + 1;
      p.distinctDays = num(agg[`c${i}_days`]) ?? 0;
      p.spanDays = span;
      p.dayCoverage = span > 0 ? p.distinctDays / span : undefined;
    }
    if (kind === 'text') {
      p.length = {
        min: num(agg[`c${i}_lmin`]) ?? 0,
        max: num(agg[`c${i}_lmax`]) ?? 0,
        mean: num(agg[`c${i}_lmean`]) ?? 0,
      };
      let best: ValuePattern | null = null;
      let bestN = 0;
      PATTERNS.forEach((pat, j) => {
        const n = Math.round((num(agg[`c${i}_p${j}`]) ?? 0) * patternScale);
        if (n > 0) p.patternCounts[pat] = n;
        if (n > bestN) {
          best = pat;
          bestN = n;
        }
      });
      // A URL with UTM tags is also a URL: report the narrower pattern when it dominates on its own.
      if (count > 0 && bestN / count >= 0.5) {
        p.pattern = best;
        p.patternShare = Math.min(1, bestN / count);
      }
      if (sampled) p.patternsSampled = true;
    }
    return p;
  });

  await addTopValues(engine, table, profiles, topK);
  await addHistograms(engine, table, profiles, binsWanted);
  const daily = options.daily === false ? undefined : await dailySeries(engine, table, profiles, options);
  return {
    table: tableName,
    rows,
    columns: profiles,
    ...(daily ? { daily } : {}),
    elapsedMs: Date.now() - started,
  };
}

const SAMPLE_ROWS = 50_000;

/** Pattern counts of text columns on a reservoir sample, written into `agg`; returns the scale factor. */
async function samplePatterns(
  engine: Engine,
  table: string,
  columns: ProfileColumnInput[],
  agg: Row,
): Promise<number> {
  const sel: string[] = ['count(*) AS n'];
  columns.forEach((c, i) => {
    if (typeKind(c.type) !== 'text') return;
    const q = quoteIdent(c.name);
    PATTERNS.forEach((p, j) => sel.push(`count(*) FILTER (WHERE ${patternPredicate(p, q)}) AS c${i}_p${j}`));
  });
  if (sel.length === 1) return 1;
  const row =
    (
      await engine.query(
        `SELECT ${sel.join(', ')} FROM (SELECT * FROM ${table} USING SAMPLE ${SAMPLE_ROWS} ROWS) s`,
      )
    ).rows[0] ?? {};
  Object.assign(agg, row);
  const n = num(row.n) ?? 0;
  const total = num(agg.n) ?? 0;
  return n ? total / n : 1;
}

/** Top values for text, boolean and low-cardinality columns; unique identifiers are skipped. */
async function addTopValues(
  engine: Engine,
  table: string,
  profiles: ColumnProfile[],
  k: number,
): Promise<void> {
  const wanted = profiles.filter(
    (p) =>
      p.count > 0 &&
      p.kind !== 'other' &&
      (p.distinct <= Math.max(50, p.count * 0.5) || p.kind === 'boolean') &&
      p.distinct < 1_000_000,
  );
  if (!wanted.length) return;
  const parts = wanted.map((p) => {
    const q = quoteIdent(p.name);
    return `(SELECT ${quoteLiteral(p.name)} AS col, ${q}::VARCHAR AS v, count(*)::BIGINT AS n FROM ${table} WHERE ${q} IS NOT NULL GROUP BY ${q} ORDER BY n DESC, v LIMIT ${k})`;
  });
  const res = await engine.query<{ col: string; v: string; n: number }>(parts.join('\nUNION ALL\n'));
  const byName = new Map<string, TopValue[]>();
  for (const r of res.rows) {
    const list = byName.get(r.col) ?? [];
    list.push({ value: r.v, count: Number(r.n) });
    byName.set(r.col, list);
  }
  for (const p of profiles)
    p.topValues = (byName.get(p.name) ?? []).sort(
      (a, b) => b.count - a.count || a.value.localeCompare(b.value),
    );
}

async function addHistograms(
  engine: Engine,
  table: string,
  profiles: ColumnProfile[],
  bins: number,
): Promise<void> {
  const wanted = profiles
    .map((p, i) => ({ p, i, lo: num(p.min), hi: num(p.max) }))
    .filter((x) => x.p.kind === 'number' && x.lo !== undefined && x.hi !== undefined && x.p.count > 0);
  if (!wanted.length) return;
  const sel = wanted.map(({ p, i, lo, hi }) => {
    const width = hi! > lo! ? (hi! - lo!) / bins : 1;
    const bin = `least(${bins - 1}, floor((${quoteIdent(p.name)}::DOUBLE - ${lo}) / ${width}))::INTEGER`;
    // least() skips NULLs (least(19, NULL) = 19), so NULL cells must be filtered out explicitly.
    return `array_to_string(list_transform(map_entries(histogram(${bin}) FILTER (WHERE ${quoteIdent(p.name)} IS NOT NULL)), e -> e.key || ':' || e.value), ',') AS h${i}`;
  });
  const row = (await engine.query(`SELECT ${sel.join(', ')} FROM ${table}`)).rows[0] ?? {};
  for (const { p, i, lo, hi } of wanted) {
    const width = hi! > lo! ? (hi! - lo!) / bins : 1;
    const n = hi! > lo! ? bins : 1;
    const out: HistogramBin[] = Array.from({ length: n }, (_, b) => ({
      start: lo! + b * width,
      end: lo! + (b + 1) * width,
      count: 0,
    }));
    for (const pair of String(row[`h${i}`] ?? '').split(',')) {
      const [key, value] = pair.split(':');
      const b = Number(key);
      if (pair && out[b]) out[b]!.count = Number(value);
    }
    p.histogram = out;
  }
}

/** Rows and key metric sums per day; `profileTable` calls it, callers that know the roles can call it again. */
export async function profileDaily(
  engine: Engine,
  tableName: string,
  profile: TableProfile,
  dateColumn: string,
  dailyMetrics: string[],
): Promise<TableProfile['daily']> {
  return dailySeries(engine, quoteIdent(tableName), profile.columns, { dateColumn, dailyMetrics });
}

async function dailySeries(
  engine: Engine,
  table: string,
  profiles: ColumnProfile[],
  options: ProfileOptions,
): Promise<TableProfile['daily']> {
  const dateCol = options.dateColumn
    ? profiles.find((p) => p.name === options.dateColumn)
    : (profiles.find((p) => p.kind === 'date' && roleFromHeader(p.name) === 'date') ??
      profiles.find((p) => p.kind === 'date'));
  if (!dateCol || dateCol.kind !== 'date' || dateCol.count === 0) return undefined;
  const metrics =
    options.dailyMetrics ??
    profiles
      .filter((p) => p.kind === 'number' && METRIC_ROLES.includes(roleFromHeader(p.name)))
      .map((p) => p.name);
  const d = quoteIdent(dateCol.name);
  const sums = metrics.map((m, i) => `sum(${quoteIdent(m)})::DOUBLE AS m${i}`);
  const res = await engine.query<Row>(
    `SELECT ${d}::DATE::VARCHAR AS day, count(*)::BIGINT AS n${sums.length ? ', ' + sums.join(', ') : ''} FROM ${table} WHERE ${d} IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  const points: DailyPoint[] = res.rows.map((r) => ({
    date: String(r.day),
    rows: Number(r.n),
    metrics: Object.fromEntries(metrics.map((m, i) => [m, num(r[`m${i}`]) ?? null])),
  }));
  return { column: dateCol.name, metrics, points };
}
