/**
 * Honest attribution: add up the conversions each ad platform claims and compare them with what the source
 * of truth (CRM won deals or an orders file) recorded. Platforms count with their own rules, so together
 * they usually claim more than happened.
 */
import type { DatasetFacts } from './types';

export interface AttributionReport {
  sourceOfTruth: string | null;
  truthTotal: number | null;
  claims: { dataset: string; platform: string; column: string; claimed: number; truthForPlatform: number | null; period: string }[];
  /** Files with conversions left out because their period does not overlap the source of truth's. */
  outsidePeriod: string[];
  claimedTotal: number;
  /** claimedTotal / truthTotal, e.g. 1.6 means the platforms claim 60% more than happened. */
  overClaimRatio: number | null;
}

/** Datasets that can act as a source of truth: CRM files with a stage column (won deals). */
export function truthCandidates(datasets: DatasetFacts[]): DatasetFacts[] {
  return datasets.filter((d) => d.wonTotal !== null);
}

/** Datasets that claim conversions: a conversions column and a known platform (or at least a spend column). */
export function claimants(datasets: DatasetFacts[]): DatasetFacts[] {
  return datasets.filter((d) => d.columns.some((c) => c.role === 'conversions' && c.sum !== null));
}

function platformMatch(label: string, platform: string): boolean {
  const a = label.toLowerCase().replace(/[^a-z]/g, '');
  const b = platform.toLowerCase().replace(/[^a-z]/g, '');
  return a.includes(b) || b.includes(a) || (b === 'meta' && /facebook|instagram/.test(a));
}

export function buildAttribution(datasets: DatasetFacts[], truthName: string | null): AttributionReport {
  const truth = datasets.find((d) => d.name === truthName && d.wonTotal !== null) ?? null;
  const overlaps = (d: DatasetFacts) => !truth?.dates || !d.dates || (d.dates.start <= truth.dates.end && d.dates.end >= truth.dates.start);
  const inPeriod = claimants(datasets).filter(overlaps);
  const outsidePeriod = claimants(datasets).filter((d) => !overlaps(d)).map((d) => d.name);
  const claims = inPeriod.map((d) => {
    const col = d.columns.find((c) => c.role === 'conversions' && c.sum !== null)!;
    const platform = d.platform ?? d.name;
    let truthForPlatform: number | null = null;
    if (truth?.wonBySource) {
      truthForPlatform = Object.entries(truth.wonBySource)
        .filter(([label]) => platformMatch(label, platform))
        .reduce((s, [, v]) => s + v, 0);
    }
    return {
      dataset: d.name,
      platform,
      column: col.name,
      claimed: Math.round((col.sum ?? 0) * 100) / 100,
      truthForPlatform,
      period: d.dates ? `${d.dates.start} to ${d.dates.end}` : 'unknown period',
    };
  });
  const claimedTotal = Math.round(claims.reduce((s, c) => s + c.claimed, 0) * 100) / 100;
  const truthTotal = truth?.wonTotal ?? null;
  return {
    sourceOfTruth: truth?.name ?? null,
    truthTotal,
    claims,
    outsidePeriod,
    claimedTotal,
    overClaimRatio: truthTotal ? Math.round((claimedTotal / truthTotal) * 100) / 100 : null,
  };
}

export function attributionMarkdown(r: AttributionReport): string {
  const rows = r.claims.map(
    (c) => `| ${c.platform} (${c.dataset}) | ${c.claimed} | ${c.truthForPlatform ?? 'n/a'} | ${c.period} |`,
  );
  const verdict =
    r.overClaimRatio === null
      ? 'No source of truth was chosen, so the claims cannot be checked yet. Load a CRM or orders file.'
      : r.overClaimRatio > 1
        ? `Together the platforms claim ${r.claimedTotal} conversions, ${r.overClaimRatio}× the ${r.truthTotal} won deals in ${r.sourceOfTruth}. Budget moved on platform numbers alone rewards whoever counts most generously.`
        : `The platforms claim ${r.claimedTotal} conversions against ${r.truthTotal} won deals in ${r.sourceOfTruth}: no over-claiming in total.`;
  return [
    '# Honest attribution',
    '',
    '| Platform | Claimed conversions | Won deals citing it (source of truth) | Period |',
    '|---|---:|---:|---|',
    ...(rows.length ? rows : ['| (no dataset with a conversions column) | 0 | n/a | |']),
    '',
    verdict,
    ...(r.outsidePeriod.length ? ['', `Left out (period does not overlap the source of truth): ${r.outsidePeriod.join(', ')}.`] : []),
  ].join('\n') + '\n';
}
