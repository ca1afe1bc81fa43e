/**
 * Contract rules worth keeping. Today's file suggests rules; the user ticks the ones to keep. A rule that
 * today's file keeps (empty cells, the natural key, volume, funnel and sign) is offered ticked, with the basis
 * it was drawn from; today's findings are offered unticked: a finding may be a false alarm, and copying it in
 * as "fix and keep fixed" would promise what nobody decided. No rule ever declares a measure unique.
 */
import { isNumericType } from './facts';
import type { QualityObjective } from './product';
import { headroom, slug } from './product';
import type { DatasetFacts } from './types';

export interface CandidateRule {
  objective: QualityObjective;
  /** Ticked when offered: a promise today's file already keeps. Findings are offered unticked. */
  suggested: boolean;
  /** Where the rule came from, in words ("today 0.0% of 117 rows are empty"). */
  basis: string;
  /** observed: today's file keeps it; finding: today's finding; contract: read from an imported contract. */
  source: 'observed' | 'finding' | 'contract';
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : 0);
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns that identify a row (the natural key), as the grain read them. */
export function naturalKey(facts: DatasetFacts): string[] {
  return facts.grain;
}

/** Every rule today's file suggests, in the order a product card shows them. */
export function candidateRules(facts: DatasetFacts): CandidateRule[] {
  const out: CandidateRule[] = [];
  const add = (objective: QualityObjective, basis: string, source: CandidateRule['source'] = 'observed', suggested = source === 'observed') =>
    out.push({ objective: { ...objective, basis }, suggested, basis, source });

  for (const c of facts.columns) {
    if (!c.role || !['campaign', 'date', 'spend', 'stage', 'account', 'id'].includes(c.role)) continue;
    const observed = pct(c.nulls, facts.rows);
    const max = headroom(observed);
    add(
      { id: `null_${slug(c.name)}`, kind: 'nullPercent', column: c.name, max, observed, title: max === 0 ? `${c.name} is never empty` : `Empty ${c.name} stays at or below ${max}%` },
      `Today ${observed}% of ${facts.rows} rows have no ${c.name}; the promise rounds that up to ${max}%.`,
    );
  }
  const key = naturalKey(facts);
  if (key.length) {
    const d = facts.grainDuplicates;
    add(
      {
        id: 'unique_grain',
        kind: 'duplicateRows',
        columns: key,
        max: d,
        observed: d,
        title: d === 0 ? `One row per ${key.join(' × ')}: no duplicates` : `Duplicate ${key.join(' × ')} rows stay at or below today's ${d}, then go to zero`,
      },
      `Natural key: ${key.join(' × ')} identifies a row; today ${d} rows share their key with another row.`,
    );
  }
  if (facts.rows > 0) {
    const min = Math.max(1, Math.floor(facts.rows / 2));
    add(
      { id: 'row_volume', kind: 'rowCount', min, observed: facts.rows, title: `At least ${min} rows (today: ${facts.rows})` },
      `Half of the ${facts.rows} rows in ${facts.name}${facts.dates ? ` (${facts.dates.start} to ${facts.dates.end})` : ''}: an export with fewer rows is probably cut off.`,
    );
  }
  const byRole = (r: string) => facts.columns.find((c) => c.role === r);
  const clicks = byRole('clicks');
  const impressions = byRole('impressions');
  if (clicks && impressions && facts.funnelInversions !== null) {
    add(
      {
        id: 'no_funnel_inversions',
        kind: 'sql',
        query: `SELECT COUNT(*) FROM \${table} WHERE ${ident(clicks.name)} > ${ident(impressions.name)}`,
        max: 0,
        observed: facts.funnelInversions,
        title: `No funnel inversions: ${clicks.name} never exceed ${impressions.name} (today: ${facts.funnelInversions})`,
      },
      `An ad is clicked only after it is shown, so ${clicks.name} ≤ ${impressions.name} on every row; today ${facts.funnelInversions} rows break it.`,
    );
  }
  const spend = byRole('spend');
  if (spend && isNumericType(spend.type)) {
    const negative = spend.min !== null && spend.min < 0;
    add(
      { id: 'spend_not_negative', kind: 'sql', query: `SELECT COUNT(*) FROM \${table} WHERE ${ident(spend.name)} < 0`, max: 0, observed: negative ? null : 0, title: `${spend.name} is never negative` },
      `Ad spend cannot be below zero; today's smallest ${spend.name} is ${spend.min ?? 'unknown'}.`,
    );
  }
  for (const f of facts.findings) {
    if (f.severity === 'info' || out.some((c) => c.objective.kind === 'check' && c.objective.checkId === f.checkId)) continue;
    add(
      { id: `check_${slug(f.checkId)}`, kind: 'check', checkId: f.checkId, observed: f.count, title: `Keep fixed: ${f.title}` },
      `Today's finding (${f.count} rows): tick it only once the finding is confirmed and fixed at the source.`,
      'finding',
    );
  }
  return out;
}

/** The objectives of the candidates the user ticked (by objective id); without a choice, the suggested ones. */
export function acceptedObjectives(candidates: CandidateRule[], ticked?: string[]): QualityObjective[] {
  return candidates.filter((c) => (ticked ? ticked.includes(c.objective.id) : c.suggested)).map((c) => c.objective);
}
