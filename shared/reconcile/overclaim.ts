/**
 * attribution_overclaim: the conversions every ad platform claims, together, against the source of truth
 * (CRM closed-won deals or orders) for the same period, overall, per channel and per week. The source of truth
 * is picked explicitly; a dataset that cannot be one says why.
 */
import { labelKey } from '../checks/labels';
import { quoteIdent } from '../engine/sql';
import type { Platform } from '../semantics/platform';
import { normaliseHeader } from '../semantics/roles';
import type { SeriesRow } from './sources';
import { dateColumnOf } from './sources';
import type { Source } from './types';

/**
 * How a CRM or an orders file names the ad platforms in its source column (lead source, original source,
 * utm_source). Folded with labelKey before comparing. HubSpot's "Original Source" writes "Paid Social" and
 * "Paid Search" rather than the platform, so those match every platform of that kind.
 */
export const CHANNEL_ALIASES: Partial<Record<Platform, string[]>> = {
  google_ads: ['google ads', 'google', 'adwords', 'google cpc', 'google / cpc', 'paid search', 'sea'],
  microsoft_ads: ['microsoft ads', 'bing', 'bing ads', 'bing / cpc', 'paid search'],
  meta_ads: ['meta', 'meta ads', 'facebook', 'facebook ads', 'instagram', 'facebook / paid', 'paid social'],
  linkedin_ads: ['linkedin', 'linkedin ads', 'paid social'],
  tiktok_ads: ['tiktok', 'tiktok ads', 'paid social'],
};

export function channelMatches(value: string, platform: Platform): boolean {
  const aliases = (CHANNEL_ALIASES[platform] ?? []).map(labelKey);
  const k = labelKey(value);
  return aliases.includes(k);
}

export interface TruthSpec {
  source: Source;
  kind: 'won deals' | 'orders';
  date: string;
  /** SQL predicate selecting won deals (CRM); absent for orders (every row is one). */
  where?: string;
  /** Stage column and the won values, for the report. */
  stage?: string;
  channel?: string;
}

const STAGE = /^(stage|deal ?stage|dealstage|opportunity stage|stage name|status|deal status|phase)$/;
const CHANNEL = /^(lead ?source|original ?source|hs analytics source|utm ?source|source|channel|marketing channel|first touch source)$/;
const ORDER = /^(order ?id|order ?number|order|transaction ?id|transaction)$/;
const WON = "regexp_matches(lower(trim(CAST(%s AS VARCHAR))), '^(closed ?won|won|closedwon|gewonnen|gagne|ganado)$')";

/** Can this source be the source of truth? A CRM needs a stage column (to tell won deals), orders need a date. */
export function truthSpecOf(source: Source): TruthSpec | { reason: string } {
  const ds = source.dataset;
  const date = dateColumnOf(source);
  const find = (re: RegExp) => ds.semantics.columns.find((c) => c.kind !== 'number' && re.test(normaliseHeader(c.originalName).replace(/_/g, ' ')));
  const channel = find(CHANNEL) ?? ds.semantics.columns.find((c) => c.kind === 'text' && (c.role === 'source' || c.role === 'channel'));
  if (source.domain === 'crm') {
    const stage = find(STAGE);
    if (!stage) return { reason: `${source.name} has no deal stage column, so won deals cannot be told apart.` };
    if (!date) return { reason: `${source.name} has no date column to align periods on.` };
    return {
      source,
      kind: 'won deals',
      date,
      where: WON.replace('%s', quoteIdent(stage.name)),
      stage: stage.name,
      ...(channel ? { channel: channel.name } : {}),
    };
  }
  if (source.domain === 'finance') {
    if (!find(ORDER)) return { reason: `${source.name} is finance data without an order or transaction id: its rows are not orders.` };
    if (!date) return { reason: `${source.name} has no date column to align periods on.` };
    return { source, kind: 'orders', date, ...(channel ? { channel: channel.name } : {}) };
  }
  return { reason: `${source.name} is ${source.domain} data: platform and analytics numbers are claims, not the source of truth.` };
}

export interface Claim {
  name: string;
  label: string;
  platform: Platform;
  column: string;
  /** Conversions per week (Monday) within the overlap. */
  weeks: SeriesRow[];
}

export interface OverclaimResult {
  truth: { name: string; kind: TruthSpec['kind']; total: number; channelColumn?: string };
  period: { start: string; end: string };
  claims: { name: string; label: string; column: string; claimed: number; truthForChannel: number | null; ratio: number | null }[];
  claimedTotal: number;
  /** claimed ÷ truth; 1.6 means the platforms claim 60% more than happened. */
  ratio: number | null;
  weeks: { week: string; claimed: number; truth: number; ratio: number | null }[];
  /** Truth rows whose channel no platform claims (organic, referral, events, empty). */
  truthOtherChannels: number;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;
const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/** Put claims and truth (won deals per week and channel) side by side. Pure: numbers in, numbers out. */
export function buildOverclaim(
  truth: { name: string; kind: TruthSpec['kind']; channelColumn?: string; weeks: SeriesRow[] },
  claims: Claim[],
  period: { start: string; end: string },
): OverclaimResult {
  const truthTotal = truth.weeks.reduce((s, r) => s + r.value, 0);
  const claimed = claims.map((c) => {
    const total = r2(c.weeks.reduce((s, r) => s + r.value, 0));
    const truthForChannel = truth.channelColumn
      ? truth.weeks.filter((r) => r.key !== null && channelMatches(r.key, c.platform)).reduce((s, r) => s + r.value, 0)
      : null;
    return {
      name: c.name,
      label: c.label,
      column: c.column,
      claimed: total,
      truthForChannel,
      ratio: truthForChannel === null ? null : ratio(total, truthForChannel),
    };
  });
  const claimedTotal = r2(claimed.reduce((s, c) => s + c.claimed, 0));
  const weekSet = new Set([...truth.weeks.map((r) => r.date), ...claims.flatMap((c) => c.weeks.map((r) => r.date))]);
  const weeks = [...weekSet].sort().map((week) => {
    const cl = r2(claims.reduce((s, c) => s + c.weeks.filter((r) => r.date === week).reduce((t, r) => t + r.value, 0), 0));
    const tr = truth.weeks.filter((r) => r.date === week).reduce((s, r) => s + r.value, 0);
    return { week, claimed: cl, truth: tr, ratio: ratio(cl, tr) };
  });
  const claimedChannel = (k: string | null) => k !== null && claims.some((c) => channelMatches(k, c.platform));
  return {
    truth: { name: truth.name, kind: truth.kind, total: truthTotal, ...(truth.channelColumn ? { channelColumn: truth.channelColumn } : {}) },
    period,
    claims: claimed,
    claimedTotal,
    ratio: ratio(claimedTotal, truthTotal),
    weeks,
    truthOtherChannels: truth.weeks.filter((r) => !claimedChannel(r.key)).reduce((s, r) => s + r.value, 0),
  };
}
