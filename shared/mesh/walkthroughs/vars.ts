/** The placeholders every walkthrough can use, computed from the user's dataset. */
import { plural } from '../../text/plural';
import { DOMAIN_LABELS } from '../roles';
import type { ColumnRole, DatasetFacts, MeshContext } from '../types';

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const n = (v: number) => fmt.format(v);
export { plural };

const ROLE_NAMES: ColumnRole[] = ['date', 'campaign', 'ad_group', 'channel', 'spend', 'impressions', 'clicks', 'conversions', 'revenue', 'stage', 'source', 'amount', 'account', 'users', 'email'];

/**
 * The period as a phrase that fits after "Period:" or "runs". Daily data counts missing days; other cadences
 * say how many days have rows. Both numbers are the Columns screen's (days between first and last date,
 * distinct days present), so every screen states one computation.
 */
export function describeDates(f: DatasetFacts): string {
  const d = f.dates;
  if (!d) return 'not known (no date column)';
  const detail =
    d.stepDays === 1
      ? d.missingDays
        ? `, with ${plural(d.missingDays, 'day')} missing`
        : ''
      : `, ${n(d.distinctDates)} of them with rows`;
  return `from ${d.start} to ${d.end} (${plural(d.days, 'day')}${detail})`;
}

/** A whole sentence about the period, worded for a file with and without dates. */
export function periodSentence(f: DatasetFacts): string {
  return f.dates ? `The data runs ${describeDates(f)}.` : 'The data has no date column, so the period it covers is not known.';
}

export function describeGrain(f: DatasetFacts): string {
  if (!f.grain.length) return 'not clear: no column identifies a row';
  const base = `one row per ${f.grain.join(' × ')}`;
  return f.grainDuplicates ? `${base}, except ${n(f.grainDuplicates)} rows that share the same values` : base;
}

export function describeFindings(f: DatasetFacts): string {
  if (!f.findings.length) return 'no findings from the checks';
  const errors = f.findings.filter((x) => x.severity === 'error').length;
  const warnings = f.findings.filter((x) => x.severity === 'warning').length;
  return `${plural(f.findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}

export function baseVars(ctx: MeshContext): Record<string, string> {
  const f = ctx.active;
  const v: Record<string, string> = {
    name: f.name,
    rows: n(f.rows),
    columnCount: n(f.columns.length),
    columnList: f.columns.map((c) => c.name).join(', ') || '(none)',
    platform: f.platform ?? 'an unknown tool',
    /** "an export from Google Ads" / "an export from a tool MeshLens does not recognise". */
    exportFrom: f.platform ? `an export from ${f.platform}` : 'an export from a tool MeshLens does not recognise',
    domain: DOMAIN_LABELS[f.domain],
    dateRange: describeDates(f),
    periodSentence: periodSentence(f),
    grain: describeGrain(f),
    findings: describeFindings(f),
    findingCount: plural(f.findings.length, 'finding'),
    findingCountVerb: f.findings.length === 1 ? '1 finding stays' : `${n(f.findings.length)} findings stay`,
    topFinding: f.findings[0] ? `${f.findings[0].title} (${n(f.findings[0].count)} rows)` : 'nothing flagged',
    score: f.score === null ? 'not scored yet' : `${Math.round(f.score)} out of 100`,
    summaryRows: n(f.summaryRows),
    rowsPhrase: plural(f.rows, 'row'),
    columnsPhrase: plural(f.columns.length, 'column'),
    skippedPhrase: plural(f.skippedLines, 'title line'),
    summaryPhrase: plural(f.summaryRows, 'total row'),
    skippedLines: n(f.skippedLines),
    otherDatasets: n(ctx.datasets.filter((d) => d.name !== f.name).length),
    roleList:
      f.columns
        .filter((c) => c.role)
        .map((c) => `${c.name} (${c.role})`)
        .join(', ') || 'none recognised: the headers do not say what the columns mean',
  };
  for (const role of ROLE_NAMES) {
    const col = f.columns.find((c) => c.role === role);
    v[`col.${role}`] = col ? `"${col.name}"` : `no ${role.replace('_', ' ')} column`;
  }
  return v;
}

/** Replace {name} placeholders. Unknown names stay visible as {name} so tests can catch them. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([A-Za-z_.]+)\}/g, (whole, key: string) => vars[key] ?? whole);
}
