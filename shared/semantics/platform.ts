/**
 * Platform fingerprint: which tool exported this file, from the header names it uses. Each platform has
 * headers only it writes (weight 3) and headers it shares with others (weight 1). The confidence grows
 * with the evidence and shrinks when a second platform scores close to the first.
 */
import { normaliseHeader } from './roles';
import type { Role } from './roles';

export const PLATFORMS = [
  'google_ads',
  'meta_ads',
  'ga4',
  'linkedin_ads',
  'tiktok_ads',
  'microsoft_ads',
  'hubspot',
  'salesforce',
  'mailchimp',
  'audience_segment',
  'generic',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  google_ads: 'Google Ads',
  meta_ads: 'Meta Ads',
  ga4: 'Google Analytics 4',
  linkedin_ads: 'LinkedIn Ads',
  tiktok_ads: 'TikTok Ads',
  microsoft_ads: 'Microsoft Ads',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  mailchimp: 'Mailchimp',
  audience_segment: 'Audience segment',
  generic: 'Generic table',
};

export interface PlatformGuess {
  platform: Platform;
  label: string;
  /** 0..1 */
  confidence: number;
  /** Headers that pointed to it. */
  evidence: string[];
  /** Runner-up, when any scored. */
  alternative?: { platform: Platform; confidence: number };
}

interface Signature {
  unique: string[];
  shared: string[];
}

const SIGNATURES: Record<Exclude<Platform, 'generic' | 'audience_segment'>, Signature> = {
  google_ads: {
    unique: [
      'impr.',
      'cost / conv.',
      'conv. rate',
      'conv. value',
      'currency code',
      'campaign type',
      'interactions',
      'interaction rate',
      'all conv.',
      'search impr. share',
      'conv. value / cost',
      'anzeigengruppe',
      'kampagne',
      'waehrungscode',
      'wahrungscode',
      "groupe d'annonces",
      'grupo de anuncios',
      'cpc moy.',
      'durchschn. cpc',
      'cpc medio',
      'kosten/conv.',
      'cout/conv.',
      'coste/conv.',
      'ad group status',
    ],
    shared: [
      'campaign',
      'ad group',
      'day',
      'clicks',
      'cost',
      'ctr',
      'avg. cpc',
      'conversions',
      'campaign status',
      'klicks',
      'kosten',
      'clics',
      'cout',
      'coste',
      'campagne',
      'campana',
      'tag',
      'jour',
      'dia',
    ],
  },
  meta_ads: {
    unique: [
      'reporting starts',
      'reporting ends',
      'amount spent',
      'ad set name',
      'result indicator',
      'cost per result',
      'link clicks',
      'berichtsbeginn',
      'berichtsende',
      'ausgegebener betrag',
      'debut des rapports',
      'fin des rapports',
      'montant depense',
      'inicio del informe',
      'fin del informe',
      'importe gastado',
      'name der anzeigengruppe',
      "nom de l'ensemble de publicites",
      'nombre del conjunto de anuncios',
      'cpm (cost per 1,000 impressions)',
      'ctr (link click-through rate)',
      'cpc (cost per link click)',
      'clicks (all)',
      'ad set delivery',
      'frequency',
      'kosten pro ergebnis',
      'link-klicks',
      'clics sur un lien',
      'clics en el enlace',
    ],
    shared: [
      'campaign name',
      'ad name',
      'impressions',
      'reach',
      'results',
      'impressionen',
      'reichweite',
      'couverture',
      'alcance',
      'ergebnisse',
      'resultats',
      'resultados',
      'name der kampagne',
      'nom de la campagne',
      'nombre de la campana',
      'day',
    ],
  },
  ga4: {
    unique: [
      'session source / medium',
      'session default channel group',
      'first user source / medium',
      'engaged sessions',
      'engagement rate',
      'key events',
      'session key event rate',
      'active users',
      'event count',
      'session campaign',
      'average engagement time per session',
      'views per session',
      'page path and screen class',
      'first user default channel group',
      'session source',
      'session medium',
    ],
    shared: [
      'sessions',
      'total revenue',
      'new users',
      'users',
      'date',
      'event name',
      'views',
      'purchase revenue',
    ],
  },
  linkedin_ads: {
    unique: [
      'campaign group name',
      'total spent',
      'start date (in utc)',
      'clicks to landing page',
      'one-click leads',
      'campaign group',
      'member company',
      'leads (work email)',
    ],
    shared: [
      'campaign name',
      'campaign id',
      'impressions',
      'clicks',
      'average ctr',
      'average cpc',
      'conversions',
      'leads',
      'currency',
    ],
  },
  tiktok_ads: {
    unique: [
      'clicks (destination)',
      'ctr (destination)',
      'cpc (destination)',
      'by day',
      'video views at 25%',
      '6-second video views',
      '2-second video views',
      'total complete payment',
      'ad group name',
      'advertiser name',
    ],
    shared: [
      'campaign name',
      'ad name',
      'cost',
      'impressions',
      'conversions',
      'cost per conversion',
      'reach',
      'cpm',
      'ctr',
      'cpc',
    ],
  },
  microsoft_ads: {
    unique: [
      'gregorian date',
      'timeperiod',
      'time period',
      'return on ad spend',
      'account number',
      'conv.',
      'ad distribution',
    ],
    shared: [
      'campaign name',
      'ad group',
      'impr.',
      'clicks',
      'spend',
      'avg. cpc',
      'revenue',
      'account name',
      'ctr',
      'conversions',
    ],
  },
  hubspot: {
    unique: [
      'record id',
      'lifecycle stage',
      'contact owner',
      'original source',
      'last activity date',
      'associated company',
      'hubspot score',
      'marketing contact status',
      'original source drill-down 1',
      'recent deal amount',
    ],
    shared: [
      'first name',
      'last name',
      'email',
      'create date',
      'lead status',
      'phone number',
      'company name',
    ],
  },
  salesforce: {
    unique: [
      'lead id',
      'contact id',
      'lead source',
      'owner full name',
      'opportunity name',
      'lead owner',
      'account id',
      'opportunity id',
      'created by',
      'mailing country',
      'lead status',
    ],
    shared: [
      'first name',
      'last name',
      'email',
      'account name',
      'created date',
      'stage',
      'close date',
      'amount',
      'phone',
      'company',
    ],
  },
  mailchimp: {
    unique: [
      'email address',
      'member_rating',
      'optin_time',
      'optin_ip',
      'confirm_time',
      'confirm_ip',
      'leid',
      'euid',
      'last_changed',
      'gmtoff',
      'dstoff',
      'notes',
      'tags',
    ],
    shared: [
      'first name',
      'last name',
      'address',
      'phone number',
      'timezone',
      'cc',
      'region',
      'latitude',
      'longitude',
    ],
  },
};

const AUDIENCE_HEADERS = [
  'email',
  'phone',
  'fn',
  'ln',
  'zip',
  'ct',
  'st',
  'country',
  'doby',
  'dob',
  'gen',
  'madid',
  'external_id',
  'mobile_advertiser_id',
  'value',
  'hashed_email',
  'sha256_email',
  'email_sha256',
  'phone_sha256',
  'maid',
  'idfa',
  'gaid',
];

export function fingerprintPlatform(headers: string[], roles: Role[] = []): PlatformGuess {
  const normalised = headers.map(normaliseHeader);
  const set = new Set(normalised);
  const scores: Array<{ platform: Platform; score: number; evidence: string[] }> = [];
  for (const [platform, sig] of Object.entries(SIGNATURES) as Array<[Platform, Signature]>) {
    let score = 0;
    const evidence: string[] = [];
    headers.forEach((h, i) => {
      const n = normalised[i]!;
      const spaced = n.replace(/_/g, ' '); // database-style exports: lead_source, close_date
      if (sig.unique.includes(n) || sig.unique.includes(spaced)) {
        score += 3;
        evidence.push(h);
      } else if (sig.shared.includes(n) || sig.shared.includes(spaced)) {
        score += 1;
        evidence.push(h);
      }
    });
    scores.push({ platform, score, evidence });
  }
  // An audience upload: few columns, identifiers (raw or hashed), no metrics.
  const idRoles = roles.filter((r) => r === 'email' || r === 'phone' || r === 'hashed_id').length;
  const metricRoles = roles.filter((r) =>
    ['impressions', 'clicks', 'spend', 'sessions', 'conversions', 'revenue'].includes(r),
  ).length;
  const audienceHits = headers.filter((_, i) => AUDIENCE_HEADERS.includes(normalised[i]!));
  // Most columns must be identifiers or matching keys (email, phone, name, zip, country…): a CRM table with
  // an owner's email among ten business columns is not an audience.
  const matchRoles = roles.filter((r) =>
    ['email', 'phone', 'hashed_id', 'person_name', 'country', 'record_id'].includes(r),
  ).length;
  const matchShare = Math.max(matchRoles, audienceHits.length) / Math.max(1, headers.length);
  if (idRoles > 0 && metricRoles === 0 && headers.length <= 15 && matchShare >= 0.5) {
    const crmHints = [
      'record id',
      'lifecycle stage',
      'lead source',
      'lead status',
      'email address',
      'member_rating',
      'contact owner',
    ].some((h) => set.has(h));
    if (!crmHints)
      scores.push({
        platform: 'audience_segment',
        score: 3 + audienceHits.length + idRoles,
        evidence: audienceHits.length ? audienceHits : headers.slice(0, 3),
      });
  }
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0];
  const second = scores[1];
  if (!best || best.score < 3) {
    return { platform: 'generic', label: PLATFORM_LABELS.generic, confidence: 0.5, evidence: [] };
  }
  const strength = Math.min(1, best.score / 9);
  const margin = second && second.score > 0 ? (best.score - second.score) / best.score : 1;
  const confidence =
    Math.round(Math.max(0.3, Math.min(0.99, 0.4 + 0.35 * strength + 0.25 * margin)) * 100) / 100;
  const guess: PlatformGuess = {
    platform: best.platform,
    label: PLATFORM_LABELS[best.platform],
    confidence,
    evidence: best.evidence,
  };
  if (second && second.score > 0)
    guess.alternative = {
      platform: second.platform,
      confidence: Math.round((second.score / best.score) * confidence * 100) / 100,
    };
  return guess;
}
