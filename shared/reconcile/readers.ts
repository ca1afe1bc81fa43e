/**
 * Reading the sandbox inputs from a loaded dataset: a conversion-path export (a channel path column such as
 * "Paid Search > Organic Search > Direct", conversions, revenue, optional days to conversion) and a test file
 * (date, test/control group, conversions, optional period column and platform claim).
 */
import type { Dataset } from '../checks/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { Engine } from '../engine/types';
import { normaliseHeader } from '../semantics/roles';
import { splitPath } from './attribution-models';
import type { ConversionPath } from './attribution-models';
import { groupRole } from './lift';
import type { LiftDay } from './lift';

const header = (c: { originalName: string }) => normaliseHeader(c.originalName).replace(/_/g, ' ');

export interface PathColumns {
  path: string;
  conversions: string;
  revenue?: string;
  days?: string;
  nulls?: string;
}

/** Find the path, conversions, revenue and days columns; null with a reason when the file is not a path export. */
export async function pathColumns(engine: Engine, ds: Dataset): Promise<PathColumns | { reason: string }> {
  const cols = ds.semantics.columns;
  const text = cols.filter((c) => c.kind === 'text');
  let path = text.find((c) => /path|channel group|touchpoints?$|journey/.test(header(c)) && !/count|number/.test(header(c)));
  if (!path) {
    for (const c of text) {
      const r = await engine.query(`SELECT count(*) FILTER (WHERE ${quoteIdent(c.name)} LIKE '%>%') AS k, count(${quoteIdent(c.name)}) AS n FROM ${quoteIdent(ds.tableName)}`);
      if (Number(r.rows[0]?.k) > 0 && Number(r.rows[0]?.k) >= Number(r.rows[0]?.n) * 0.3) {
        path = c;
        break;
      }
    }
  }
  if (!path) return { reason: `${ds.file} has no channel path column (values such as "Paid Search > Organic Search > Direct").` };
  const num = cols.filter((c) => c.kind === 'number');
  const conversions =
    num.find((c) => c.role === 'conversions') ?? num.find((c) => /key events?|conversions?|purchases|transactions/.test(header(c)));
  if (!conversions) return { reason: `${ds.file} has a path column but no conversions column.` };
  const revenue = num.find((c) => c.role === 'revenue') ?? num.find((c) => /revenue|value/.test(header(c)));
  const days = num.find((c) => /days to (conversion|key event|purchase)|days/.test(header(c)));
  const nulls = num.find((c) => /non.?convert|without (conversion|key event)|null/.test(header(c)));
  return {
    path: path.name,
    conversions: conversions.name,
    ...(revenue ? { revenue: revenue.name } : {}),
    ...(days ? { days: days.name } : {}),
    ...(nulls ? { nulls: nulls.name } : {}),
  };
}

export async function readConversionPaths(engine: Engine, ds: Dataset): Promise<{ columns: PathColumns; paths: ConversionPath[] } | { reason: string }> {
  const columns = await pathColumns(engine, ds);
  if ('reason' in columns) return columns;
  const q = (n?: string) => (n ? `${quoteIdent(n)}::DOUBLE` : 'NULL::DOUBLE');
  const r = await engine.query(
    `SELECT "__line" AS l, ${quoteIdent(columns.path)}::VARCHAR AS p, ${q(columns.conversions)} AS c, ${q(columns.revenue)} AS r, ${q(columns.days)} AS d, ${q(columns.nulls)} AS x FROM ${quoteIdent(ds.tableName)} WHERE ${quoteIdent(columns.path)} IS NOT NULL ORDER BY "__line"`,
  );
  const paths: ConversionPath[] = r.rows.map((row) => ({
    channels: splitPath(String(row.p)),
    conversions: Number(row.c ?? 0),
    revenue: Number(row.r ?? 0),
    ...(row.d !== null ? { days: Number(row.d) } : {}),
    ...(row.x !== null ? { nulls: Number(row.x) } : {}),
    line: Number(row.l),
  }));
  return { columns, paths };
}

export interface TestColumns {
  date: string;
  group: string;
  conversions: string;
  /** Column saying whether a day is pre-period or test period, when the file has one. */
  period?: string;
  /** Conversions the platform claimed for the test group's cells, when the file carries them. */
  claimed?: string;
  region?: string;
}

export interface TestData {
  columns: TestColumns;
  days: LiftDay[];
  /** First day of the test period (from the period column or given). */
  testStart: string | null;
  /** Platform claim summed over the test group's test-period rows, when the file has a claim column. */
  claimed: number | null;
  groups: { test: string[]; control: string[] };
}

export async function readTest(engine: Engine, ds: Dataset, options: { testStart?: string } = {}): Promise<TestData | { reason: string }> {
  const cols = ds.semantics.columns;
  const date = ds.semantics.primaryDate;
  if (!date) return { reason: `${ds.file} has no date column.` };
  const group = cols.find((c) => c.kind === 'text' && /^(group|test group|cell|arm|variant|test cell|condition|geo group)$/.test(header(c)));
  if (!group) return { reason: `${ds.file} has no group column (test / control).` };
  const num = cols.filter((c) => c.kind === 'number');
  const claimed = num.find((c) => /claim|platform conv|ads conv|attributed/.test(header(c)));
  const conversions = num.find((c) => c !== claimed && (c.role === 'conversions' || /conversions|orders|sales|won|key events/.test(header(c))));
  if (!conversions) return { reason: `${ds.file} has no conversions column.` };
  const period = cols.find((c) => c.kind === 'text' && /^(period|phase|test period|window)$/.test(header(c)));
  const region = cols.find((c) => c.kind === 'text' && (c.role === 'country' || /region|geo|dma|state|market/.test(header(c))));
  const g = quoteIdent(group.name);
  const labels = (await engine.query(`SELECT DISTINCT ${g}::VARCHAR AS v FROM ${quoteIdent(ds.tableName)} WHERE ${g} IS NOT NULL ORDER BY 1`)).rows.map((x) => String(x.v));
  const test = labels.filter((l) => groupRole(l) === 'test');
  const control = labels.filter((l) => groupRole(l) === 'control');
  if (!test.length || !control.length) return { reason: `${ds.file}: cannot tell the test group from the control group (${labels.join(', ')}); name them "test" and "control".` };
  const inList = (xs: string[]) => `${g}::VARCHAR IN (${xs.map((x) => quoteLiteral(x)).join(', ')})`;
  const d = `${quoteIdent(date)}::DATE`;
  const rows = await engine.query(
    `SELECT ${d}::VARCHAR AS d, coalesce(sum(${quoteIdent(conversions.name)}) FILTER (WHERE ${inList(test)}), 0)::DOUBLE AS t, coalesce(sum(${quoteIdent(conversions.name)}) FILTER (WHERE ${inList(control)}), 0)::DOUBLE AS c FROM ${quoteIdent(ds.tableName)} WHERE ${d} IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  const days = rows.rows.map((x) => ({ date: String(x.d), test: Number(x.t), control: Number(x.c) }));
  let testStart = options.testStart ?? null;
  if (!testStart && period) {
    const p = quoteIdent(period.name);
    const r = await engine.query(
      `SELECT min(${d})::VARCHAR AS s FROM ${quoteIdent(ds.tableName)} WHERE NOT regexp_matches(lower(${p}::VARCHAR), '^(pre|pre.?period|before|baseline)$')`,
    );
    testStart = r.rows[0]?.s ? String(r.rows[0].s) : null;
  }
  let claimedTotal: number | null = null;
  if (claimed && testStart) {
    const r = await engine.query(
      `SELECT coalesce(sum(${quoteIdent(claimed.name)}), 0)::DOUBLE AS s FROM ${quoteIdent(ds.tableName)} WHERE ${inList(test)} AND ${d} >= ${quoteLiteral(testStart)}::DATE`,
    );
    claimedTotal = Number(r.rows[0]?.s ?? 0);
  }
  return {
    columns: {
      date,
      group: group.name,
      conversions: conversions.name,
      ...(period ? { period: period.name } : {}),
      ...(claimed ? { claimed: claimed.name } : {}),
      ...(region ? { region: region.name } : {}),
    },
    days,
    testStart,
    claimed: claimedTotal,
    groups: { test, control },
  };
}
