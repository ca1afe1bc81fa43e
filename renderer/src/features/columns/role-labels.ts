/** The user's words for each column role, for selects and cards. */
import { ROLES } from '../../../../shared/semantics/roles';
import type { Role } from '../../../../shared/semantics/roles';

const LABELS: Partial<Record<Role, string>> = {
  date_end: 'date (end of period)',
  campaign_id: 'campaign id',
  ad_group: 'ad group / ad set',
  source_medium: 'source / medium',
  link_clicks: 'link clicks',
  engaged_sessions: 'engaged sessions',
  spend: 'spend / cost',
  conversions: 'conversions / results',
  revenue: 'revenue / conversion value',
  ctr: 'CTR',
  cpc: 'CPC',
  cpa: 'CPA',
  cpm: 'CPM',
  roas: 'ROAS',
  conversion_rate: 'conversion rate',
  hashed_id: 'hashed identifier',
  record_id: 'customer or record id',
  person_name: 'person name',
  url: 'URL',
  search_query: 'search query / keyword',
  page_path: 'page path',
  unknown: 'no role',
};

export function roleLabel(role: Role | string | null | undefined): string {
  if (!role) return 'no role';
  return LABELS[role as Role] ?? role.replace(/_/g, ' ');
}

export const ROLE_OPTIONS: Array<{ value: Role; label: string }> = ROLES.map((r) => ({
  value: r,
  label: roleLabel(r),
}));

const PATTERN_LABELS: Record<string, string> = {
  email: 'email address',
  url_utm: 'URL with UTM tags',
  url: 'URL',
  sha256: 'SHA-256 hash',
  md5: 'MD5 hash',
  phone: 'phone number',
  country_code: 'country code',
  currency_code: 'currency code',
};

export function patternLabel(pattern: string | null | undefined): string | null {
  return pattern ? (PATTERN_LABELS[pattern] ?? pattern) : null;
}
