/** Difference-in-differences on synthetic data with a known lift: the estimate is close, the interval covers it. */
import { describe, expect, it } from 'vitest';
import { diffInDiff, groupRole, liftSentence, seededRandom } from '../../../shared/reconcile/lift';
import type { LiftDay } from '../../../shared/reconcile/lift';

function synthetic(trueDailyLift: number, seed: number): LiftDay[] {
  const rand = seededRandom(seed);
  const noise = () => (rand() + rand() + rand() - 1.5) * 6;
  const days: LiftDay[] = [];
  for (let i = 0; i < 42; i++) {
    const date = `2026-09-${String(1 + (i % 30)).padStart(2, '0')}`;
    const d = i < 30 ? date : `2026-10-${String(i - 29).padStart(2, '0')}`;
    const season = 40 + 10 * Math.sin(i / 4); // shared by both groups: DiD removes it
    const control = season + noise();
    const test = season * 1.1 + 3 + noise() + (i >= 21 ? trueDailyLift : 0);
    days.push({ date: d, test, control });
  }
  return days;
}

describe('diffInDiff', () => {
  it('recovers a known lift of 5 a day over 21 test days (105) and its interval covers the truth', () => {
    const days = synthetic(5, 7);
    const start = days[21]!.date;
    const est = diffInDiff(days, start, { seed: 1 });
    expect(est.testDays).toBe(21);
    expect(est.preDays).toBe(21);
    expect(est.low).toBeLessThanOrEqual(105);
    expect(est.high).toBeGreaterThanOrEqual(105);
    expect(Math.abs(est.incremental - 105)).toBeLessThan(45);
    expect(est.low).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same interval', () => {
    const days = synthetic(5, 7);
    expect(diffInDiff(days, days[21]!.date, { seed: 3 })).toEqual(diffInDiff(days, days[21]!.date, { seed: 3 }));
  });

  it('covers zero when there is no lift, and the sentence says so', () => {
    const days = synthetic(0, 11);
    const est = diffInDiff(days, days[21]!.date);
    expect(est.low).toBeLessThanOrEqual(0);
    expect(est.high).toBeGreaterThanOrEqual(0);
    expect(liftSentence(est, { platform: 'Google Ads', claimed: 410 })).toMatch(/^Google Ads claimed 410; the test shows .* includes zero/);
  });

  it('writes the honest sentence', () => {
    const sentence = liftSentence(
      { incremental: 120, low: 80, high: 165, dailyEffect: 0, preDays: 0, testDays: 0, preGap: 0, testGap: 0, testConversions: 0, iterations: 0, seed: 0 },
      { platform: 'Google Ads', claimed: 410 },
    );
    expect(sentence).toBe('Google Ads claimed 410; the test shows 120 (80–165) more than control.');
  });

  it('refuses a test without a pre-period', () => {
    const days = synthetic(5, 7);
    expect(() => diffInDiff(days, days[0]!.date)).toThrow(/at least 2 days before/);
  });

  it('reads group labels', () => {
    expect(['Test', 'treatment', 'Control', 'holdout', 'Region A'].map(groupRole)).toEqual(['test', 'test', 'control', 'control', null]);
  });
});
