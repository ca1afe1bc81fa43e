/** Small shared pieces for check definitions: parameters, column lookup, SQL fragments, wording. */
import { LINE_COLUMN, quoteIdent } from '../engine/sql';
import type { SemanticColumn } from '../semantics/describe';
import type { Role } from '../semantics/roles';
import type { CheckContext, Dataset, Params, Severity } from './types';

export function numParam(params: Params, name: string, fallback: number): number {
  const v = params[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function listParam(params: Params, name: string, fallback: string[]): string[] {
  const v = params[name];
  return Array.isArray(v) ? v.map(String) : fallback;
}

export function boolParam(params: Params, name: string, fallback: boolean): boolean {
  const v = params[name];
  return typeof v === 'boolean' ? v : fallback;
}

/** Columns with one of these roles, in table order. */
export function withRole(ds: Dataset, ...roles: Role[]): SemanticColumn[] {
  return ds.semantics.columns.filter((c) => roles.includes(c.role));
}

export function firstWithRole(ds: Dataset, role: Role): SemanticColumn | undefined {
  return ds.semantics.columns.find((c) => c.role === role);
}

export function profileOf(ds: Dataset, name: string) {
  return ds.profile.columns.find((p) => p.name === name);
}

/** A fact of the table several checks read, computed once per run (see CheckContext.shared). */
export function sharedFact<T>(ctx: CheckContext, key: string, compute: () => Promise<T>): Promise<T> {
  const known = ctx.shared?.get(key) as Promise<T> | undefined;
  if (known) return known;
  const value = compute();
  ctx.shared?.set(key, value);
  return value;
}

/** `t."col"`: a column of the typed table under the alias every target uses. */
export const tc = (name: string): string => `t.${quoteIdent(name)}`;
export const LINE = quoteIdent(LINE_COLUMN);
/** The column that carries a target's number of affected rows (see CheckTarget.counted). */
export const AFFECTED = quoteIdent('__affected');
/** Rows shown as the sample of a finding (the first by line). */
export const SAMPLE_SIZE = 20;
export const from = (ds: Dataset): string => `${quoteIdent(ds.tableName)} t`;

/** Severity from the share of affected rows: `warning` at or above `warnShare`, `error` at `errorShare`. */
export function shareSeverity(
  affected: number,
  total: number,
  params: Params,
  base: Severity = 'warning',
): Severity | null {
  if (affected <= 0) return null;
  const share = total ? affected / total : 1;
  if (share >= numParam(params, 'errorShare', Infinity)) return 'error';
  if (share >= numParam(params, 'warningShare', 0)) return base;
  return 'info';
}

export { plural, verb } from '../text/plural';
export const pct = (n: number, total: number): string =>
  total ? `${((n / total) * 100).toFixed(n / total < 0.01 ? 2 : 1)}%` : '0%';
export const label = (c: SemanticColumn): string => `'${c.originalName}'`;

/** Text placeholders that mean "no value", as platforms write them. */
export const PLACEHOLDERS = [
  '(not set)',
  '(other)',
  'unassigned',
  '(unassigned)',
  '--',
  '-',
  'n/a',
  '(not provided)',
  '(none)',
  'null',
  'undefined',
  '{{campaign.name}}',
  '{campaign}',
];

/** Is the check's context about a CRM or audience file, where personal data is the point? */
export function isContactData(ctx: CheckContext): boolean {
  return ['hubspot', 'salesforce', 'mailchimp'].includes(ctx.dataset.semantics.platform.platform);
}

/** Performance data (ads, analytics): has additive metrics, so daily series and freshness make sense. */
export function isPerformanceData(ds: Dataset): boolean {
  return ds.semantics.columns.some(
    (c) =>
      c.kind === 'number' &&
      ['impressions', 'clicks', 'spend', 'sessions', 'conversions', 'revenue', 'reach'].includes(c.role),
  );
}
