/**
 * Platform fingerprint: which tool exported this file. Evidence comes from three places, read from the
 * knowledge tables in ./platforms: the header names (a tool's own names weigh 3, names it shares with
 * others 1), the title and metadata lines above the header ("# Property: … - GA4", "Report Name:"), and
 * the file name ("GoogleAds_…", "Queries.csv"). A tool is named only with evidence of its own (a header,
 * line or file name no other tool writes) and a clear lead over the runner-up; otherwise the answer is
 * "unknown tool". The evidence is kept as a sentence the user can check ("from: Property line, 6 of 7 headers").
 */
import { AUDIENCE_HEADERS, KNOWLEDGE } from './platforms/index';
import type { KnownPlatform, PlatformKnowledge } from './platforms/index';
import { normaliseHeader } from './roles';
import type { Role } from './roles';

export const PLATFORMS = [...(Object.keys(KNOWLEDGE) as KnownPlatform[]), 'generic'] as const;
export type Platform = KnownPlatform | 'generic';

export const PLATFORM_LABELS: Record<Platform, string> = {
  ...(Object.fromEntries(Object.entries(KNOWLEDGE).map(([k, v]) => [k, v.label])) as Record<KnownPlatform, string>),
  generic: 'Unknown tool',
};

export interface PlatformGuess {
  platform: Platform;
  label: string;
  /** 0..1 */
  confidence: number;
  /** Headers, lines and file-name hints that pointed to it. */
  evidence: string[];
  /** The evidence as one readable phrase: "from: Property line, 6 of 7 headers". */
  because: string;
  /** Runner-up, when any scored. */
  alternative?: { platform: Platform; confidence: number };
}

export interface FileContext {
  /** Lines above the header (title rows, `#` comments, metadata), as the importer kept them. */
  preamble?: string[];
  /** The file's name (not its folder). */
  fileName?: string;
}

interface Score {
  platform: KnownPlatform;
  score: number;
  /** Evidence only this tool gives (own header, preamble line, file name). */
  own: number;
  headers: string[];
  lines: string[];
  file?: string;
}

/** Below this confidence the fingerprint says "unknown tool" rather than guess. */
export const CONFIDENCE_THRESHOLD = 0.55;

function scoreHeaders(k: PlatformKnowledge, headers: string[], normalised: string[]): Pick<Score, 'score' | 'own' | 'headers'> {
  let score = 0;
  let own = 0;
  // Database-style names (lead_source, close_date) are weaker: the tool's own UI never writes them, so one
  // of them alone ("active_users" in a product table) does not name GA4; two or more do.
  let spacedOwn = 0;
  const hits: string[] = [];
  const r = k.recognise;
  headers.forEach((h, i) => {
    const n = normalised[i]!;
    const spaced = n.replace(/_/g, ' ');
    if (r.unique.includes(n) || r.headerPatterns?.some((re) => re.test(n))) {
      score += 3;
      own += 1;
      hits.push(h);
    } else if (spaced !== n && r.unique.includes(spaced)) {
      score += 2;
      spacedOwn += 1;
      hits.push(h);
    } else if (r.shared.includes(n) || r.shared.includes(spaced)) {
      score += 1;
      hits.push(h);
    }
  });
  return { score, own: own + (spacedOwn >= 2 ? spacedOwn : 0), headers: hits };
}

function scorePlatform(platform: KnownPlatform, headers: string[], normalised: string[], ctx: FileContext): Score {
  const k = KNOWLEDGE[platform] as PlatformKnowledge;
  const s: Score = { platform, ...scoreHeaders(k, headers, normalised), lines: [] };
  for (const p of k.recognise.preamble ?? []) {
    if ((ctx.preamble ?? []).some((l) => p.re.test(l.trim()))) {
      s.score += 4;
      s.own += 1;
      s.lines.push(p.name);
    }
  }
  if (k.recognise.requiresLine && !s.lines.includes(k.recognise.requiresLine)) return { ...s, score: 0, own: 0 };
  const file = ctx.fileName?.split(/[\\/]/).pop();
  if (file && k.recognise.fileName?.some((re) => re.test(file))) {
    s.score += 3;
    s.own += 1;
    s.file = file;
  }
  return s;
}

/** An audience upload: few columns, identifiers (raw or hashed), no metrics, no CRM fields. */
function audienceScore(headers: string[], normalised: string[], roles: Role[]): Score | undefined {
  const idRoles = roles.filter((r) => r === 'email' || r === 'phone' || r === 'hashed_id').length;
  const metricRoles = roles.filter((r) =>
    ['impressions', 'clicks', 'spend', 'sessions', 'conversions', 'revenue'].includes(r),
  ).length;
  const hits = headers.filter((_, i) => AUDIENCE_HEADERS.includes(normalised[i]!));
  // Most columns must be identifiers or matching keys: a CRM table with an owner's email among ten
  // business columns is not an audience.
  const matchRoles = roles.filter((r) =>
    ['email', 'phone', 'hashed_id', 'person_name', 'country', 'record_id'].includes(r),
  ).length;
  const matchShare = Math.max(matchRoles, hits.length) / Math.max(1, headers.length);
  if (!(idRoles > 0 && metricRoles === 0 && headers.length <= 15 && matchShare >= 0.5)) return undefined;
  const set = new Set(normalised);
  const crm = ['record id', 'lifecycle stage', 'lead source', 'lead status', 'email address', 'member_rating', 'contact owner'];
  if (crm.some((h) => set.has(h))) return undefined;
  return {
    platform: 'audience_segment',
    score: 3 + hits.length + idRoles,
    own: 1,
    headers: hits.length ? hits : headers.filter((_, i) => ['email', 'phone', 'hashed_id'].includes(roles[i] ?? '')),
    lines: [],
  };
}

function describeEvidence(s: Score, total: number): string {
  const parts = [...s.lines];
  if (s.file) parts.push(`file name "${s.file}"`);
  if (s.headers.length) parts.push(`${s.headers.length} of ${total} headers`);
  return `from: ${parts.join(', ')}`;
}

export function fingerprintPlatform(headers: string[], roles: Role[] = [], ctx: FileContext = {}): PlatformGuess {
  const normalised = headers.map(normaliseHeader);
  const scores = (Object.keys(KNOWLEDGE) as KnownPlatform[])
    .filter((p) => p !== 'audience_segment')
    .map((p) => scorePlatform(p, headers, normalised, ctx));
  const audience = audienceScore(headers, normalised, roles);
  if (audience) scores.push(audience);
  scores.sort((a, b) => b.score - a.score || b.own - a.own);
  const best = scores[0];
  const second = scores[1];
  const unknown = (because: string): PlatformGuess => ({
    platform: 'generic',
    label: PLATFORM_LABELS.generic,
    // "We do not know": neither sure it is generic nor that it is any tool.
    confidence: 0.5,
    evidence: [],
    because,
    ...(best && best.score > 0
      ? { alternative: { platform: best.platform, confidence: Math.round(Math.min(0.5, best.score / 20) * 100) / 100 } }
      : {}),
  });
  if (!best || best.score < 3) return unknown('no header, title line or file name that a known tool writes');
  if (best.own === 0) {
    const close = scores.filter((s) => s.score > 0).slice(0, 3).map((s) => PLATFORM_LABELS[s.platform]);
    return unknown(`only headers several tools share (${close.join(', ')}): not enough to name one`);
  }
  if (second && second.score === best.score && second.own === best.own)
    return unknown(
      `${PLATFORM_LABELS[best.platform]} and ${PLATFORM_LABELS[second.platform]} fit equally (${describeEvidence(best, headers.length)})`,
    );
  const strength = Math.min(1, best.score / 9);
  const margin = second && second.score > 0 ? (best.score - second.score) / best.score : 1;
  const confidence = Math.round(Math.max(0, Math.min(0.99, 0.35 + 0.4 * strength + 0.25 * margin)) * 100) / 100;
  if (confidence < CONFIDENCE_THRESHOLD) {
    return unknown(
      `${PLATFORM_LABELS[best.platform]} and ${second ? PLATFORM_LABELS[second.platform] : 'others'} fit almost equally (${describeEvidence(best, headers.length)})`,
    );
  }
  const guess: PlatformGuess = {
    platform: best.platform,
    label: PLATFORM_LABELS[best.platform],
    confidence,
    evidence: [...best.lines, ...(best.file ? [best.file] : []), ...best.headers],
    because: describeEvidence(best, headers.length),
  };
  if (second && second.score > 0)
    guess.alternative = {
      platform: second.platform,
      confidence: Math.round((second.score / best.score) * confidence * 100) / 100,
    };
  return guess;
}
