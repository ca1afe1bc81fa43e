/**
 * Platform fingerprint: which tool exported this file, from the header names it uses. Each platform has
 * headers only it writes (weight 3) and headers it shares with others (weight 1). The confidence grows
 * with the evidence and shrinks when a second platform scores close to the first.
 */
import { AUDIENCE_HEADERS, SIGNATURES } from './platform-signatures';
import type { Signature } from './platform-signatures';
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
