/**
 * profileTable: per-column statistics in three statements, whatever the number of columns:
 * 1. one aggregate query for counts, NULLs, distinct (HyperLogLog on big tables, and labelled so),
 *    min/max/mean/stddev, string lengths, day coverage and (tables up to `patternSampleLimit` rows)
 *    the pattern counts of every column at once;
 * 2. one UNION ALL statement (values.ts) for top values, histograms, exact median and quartiles and, on
 *    big tables, exact pattern counts of text columns with few distinct values; text columns with many
 *    distinct values on big tables read their patterns from a sample of about 50 000 rows, the same rows
 *    on every run (a third statement);
 * 3. one GROUP BY day for rows and key metrics per day.
 */
import type { Engine, Row, Scalar } from '../engine/types';
import { isInternalColumn, LINE_COLUMN, quoteIdent } from '../engine/sql';
import { METRIC_ROLES, roleFromHeader } from '../semantics/roles';
import { PATTERNS, patternPredicate } from './patterns';
import type { ColumnProfile, DailyPoint, ProfileColumnInput, ProfileOptions, TableProfile } from './types';
import { addValueStatistics, isGrouped, setPatterns } from './values';

/**
 * Exact quantiles of a column with many distinct values keep every value in memory; above this many rows
 * they are estimated (and labelled). Columns with few distinct values are exact at any size (values.ts).
 */
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

  // 1. One aggregate query for everything per column (wide tables: one per batch of columns).
  const perColumn: string[][] = columns.map((c, i) => {
    const sel: string[] = [];
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
      sel.push(`avg(${d}) AS c${i}_mean`, `stddev_samp(${d}) AS c${i}_sd`);
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
    return sel;
  });
  const agg: Row = {};
  for (const part of batches(perColumn)) {
    Object.assign(agg, (await engine.query(`SELECT ${part.flat().join(',\n')} FROM ${table}`)).rows[0] ?? {});
  }

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
      if (!sampled) setPatterns(p, (j) => num(agg[`c${i}_p${j}`]) ?? 0, false);
    }
    return p;
  });

  for (const part of batches(profiles)) {
    await addValueStatistics(engine, table, part, {
      topK,
      bins: binsWanted,
      patternsFromGroups: sampled,
      quantilesApprox,
    });
  }
  // Big tables: text columns with many distinct values read their patterns from a sample (regular
  // expressions over every row are the costly part of a profile); counts are scaled to the table. Checks
  // that need exact counts run their own predicates.
  const ungrouped = profiles.filter((p) => p.kind === 'text' && !isGrouped(p));
  if (sampled && ungrouped.length) {
    const sample = await sampleOf(engine, tableName, rows, options.patternSampleRows ?? SAMPLE_ROWS);
    for (const part of batches(ungrouped)) await samplePatterns(engine, table, sample, part);
  }
  const daily = options.daily === false ? undefined : await dailySeries(engine, table, profiles, options);
  return {
    table: tableName,
    rows,
    columns: profiles,
    ...(daily ? { daily } : {}),
    elapsedMs: Date.now() - started,
  };
}

/**
 * Columns per statement. DuckDB's time per statement grows faster than its size: profiling 200 columns of a
 * 200-row table took 9 s in one statement each, 3.2 s in batches of 40 and 1.7 s in batches of 12 (1,000
 * columns: 128 s before batching, 14 s with batches of 40). Scans are per column, so batches cost little.
 */
const BATCH = 12;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let b = 0; b < items.length; b += BATCH) out.push(items.slice(b, b + BATCH));
  return out;
}

const SAMPLE_ROWS = 50_000;

/**
 * The sampling clause: the same rows on every run and on both engines. An imported table keeps the rows
 * whose line number hashes to a multiple of rows / `size` (about `size` rows); a table without line numbers
 * takes a seeded reservoir sample (the same rows on every run of one engine).
 */
async function sampleOf(engine: Engine, tableName: string, rows: number, size: number): Promise<string> {
  const hasLines = (await describeTable(engine, tableName)).some((c) => c.name === LINE_COLUMN);
  const step = Math.max(1, Math.floor(rows / size));
  return hasLines
    ? `WHERE hash(${quoteIdent(LINE_COLUMN)}) % ${step} = 0`
    : `USING SAMPLE reservoir(${Math.floor(size)} ROWS) REPEATABLE (1)`;
}

/** Pattern counts of text columns estimated on a sample (`sampleOf`) of those columns. */
async function samplePatterns(engine: Engine, table: string, sample: string, texts: ColumnProfile[]): Promise<void> {
  const sel: string[] = ['count(*) AS n'];
  texts.forEach((c, i) => {
    const q = quoteIdent(c.name);
    PATTERNS.forEach((p, j) => sel.push(`count(*) FILTER (WHERE ${patternPredicate(p, q)}) AS c${i}_p${j}`));
  });
  const cols = texts.map((c) => quoteIdent(c.name)).join(', ');
  const row =
    (await engine.query(`SELECT ${sel.join(', ')} FROM (SELECT ${cols} FROM ${table} ${sample}) s`))
      .rows[0] ?? {};
  const n = num(row.n) ?? 0;
  const scale = n ? (texts[0]?.rows ?? 0) / n : 1;
  texts.forEach((p, i) => setPatterns(p, (j) => Math.round((num(row[`c${i}_p${j}`]) ?? 0) * scale), true));
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

/**
 * Rows (`n`) and the sum of each number expression (`m0`, `m1`, …) per day of `dateExpr` in `source`, as
 * `day` text, in date order. Grouped by the date and written as text once per day, not per row (1M casts
 * cost twice the whole GROUP BY on wasm).
 */
export function perDaySql(source: string, dateExpr: string, sums: string[]): string {
  return `SELECT day::VARCHAR AS day, n${sums.map((_, i) => `, m${i}`).join('')}
    FROM (SELECT ${dateExpr}::DATE AS day, count(*)::BIGINT AS n${sums.map((x, i) => `, sum(${x})::DOUBLE AS m${i}`).join('')}
      FROM ${source} WHERE ${dateExpr} IS NOT NULL GROUP BY 1) ORDER BY 1`;
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
  const res = await engine.query<Row>(perDaySql(table, d, metrics.map(quoteIdent)));
  const points: DailyPoint[] = res.rows.map((r) => ({
    date: String(r.day),
    rows: Number(r.n),
    metrics: Object.fromEntries(metrics.map((m, i) => [m, num(r[`m${i}`]) ?? null])),
  }));
  return { column: dateCol.name, metrics, points };
}
