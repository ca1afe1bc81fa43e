/**
 * Column roles and platform guesses from header names. shared/semantics is the real authority; this is the
 * mesh layer's fallback so walkthroughs still speak in roles when semantics gives nothing (or has not run).
 */
import type { ColumnRole, DomainId } from './types';

const RULES: [ColumnRole, RegExp][] = [
  ['email', /e-?mail/i],
  ['date', /^(day|date|week|month|reporting starts|created[ _]?date|close[ _]?date|event[ _]?date|activity[ _]?date)$/i],
  ['ad_group', /^(ad ?group|ad set name|ad set)$/i],
  ['campaign', /^campaign( name)?$/i],
  ['channel', /^(channel|medium|network|platform|default channel group)$/i],
  ['currency', /^(currency( code)?)$/i],
  ['status', /status$/i],
  ['spend', /^(cost|spend|amount spent.*|cost \(.*\))$/i],
  ['impressions', /^(impr\.?|impressions)$/i],
  ['reach', /^reach$/i],
  ['clicks', /^(clicks|link clicks)$/i],
  ['conversions', /^(conversions|purchases|results|conv\.?)$/i],
  ['revenue', /^(conv\. value|revenue|purchase conversion value|conversion value)$/i],
  ['stage', /^(stage|deal ?stage|opportunity stage)$/i],
  ['amount', /^(amount.*|deal value|opportunity amount)$/i],
  ['source', /^(lead[ _]?source|source|original source)$/i],
  ['account', /^(account( name| id)?|account_name|account_id|company)$/i],
  ['users', /^(active[ _]users|users)$/i],
  ['id', /(^id$|[ _]id$|^id[ _])/i],
];

export function guessRole(name: string): ColumnRole | null {
  const n = name.trim();
  for (const [role, re] of RULES) if (re.test(n)) return role;
  return null;
}

/** Platform fingerprints from the set of header names. */
export function guessPlatform(columns: string[]): string | null {
  const set = new Set(columns.map((c) => c.toLowerCase()));
  const has = (...names: string[]) => names.every((n) => set.has(n));
  if (has('impr.', 'clicks') || has('campaign', 'impr.')) return 'Google Ads';
  if (has('campaign name', 'amount spent (eur)') || [...set].some((c) => c.startsWith('amount spent'))) return 'Meta';
  if ([...set].some((c) => c.includes('stage')) && [...set].some((c) => c.includes('opportunit') || c.includes('amount')))
    return 'CRM';
  if (has('active_users') || has('sessions', 'feature')) return 'Product analytics';
  return null;
}

export function domainOf(platform: string | null, roles: (ColumnRole | null)[]): DomainId {
  if (platform && /^(Google Ads|Meta|Meta Ads|GA4|LinkedIn Ads|TikTok Ads|Microsoft Ads|Mailchimp)$/.test(platform)) return 'marketing';
  if (platform === 'CRM' || platform === 'Salesforce' || platform === 'HubSpot') return 'sales';
  if (platform === 'Product analytics') return 'product';
  if (roles.includes('spend') || roles.includes('impressions')) return 'marketing';
  if (roles.includes('stage')) return 'sales';
  if (roles.includes('users')) return 'product';
  return 'data-platform';
}

export const DOMAIN_LABELS: Record<DomainId, string> = {
  marketing: 'Marketing',
  sales: 'Sales',
  product: 'Product',
  'data-platform': 'Central data team',
};
