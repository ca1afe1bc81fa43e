/**
 * The reconciliation checks: the same metadata as the single-file catalogue (shared/checks), run over
 * several sources. One list, read by the Reconcile screen, the CLI, the report and the docs.
 */
import type { Finding, SampleRow, Severity } from '../checks/types';
import type { ReconcileCheckInfo } from './types';

export const ATTRIBUTION_OVERCLAIM: ReconcileCheckInfo = {
  id: 'attribution_overclaim',
  title: 'Ad platforms claim more conversions than happened',
  dimension: 'accuracy',
  owner: 'ads',
  explanation:
    'Each ad platform counts a conversion when someone who saw or clicked its ad converts, with its own window and rules. The same sale is claimed by Google, by Meta and by every other platform the buyer touched, so together they claim more than the CRM or the shop recorded. Budgets split on claimed conversions reward whoever claims most.',
  fix: 'Report conversions from the source of truth (CRM closed-won or orders) and use platform numbers only to compare campaigns within one platform. Align attribution windows, and test what the ads add with a holdout (see incrementality).',
  defaults: { warnRatio: 1.2 },
};

export const SPEND_MISMATCH: ReconcileCheckInfo = {
  id: 'spend_mismatch',
  title: 'Spend differs between sources',
  dimension: 'consistency',
  owner: 'ads',
  explanation:
    'The spend a platform reports should match what finance paid (or what GA4 imported as cost) for the same day and campaign. Differences come from invoices with credits or taxes, cost imports that failed for some days, currency conversion, or day boundaries in different time zones. Every cost per conversion and ROAS built on the wrong one is off by the same amount.',
  fix: 'Check the days listed: re-run the cost import for missing days, align time zones, and agree with finance which number is reported (usually the invoice, net of credits).',
  defaults: { relativeTolerance: 0.01, absoluteTolerance: 1, errorShare: 0.05 },
};

export const ORPHAN_KEYS: ReconcileCheckInfo = {
  id: 'orphan_keys',
  title: 'Campaigns found in one source only',
  dimension: 'completeness',
  owner: 'analytics',
  explanation:
    'A campaign that spends in the ad platform but never appears in analytics or the CRM (or the other way round) cannot be joined: its spend has no outcome, or its outcome has no cost. Usually the UTM campaign is missing or spelled differently from the campaign name.',
  fix: 'Tag every campaign with a UTM campaign equal to its name (or a shared id), and fix the spellings listed here in the platform.',
  defaults: { warnShare: 0.05 },
};

export const TIMEZONE_MISALIGNMENT: ReconcileCheckInfo = {
  id: 'timezone_misalignment',
  title: 'Day boundaries differ between sources',
  dimension: 'consistency',
  owner: 'data',
  explanation:
    'An ad account reports days in its own time zone, GA4 in the property time zone, finance often in UTC. The totals agree but every day is shifted by a few hours, so daily comparisons, daily ROAS and day-of-week patterns disagree.',
  fix: 'Set the ad account and the analytics property to the same time zone, or compare weeks instead of days.',
  defaults: { improvement: 0.5 },
};

export const CURRENCY_MISMATCH: ReconcileCheckInfo = {
  id: 'currency_mismatch',
  title: 'Sources use different currencies',
  dimension: 'consistency',
  owner: 'data',
  explanation:
    'Amounts in different currencies cannot be compared or added. A platform account billed in USD beside a finance ledger in EUR looks like a large spend difference that is only an exchange rate.',
  fix: 'Convert one side with the rate finance uses (per day or per invoice) before comparing, or export both in the same currency.',
  defaults: {},
};

export const RECONCILE_CHECKS: ReconcileCheckInfo[] = [
  ATTRIBUTION_OVERCLAIM,
  SPEND_MISMATCH,
  ORPHAN_KEYS,
  TIMEZONE_MISALIGNMENT,
  CURRENCY_MISMATCH,
];

/** A finding in the catalogue's shape for a reconciliation check. */
export function reconFinding(
  info: ReconcileCheckInfo,
  f: { severity: Severity; file: string; columns: string[]; rows: number; message: string; sample?: SampleRow[]; details?: Record<string, unknown> },
): Finding {
  return {
    check: info.id,
    title: info.title,
    severity: f.severity,
    dimension: info.dimension,
    file: f.file,
    columns: f.columns,
    rows: f.rows,
    message: f.message,
    sample: (f.sample ?? []).slice(0, 20),
    fix: info.fix,
    owner: info.owner,
    explanation: info.explanation,
    ...(f.details ? { details: f.details } : {}),
  };
}

export const fmt = (n: number, decimals = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
export const money = (n: number): string => fmt(n, 2);
export const signed = (n: number, decimals = 0): string => (n > 0 ? '+' : n < 0 ? '−' : '') + fmt(Math.abs(n), decimals);
