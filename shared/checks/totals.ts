/**
 * totals_mismatch: the summary rows the importer took out of the table ("Total: Campaigns", "Grand total")
 * against the sum of the rows they summarise. Each total has a scope (which rows it covers), and only
 * additive metrics are compared: a total row's CTR or CPC is a ratio of its own sums, never a sum.
 * The tolerance is half the last shown digit per row, plus half of the total's own last digit, so a
 * Google Ads total cost of 1,164.09 against a row sum of 1,164.10 is rounding and stays quiet.
 */
import { quoteIdent, quoteLiteral } from '../engine/sql';
import { decimalsShownSql, parseNumber } from '../import/values';
import type { DecimalSeparator, SummaryRow } from '../import/types';
import type { SemanticColumn } from '../semantics/describe';
import { METRIC_ROLES, normaliseHeader } from '../semantics/roles';
import type { Role } from '../semantics/roles';
import { plural } from './helpers';
import type { CheckDefinition, CheckTarget, Dataset, Severity } from './types';

/**
 * What a total covers, by its label (lowercase, after the colon). Google Ads labels its rows "Total: Account"
 * (every campaign in the account over the period, including removed campaigns and those filtered out of the
 * report), "Total: Campaigns" (the rows shown) and "Total: <campaign type>" (a subtotal over the rows of that
 * type); GA4's "Grand total" covers the rows shown. Source: the statistics table totals in Google Ads
 * (https://support.google.com/google-ads/answer/2454071) and GA4's report exports.
 */
const ACCOUNT_SCOPE = ['account', 'konto', 'compte', 'cuenta', 'conta', 'account totals'];
const SHOWN_SCOPE = [
  '',
  'campaigns',
  'filtered campaigns',
  'ad groups',
  'ads',
  'keywords',
  'search terms',
  'assets',
  'asset groups',
  'kampagnen',
  'anzeigengruppen',
  'campagnes',
  'groupes d annonces',
  'campanas',
  'grupos de anuncios',
];
const LABEL = /^\s*(?:total|totals|grand total|gesamtsumme|gesamt|summe|total general|totaux|total général)\s*(?::\s*(.*))?$/i;

/** Counts of discrete events: every row is an exact integer, so their sum is exact too. */
const COUNT_ROLES: readonly Role[] = ['impressions', 'clicks', 'link_clicks', 'sessions', 'engaged_sessions'];
/** Reach and users are deduplicated people: a total's reach or users is not the sum of its rows'. */
const NOT_ADDITIVE: readonly Role[] = ['reach', 'users'];

export type TotalScope =
  | { kind: 'shown' }
  | { kind: 'account' }
  | { kind: 'subtotal'; column: string; value: string }
  | { kind: 'unknown' };

const fold = (s: string): string => normaliseHeader(s).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Which rows a summary row covers, or `unknown` when the file does not say (then it is not checked). */
export function totalScope(label: string, typeColumns: { name: string; values: string[] }[]): TotalScope {
  const m = LABEL.exec(label);
  if (!m) return { kind: 'unknown' };
  const rest = fold(m[1] ?? '');
  if (ACCOUNT_SCOPE.includes(rest)) return { kind: 'account' };
  if (SHOWN_SCOPE.includes(rest)) return { kind: 'shown' };
  for (const c of typeColumns) {
    const value = c.values.find((v) => fold(v) === rest);
    if (value !== undefined) return { kind: 'subtotal', column: c.name, value };
  }
  return { kind: 'unknown' };
}

/** Additive metric columns a total row can be checked on. */
export function additiveColumns(ds: Dataset): SemanticColumn[] {
  return ds.semantics.columns.filter(
    (c) => c.kind === 'number' && !c.percent && METRIC_ROLES.includes(c.role) && !NOT_ADDITIVE.includes(c.role),
  );
}

/** Digits after the decimal separator in a shown number ("1,164.09" → 2). */
export function shownDecimals(text: string, dec: DecimalSeparator): number {
  const m = (dec === '.' ? /\.(\d+)/ : /,(\d+)/).exec(text);
  return m ? m[1]!.length : 0;
}

export interface TotalComparison {
  column: string;
  originalName: string;
  stated: number;
  rowSum: number;
  difference: number;
  tolerance: number;
  decimals: number;
}

export interface TotalCheck {
  summary: SummaryRow;
  scope: TotalScope;
  /** Exports joined together: the lines of the part the summary row ends (it totals only those rows). */
  part?: { from: number; to: number | null };
  rowsCovered: number;
  mismatches: TotalComparison[];
}

type Query = { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> };

interface StatedValue {
  c: SemanticColumn;
  text: string;
  value: number;
}

/**
 * Compare every summary row of a dataset with its rows, in one scan of the table: each scope (all rows, or
 * the rows of one campaign type) is a FILTER of one aggregate query. Pure reading; the check turns it into
 * findings.
 */
export async function compareTotals(engine: Query, ds: Dataset): Promise<TotalCheck[]> {
  const summaries = ds.summaryRows ?? [];
  const metrics = additiveColumns(ds);
  if (!summaries.length || !metrics.length) return [];
  const dec = ds.decimalSeparator ?? '.';
  let typeColumns: { name: string; values: string[] }[] | null = null;
  const plans: {
    summary: SummaryRow;
    scope: TotalScope;
    part?: TotalCheck['part'];
    stated: StatedValue[];
    scopeIndex: number;
  }[] = [];
  const scopes: string[] = [];
  for (const summary of summaries) {
    let scope = totalScope(summary.label, []);
    // Only a label that names no known scope can be a subtotal; only then are the type columns read.
    if (scope.kind === 'unknown') scope = totalScope(summary.label, (typeColumns ??= await candidateTypeColumns(engine, ds)));
    if (scope.kind === 'unknown') continue;
    const stated = metrics.flatMap((c): StatedValue[] => {
      const text = summary.values[c.name];
      const parsed = text === undefined ? null : parseNumber(text, dec);
      return parsed && !parsed.percent ? [{ c, text: text!, value: parsed.value }] : [];
    });
    if (!stated.length) continue;
    const part = partOf(ds.joinedAt, summary.line);
    const conditions = [
      ...(scope.kind === 'subtotal' ? [`t.${quoteIdent(scope.column)} = ${quoteLiteral(scope.value)}`] : []),
      ...(part ? [`t."__line" >= ${part.from}`, ...(part.to === null ? [] : [`t."__line" <= ${part.to}`])] : []),
    ];
    const where = conditions.length ? conditions.join(' AND ') : 'true';
    if (!scopes.includes(where)) scopes.push(where);
    plans.push({ summary, scope, ...(part ? { part } : {}), stated, scopeIndex: scopes.indexOf(where) });
  }
  if (!plans.length) return [];
  const row = await scopeAggregates(engine, ds, scopes, [...new Set(plans.flatMap((p) => p.stated.map((s) => s.c)))]);
  const out: TotalCheck[] = [];
  for (const { summary, scope, part, stated, scopeIndex: j } of plans) {
    const n = Number(row[`n${j}`] ?? 0);
    if (n === 0) continue;
    const mismatches: TotalComparison[] = [];
    for (const { c, text, value } of stated) {
      const rowSum = Number(row[`s${j}_${c.name}`] ?? 0);
      const rowDecimals = shownByImporter(ds, c) ?? Number(row[`d${j}_${c.name}`] ?? 0);
      const totalDecimals = shownDecimals(text, dec);
      const exactRows = COUNT_ROLES.includes(c.role) && rowDecimals === 0;
      const tolerance = (exactRows ? 0 : (n * 10 ** -rowDecimals) / 2) + 10 ** -totalDecimals / 2;
      const difference = value - rowSum;
      const decimals = Math.max(rowDecimals, totalDecimals);
      if (Math.abs(difference) > tolerance + 1e-9 * Math.max(1, Math.abs(rowSum)))
        mismatches.push({
          column: c.name,
          originalName: c.originalName,
          stated: value,
          rowSum: round(rowSum, decimals),
          difference: round(difference, decimals),
          tolerance: round(tolerance, decimals + 1),
          decimals,
        });
    }
    out.push({ summary, scope, ...(part ? { part } : {}), rowsCovered: n, mismatches });
  }
  return out;
}

/** The lines of the joined part a summary row on `line` belongs to (none for a file that is one export). */
function partOf(joinedAt: number[] | undefined, line: number): TotalCheck['part'] | undefined {
  if (!joinedAt?.length) return undefined;
  const from = Math.max(0, ...joinedAt.filter((l) => l <= line));
  const next = joinedAt.filter((l) => l > line);
  return { from, to: next.length ? Math.min(...next) - 1 : null };
}

/** The most decimals the column's cells show in the file, as the importer counted them at import. */
function shownByImporter(ds: Dataset, c: SemanticColumn): number | undefined {
  return ds.importedColumns?.find((i) => i.name === c.name)?.decimals;
}

/**
 * Per scope j: the rows it covers (`n{j}`) and the sum of each metric (`s{j}_{column}`). The decimals the
 * rows show come from the importer; for a column it did not count them on (a table built another way), the
 * most decimals the scope's rows show in the raw text (`d{j}_{column}`), when there is raw text.
 */
async function scopeAggregates(
  engine: Query,
  ds: Dataset,
  scopes: string[],
  columns: SemanticColumn[],
): Promise<Record<string, unknown>> {
  const raw = ds.rawTableName;
  const uncounted = raw ? columns.filter((c) => shownByImporter(ds, c) === undefined) : [];
  const sel = scopes.flatMap((where, j) => {
    const f = where === 'true' ? '' : ` FILTER (WHERE ${where})`;
    return [
      `count(*)${f} AS n${j}`,
      ...columns.map((c) => `sum(t.${quoteIdent(c.name)})${f} AS ${quoteIdent(`s${j}_${c.name}`)}`),
      ...uncounted.map(
        (c) => `max(${decimalsShownSql(`r.${quoteIdent(c.name)}`, ds.decimalSeparator ?? '.')})${f} AS ${quoteIdent(`d${j}_${c.name}`)}`,
      ),
    ];
  });
  const fromSql = uncounted.length
    ? `${quoteIdent(ds.tableName)} t JOIN ${quoteIdent(raw!)} r ON r."__line" = t."__line"`
    : `${quoteIdent(ds.tableName)} t`;
  return (await engine.query(`SELECT ${sel.join(', ')} FROM ${fromSql}`)).rows[0] ?? {};
}

/** Text columns that can hold a campaign type ("Campaign type", "Advertising channel type"), with values. */
async function candidateTypeColumns(engine: Query, ds: Dataset): Promise<{ name: string; values: string[] }[]> {
  const cols = ds.semantics.columns.filter((c) => c.kind === 'text' && /\btype\b|typ\b|channel/.test(normaliseHeader(c.originalName)));
  const out: { name: string; values: string[] }[] = [];
  for (const c of cols) {
    const res = await engine.query(
      `SELECT DISTINCT ${quoteIdent(c.name)} AS v FROM ${quoteIdent(ds.tableName)} WHERE ${quoteIdent(c.name)} IS NOT NULL LIMIT 50`,
    );
    out.push({ name: c.name, values: res.rows.map((r) => String(r.v)) });
  }
  return out;
}

function round(v: number, decimals: number): number {
  const f = 10 ** Math.min(decimals, 9);
  return Math.round(v * f) / f;
}

function show(v: number, decimals: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function scopeWords(check: TotalCheck): string {
  const s = check.scope;
  const part = check.part ? ` of its part of the joined file (lines ${check.part.from || 1}–${check.part.to ?? 'end'})` : '';
  if (s.kind === 'subtotal') return `the ${plural(check.rowsCovered, 'row')}${part} whose ${s.column} is "${s.value}"`;
  return `the ${plural(check.rowsCovered, 'row')}${part || ' in the file'}`;
}

export const totalsMismatch: CheckDefinition = {
  id: 'totals_mismatch',
  title: "Total row disagrees with its rows",
  dimension: 'accuracy',
  owner: 'data',
  explanation:
    'Exports end with summary rows ("Total: Campaigns", "Grand total"). When a total does not equal the sum of the rows it covers, either rows are missing from the export, the file was edited after export, or the total counts something the rows do not (the account total includes removed campaigns). Any report built on the rows will disagree with the one built on the total.',
  fix: 'Re-export with the same filters and date range; if the file was edited, go back to the original export. A difference only in "Total: Account" is expected when campaigns are filtered out or removed.',
  defaults: {},
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const checks = await compareTotals(ctx.engine, ds);
    return checks.filter((c) => c.mismatches.length).map((c) => target(c));
  },
};

function target(check: TotalCheck): CheckTarget {
  const { summary, mismatches } = check;
  const account = check.scope.kind === 'account';
  const parts = mismatches.map(
    (m) =>
      `${m.originalName} ${show(m.stated, m.decimals)} against ${show(m.rowSum, m.decimals)} (difference ${m.difference > 0 ? '+' : ''}${show(m.difference, m.decimals)})`,
  );
  const why = account
    ? ' The account total also counts campaigns that are not in this report (removed or filtered out), so this difference explains itself.'
    : ' Rounding explains at most half of the last shown digit per row; this is more.';
  const selects = mismatches.map(
    (m) =>
      `SELECT ${summary.line} AS "__line", ${quoteLiteral(summary.label)} AS "Total", ${quoteLiteral(m.originalName)} AS "Column", ${quoteLiteral(m.stated)} AS "Stated", ${quoteLiteral(m.rowSum)} AS "Rows add up to", ${quoteLiteral(m.difference)} AS "Difference"`,
  );
  const severity: Severity = account ? 'info' : 'warning';
  return {
    columns: mismatches.map((m) => m.column),
    sql: selects.join(' UNION ALL '),
    count: 1,
    details: {
      total: summary.label,
      line: summary.line,
      scope: check.scope,
      rowsCovered: check.rowsCovered,
      metrics: mismatches,
    },
    message: () => `"${summary.label}" (line ${summary.line}) disagrees with ${scopeWords(check)}: ${parts.join('; ')}.${why}`,
    severity: () => severity,
  };
}
