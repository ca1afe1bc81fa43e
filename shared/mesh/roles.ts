/**
 * Column roles and domains for the mesh layer. The one role guesser lives in shared/semantics
 * (roleFromHeader); this file only maps its roles onto the mesh's smaller vocabulary, and keeps the
 * domain hints ("CRM", "Product analytics") for files no known tool wrote. It never names a tool: that is
 * the semantics fingerprint's job.
 */
import { KNOWLEDGE } from '../semantics/platforms/index';
import { roleFromHeader } from '../semantics/roles';
import type { Role } from '../semantics/roles';
import type { ColumnRole, DomainId } from './types';

const ROLE_MAP: Partial<Record<Role, ColumnRole>> = {
  date: 'date',
  campaign: 'campaign',
  campaign_id: 'id',
  ad_group: 'ad_group',
  channel: 'channel',
  medium: 'channel',
  source_medium: 'channel',
  source: 'source',
  impressions: 'impressions',
  reach: 'reach',
  clicks: 'clicks',
  link_clicks: 'clicks',
  spend: 'spend',
  conversions: 'conversions',
  revenue: 'revenue',
  currency: 'currency',
  email: 'email',
  record_id: 'id',
  hashed_id: 'id',
  stage: 'stage',
  status: 'status',
  amount: 'amount',
  account: 'account',
  users: 'users',
};

/**
 * The mesh role for a semantics role (null when the mesh has no word for it). A channel column named as a
 * source (a CRM's "Lead source") is the mesh's source: attribution splits won deals by it.
 */
export function meshRole(role: Role, header = ''): ColumnRole | null {
  if (role === 'channel' && /source/i.test(header)) return 'source';
  return ROLE_MAP[role] ?? null;
}

/** The mesh role read from a header name, through the semantics guesser. */
export function guessRole(name: string): ColumnRole | null {
  return meshRole(roleFromHeader(name), name);
}

/** Domain hints for files the fingerprint cannot name: a CRM pipeline, product analytics. */
export function guessPlatform(columns: string[]): string | null {
  const set = new Set(columns.map((c) => c.toLowerCase()));
  const has = (...names: string[]) => names.every((n) => set.has(n));
  if ([...set].some((c) => c.includes('stage')) && [...set].some((c) => c.includes('opportunit') || c.includes('amount')))
    return 'CRM';
  if (has('active_users') || has('sessions', 'feature')) return 'Product analytics';
  return null;
}

const DOMAIN_BY_LABEL = new Map<string, DomainId>(Object.values(KNOWLEDGE).map((k) => [k.label, k.domain]));

export function domainOf(platform: string | null, roles: (ColumnRole | null)[]): DomainId {
  const known = platform ? DOMAIN_BY_LABEL.get(platform) : undefined;
  if (known) return known;
  if (platform === 'CRM') return 'sales';
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
