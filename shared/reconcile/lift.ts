/**
 * Incrementality from a test: a daily series for a test group (ads on) and a control group (ads off: held-out
 * regions, or a period with the channel paused), with a pre-period before the test started. The estimate is a
 * difference-in-differences: how much the test−control gap grew once the test started, times the test days.
 * The interval is a bootstrap over days (seeded, so the same file always gives the same interval).
 */
import { seededRandom } from '../math/random';

export { seededRandom };

export interface LiftDay {
  date: string;
  test: number;
  control: number;
}

export interface LiftEstimate {
  /** Incremental conversions over the test period (test group, against control). */
  incremental: number;
  /** 95% bootstrap interval. */
  low: number;
  high: number;
  /** Per-day effect (test−control gap in the test period minus the gap in the pre-period). */
  dailyEffect: number;
  preDays: number;
  testDays: number;
  preGap: number;
  testGap: number;
  /** Conversions in the test group during the test period. */
  testConversions: number;
  iterations: number;
  seed: number;
}


const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Difference-in-differences with a day bootstrap. `testStart` is the first day of the test period. */
export function diffInDiff(days: LiftDay[], testStart: string, options: { iterations?: number; seed?: number } = {}): LiftEstimate {
  const iterations = options.iterations ?? 2000;
  const seed = options.seed ?? 14;
  const pre = days.filter((d) => d.date < testStart).map((d) => d.test - d.control);
  const post = days.filter((d) => d.date >= testStart).map((d) => d.test - d.control);
  if (pre.length < 2 || post.length < 2) throw new Error(`A difference-in-differences needs at least 2 days before and 2 days from ${testStart}; found ${pre.length} and ${post.length}.`);
  const effect = mean(post) - mean(pre);
  const rand = seededRandom(seed);
  const draw = (xs: number[]) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[Math.floor(rand() * xs.length)]!;
    return s / xs.length;
  };
  const boots: number[] = [];
  for (let i = 0; i < iterations; i++) boots.push((draw(post) - draw(pre)) * post.length);
  boots.sort((a, b) => a - b);
  return {
    incremental: r1(effect * post.length),
    low: r1(quantile(boots, 0.025)),
    high: r1(quantile(boots, 0.975)),
    dailyEffect: Math.round(effect * 100) / 100,
    preDays: pre.length,
    testDays: post.length,
    preGap: Math.round(mean(pre) * 100) / 100,
    testGap: Math.round(mean(post) * 100) / 100,
    testConversions: days.filter((d) => d.date >= testStart).reduce((s, d) => s + d.test, 0),
    iterations,
    seed,
  };
}

/** Where a claim was read: the file, its column, the groups and the days summed. */
export interface ClaimScope {
  file: string;
  column: string;
  groups: string[];
  start: string;
  end: string;
}

/** "meta_claimed_purchases in geo-test-meta-2026-09.csv, group test, 2026-09-15 to 2026-09-30". */
export function claimScopeText(s: ClaimScope): string {
  return `${s.column} in ${s.file}, ${s.groups.length === 1 ? 'group' : 'groups'} ${s.groups.join(', ')}, ${s.start} to ${s.end}`;
}

/** The honest sentence: what the platform claimed (and where that number was read) beside what the test shows. */
export function liftSentence(est: LiftEstimate, claim?: { platform: string; claimed: number; scope?: ClaimScope }): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const shows = `the test shows ${n(est.incremental)} (${n(est.low)}–${n(est.high)}) more than control`;
  const noEffect = est.low <= 0 && est.high >= 0 ? ' — an interval that includes zero: the test cannot tell the ads from no effect' : '';
  const where = claim?.scope ? ` (${claimScopeText(claim.scope)})` : '';
  return claim ? `${claim.platform} claimed ${n(claim.claimed)}${where}; ${shows}${noEffect}.` : `${shows[0]!.toUpperCase()}${shows.slice(1)}${noEffect}.`;
}

/** Which group label is the test (ads on) and which the control (ads off). */
export function groupRole(label: string): 'test' | 'control' | null {
  const k = label.trim().toLowerCase();
  if (/^(control|holdout|hold-out|hold out|off|baseline|untreated|ads off|paused)$/.test(k) || /control|holdout/.test(k)) return 'control';
  if (/^(test|treatment|treated|exposed|on|ads on|variant|b)$/.test(k) || /test|treat|expos/.test(k)) return 'test';
  return null;
}
