/** Every platform's knowledge in one table, plus the rate definitions used when the tool is unknown. */
import { AUDIENCE } from './audience';
import { BUSINESS_PROFILE } from './business-profile';
import { HUBSPOT, MAILCHIMP, SALESFORCE } from './crm';
import { GA4, GA4_EXPLORATION } from './ga4';
import { GOOGLE_ADS } from './google-ads';
import { GOOGLE_TRENDS } from './google-trends';
import { LINKEDIN_ADS } from './linkedin-ads';
import { META_ADS } from './meta-ads';
import { MICROSOFT_ADS } from './microsoft-ads';
import { SEARCH_CONSOLE } from './search-console';
import { AHREFS, SE_RANKING, SEMRUSH } from './seo-tools';
import { TIKTOK_ADS } from './tiktok-ads';
import type { PlatformKnowledge, RateDefinition } from './types';

export type { PlatformKnowledge, RateDefinition, Recognition } from './types';
export { AUDIENCE_HEADERS } from './audience';

export const KNOWLEDGE = {
  google_ads: GOOGLE_ADS,
  microsoft_ads: MICROSOFT_ADS,
  meta_ads: META_ADS,
  linkedin_ads: LINKEDIN_ADS,
  tiktok_ads: TIKTOK_ADS,
  ga4: GA4,
  ga4_exploration: GA4_EXPLORATION,
  search_console: SEARCH_CONSOLE,
  business_profile: BUSINESS_PROFILE,
  google_trends: GOOGLE_TRENDS,
  semrush: SEMRUSH,
  ahrefs: AHREFS,
  se_ranking: SE_RANKING,
  hubspot: HUBSPOT,
  salesforce: SALESFORCE,
  mailchimp: MAILCHIMP,
  audience_segment: AUDIENCE,
} as const satisfies Record<string, PlatformKnowledge>;

export type KnownPlatform = keyof typeof KNOWLEDGE;

/**
 * For a file whose tool is unknown: only the textbook ratios whose name leaves no doubt. Conversion rate
 * is not among them (Google Ads divides by interactions, Microsoft Ads by clicks, GA4 counts sessions).
 */
export const GENERIC_RATES: RateDefinition[] = [
  {
    headers: ['ctr', 'click-through rate', 'click through rate'],
    num: 'clicks',
    den: 'impressions',
    factor: 1,
    unit: 'percent',
    text: 'clicks / impressions',
    source: 'https://support.google.com/google-ads/answer/2454071',
  },
  {
    headers: ['cpc', 'cost per click'],
    num: 'spend',
    den: 'clicks',
    factor: 1,
    unit: 'money',
    text: 'cost / clicks',
    source: 'https://support.google.com/google-ads/answer/14074',
  },
  {
    headers: ['cpm', 'cost per 1,000 impressions'],
    num: 'spend',
    den: 'impressions',
    factor: 1000,
    unit: 'money',
    text: 'cost / impressions × 1,000',
    source: 'https://support.google.com/google-ads/answer/2454071',
  },
];

export function knowledgeOf(platform: string): PlatformKnowledge | undefined {
  return (KNOWLEDGE as Record<string, PlatformKnowledge>)[platform];
}

/** The platform's own definition of a rate column (by its header), else the textbook one, else none. */
export function rateDefinition(platform: string, normalisedHeader: string): RateDefinition | undefined {
  const own = knowledgeOf(platform)?.rates.find((r) => r.headers.includes(normalisedHeader));
  if (own) return own;
  // A platform we know that writes this header differently (or not at all) gets no textbook guess.
  if (knowledgeOf(platform)?.rates.length) return undefined;
  return GENERIC_RATES.find((r) => r.headers.includes(normalisedHeader));
}
