/**
 * Reads the facts the mesh layer needs from a loaded table, in a handful of SQL queries. The input is the
 * importer's result (only the fields named in FactsSource), so tests can also build tables by hand.
 */
import type { Engine, Scalar } from '../engine/types';
import { isInternalColumn, quoteIdent } from '../engine/sql';
import type { ImportResult } from '../import/types';
import { personalDataClassification } from '../checks/personal-data';
import type { PersonalDataClassification } from '../checks/personal-data';
import { roleFromHeader } from '../semantics/roles';
import { domainOf, guessPlatform, guessRole } from './roles';
import type { ColumnRole, DatasetColumn, DatasetFacts, DateCoverage, MeshFinding } from './types';

export type FactsSource = Pick<ImportResult, 'path' | 'tableName' | 'rows'> & {
  columns: { name: string; type: string; percent?: boolean; currency?: string }[];
  summaryRows?: unknown[];
  skippedLines?: number;
};

export interface FactsOptions {
  /** Display name; defaults to the last part of the path. */
  name?: string;
  /** Roles from shared/semantics, by column name; the name-based guess fills the gaps. */
  roles?: Record<string, ColumnRole | null>;
  findings?: MeshFinding[];
  score?: number | null;
  platform?: string | null;
  /** The period, when the caller has it from the profile (coverageFromProfile); read here otherwise. */
  dates?: DateCoverage | null;
  /**
   * Which columns hold personal data: personalDataClassification of the dataset's semantics (the user's
   * roles). Without it the same classification reads the roles the headers suggest.
   */
  personal?: PersonalDataClassification;
}

const LABEL_ROLES: ColumnRole[] = ['campaign', 'ad_group', 'channel', 'stage', 'source', 'status'];
const GRAIN_ROLES: ColumnRole[] = ['date', 'campaign', 'ad_group', 'account', 'channel'];

export const isNumericType = (t: string) => /^(DOUBLE|FLOAT|REAL|DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER)/i.test(t);
export const isTextType = (t: string) => /^VARCHAR/i.test(t);
export const isDateType = (t: string) => /^(DATE|TIMESTAMP)/i.test(t);

const num = (v: Scalar | undefined): number | null => (v === null || v === undefined ? null : Number(v));

export async function readDatasetFacts(engine: Engine, source: FactsSource, options: FactsOptions = {}): Promise<DatasetFacts> {
  const table = quoteIdent(source.tableName);
  const userColumns = source.columns.filter((c) => !isInternalColumn(c.name));
  // A role given for a column (even null: "no role", as the user set it) wins over the header guess.
  const roles = userColumns.map((c) => (options.roles && c.name in options.roles ? (options.roles[c.name] ?? null) : guessRole(c.name)));

  const parts = ['count(*) AS "rows"'];
  userColumns.forEach((c, i) => {
    const q = quoteIdent(c.name);
    parts.push(`count(*) - count(${q}) AS "n${i}"`, `count(DISTINCT ${q}) AS "d${i}"`);
    if (isNumericType(c.type)) parts.push(`sum(${q})::DOUBLE AS "s${i}"`, `min(${q})::DOUBLE AS "m${i}"`);
  });
  const agg = (await engine.query(`SELECT ${parts.join(', ')} FROM ${table}`)).rows[0] ?? {};
  const personal = new Map(
    (
      options.personal ??
      personalDataClassification({
        columns: userColumns.map((c) => ({ name: c.name, kind: isTextType(c.type) ? 'text' : 'other', role: roleFromHeader(c.name) })),
      })
    ).columns.map((c) => [c.name, c.category]),
  );

  const columns: DatasetColumn[] = [];
  for (let i = 0; i < userColumns.length; i++) {
    const c = userColumns[i]!;
    const ex = await engine.query(
      `SELECT DISTINCT CAST(${quoteIdent(c.name)} AS VARCHAR) AS v FROM ${table} WHERE ${quoteIdent(c.name)} IS NOT NULL ORDER BY v LIMIT 3`,
    );
    columns.push({
      name: c.name,
      type: c.type,
      role: roles[i] ?? null,
      nulls: num(agg[`n${i}`]) ?? 0,
      distinct: num(agg[`d${i}`]) ?? 0,
      percent: c.percent ?? false,
      ...(c.currency ? { currency: c.currency } : {}),
      examples: ex.rows.map((r) => String(r.v)),
      personal: personal.get(c.name) ?? null,
      sum: num(agg[`s${i}`]),
      min: num(agg[`m${i}`]),
    });
  }
  const rows = num(agg.rows) ?? 0;
  const platform = options.platform !== undefined ? options.platform : guessPlatform(columns.map((c) => c.name));
  const byRole = (role: ColumnRole) => columns.find((c) => c.role === role);

  // The main date: a date-typed column, preferring the 'date' role and then the most distinct days
  // (Meta's "Reporting starts" holds one value; its "Day" column is the real date).
  const dateColumn = columns
    .filter((c) => isDateType(c.type))
    .sort(
      (a, b) =>
        Number(b.distinct > 1) - Number(a.distinct > 1) || Number(b.role === 'date') - Number(a.role === 'date') || b.distinct - a.distinct,
    )[0];
  const dates = options.dates !== undefined ? options.dates : dateColumn ? await readCoverage(engine, table, dateColumn.name) : null;

  const grain = pickGrain(columns, rows, dateColumn?.name);
  const grainDuplicates = grain.length ? await countGrainDuplicates(engine, table, grain) : 0;

  const labels: Record<string, string[]> = {};
  for (const c of columns) {
    if (!c.role || !LABEL_ROLES.includes(c.role) || !isTextType(c.type)) continue;
    const q = quoteIdent(c.name);
    const r = await engine.query(`SELECT DISTINCT ${q} AS v FROM ${table} WHERE ${q} IS NOT NULL ORDER BY v LIMIT 200`);
    labels[c.name] = r.rows.map((x) => String(x.v));
  }

  const stage = byRole('stage');
  const sourceCol = byRole('source');
  let wonTotal: number | null = null;
  let wonBySource: Record<string, number> | null = null;
  if (stage) {
    const won = `lower(CAST(${quoteIdent(stage.name)} AS VARCHAR)) LIKE '%won%'`;
    wonTotal = num((await engine.query(`SELECT count(*) AS n FROM ${table} WHERE ${won}`)).rows[0]?.n) ?? 0;
    if (sourceCol) {
      const s = quoteIdent(sourceCol.name);
      const r = await engine.query(`SELECT coalesce(CAST(${s} AS VARCHAR), '(none)') AS k, count(*) AS n FROM ${table} WHERE ${won} GROUP BY 1 ORDER BY 1`);
      wonBySource = Object.fromEntries(r.rows.map((x) => [String(x.k), Number(x.n)]));
    }
  }
  const clicks = byRole('clicks');
  const impressions = byRole('impressions');
  let funnelInversions: number | null = null;
  if (clicks && impressions && isNumericType(clicks.type) && isNumericType(impressions.type)) {
    const r = await engine.query(`SELECT count(*) AS n FROM ${table} WHERE ${quoteIdent(clicks.name)} > ${quoteIdent(impressions.name)}`);
    funnelInversions = num(r.rows[0]?.n) ?? 0;
  }

  return {
    name: options.name ?? source.path.split(/[\\/]/).pop() ?? source.path,
    tableName: source.tableName,
    rows,
    columns,
    platform,
    domain: domainOf(platform, columns.map((c) => c.role)),
    dates,
    grain,
    grainDuplicates,
    findings: options.findings ?? [],
    score: options.score ?? null,
    summaryRows: source.summaryRows?.length ?? 0,
    skippedLines: source.skippedLines ?? 0,
    labels,
    wonBySource,
    wonTotal,
    funnelInversions,
  };
}

function pickGrain(columns: DatasetColumn[], rows: number, dateColumn: string | undefined): string[] {
  // An id column that is (nearly) unique is the grain; its few duplicates are a finding, not a different grain.
  const id = columns.find((c) => c.role === 'id' && rows > 0 && c.distinct >= rows * 0.95);
  if (id) return [id.name];
  const dims = columns.filter((c) => c.role && GRAIN_ROLES.includes(c.role) && (c.role !== 'date' || c.name === dateColumn));
  if (dims.length) return dims.map((c) => c.name);
  // No roles: the text and date columns are the best guess at what identifies a row.
  return columns.filter((c) => isTextType(c.type) || isDateType(c.type)).map((c) => c.name);
}

async function countGrainDuplicates(engine: Engine, table: string, grain: string[]): Promise<number> {
  const cols = grain.map(quoteIdent).join(', ');
  const r = await engine.query(`SELECT coalesce(sum(n), 0) AS n FROM (SELECT count(*) AS n FROM ${table} GROUP BY ${cols} HAVING count(*) > 1)`);
  return num(r.rows[0]?.n) ?? 0;
}

async function readCoverage(engine: Engine, table: string, column: string): Promise<DateCoverage | null> {
  const q = quoteIdent(column);
  const r = await engine.query(
    `WITH d AS (SELECT DISTINCT CAST(${q} AS DATE) AS d FROM ${table} WHERE ${q} IS NOT NULL),
          s AS (SELECT d - lag(d) OVER (ORDER BY d) AS step FROM d)
     SELECT CAST(min(d) AS VARCHAR) AS start, CAST(max(d) AS VARCHAR) AS "end", count(*) AS n,
            (SELECT median(step) FROM s WHERE step IS NOT NULL) AS step,
            date_diff('day', min(d), max(d)) + 1 AS days
     FROM d`,
  );
  const row = r.rows[0];
  if (!row || row.start === null) return null;
  const days = Number(row.days);
  const distinctDates = Number(row.n);
  const stepDays = row.step === null ? 1 : Math.max(1, Math.round(Number(row.step)));
  return {
    column,
    start: String(row.start),
    end: String(row.end),
    days,
    distinctDates,
    // Days in the range with no row: the same count as the Columns screen (span minus days present).
    missingDays: Math.max(0, days - distinctDates),
    stepDays,
  };
}
