import { describe, expect, it } from 'vitest';
import { compareSeries, detectShift } from '../../../shared/reconcile/spend';
import type { SeriesRow } from '../../../shared/reconcile/sources';

const day = (i: number) => `2026-03-${String(i + 1).padStart(2, '0')}`;
const row = (date: string, value: number, key: string | null = null, line = 2): SeriesRow => ({ date, key, value, line, rows: 1 });

describe('timezone_misalignment from values', () => {
  it('finds a 6-hour shift when a quarter of each day moved to the next', () => {
    const left = [100, 200, 150, 300, 120, 260, 180, 220, 140, 310];
    // The right side's day starts 6 hours later: a quarter of left day d is reported on right day d−1.
    const right = left.map((_, i) => 0.75 * left[i]! + 0.25 * (left[i + 1] ?? left[i]!));
    const daily = left.map((v, i) => ({ date: day(i), left: v, right: right[i]! }));
    const shift = detectShift(daily)!;
    expect(Math.abs(shift.offsetHours)).toBe(6);
    expect(shift.errorAfter).toBeLessThan(shift.errorBefore / 2);
  });

  it('stays quiet when the days agree, or differ at random', () => {
    const same = Array.from({ length: 10 }, (_, i) => ({ date: day(i), left: 100 + i, right: 100 + i }));
    expect(detectShift(same)).toBeNull();
    const noise = [5, -7, 3, 9, -4, 6, -8, 2, -5, 7];
    const random = noise.map((n, i) => ({ date: day(i), left: 200, right: 200 + n }));
    expect(detectShift(random)).toBeNull();
  });
});

describe('compareSeries', () => {
  it('joins keys through folding, keeps orphans apart, and applies the tolerance', () => {
    const left = [row('2026-03-01', 100, 'Summer Sale', 4), row('2026-03-01', 50, 'Brand', 5), row('2026-03-01', 20, 'Only Left', 6)];
    const right = [row('2026-03-01', 100.4, 'summer_sale', 2), row('2026-03-01', 58, 'brand', 3), row('2026-03-01', 9, 'Only Right', 4)];
    const cmp = compareSeries(left, right, { relative: 0.01, absolute: 1 });
    expect(cmp.cells.map((c) => [c.key, c.left, c.right, c.diff])).toEqual([
      ['Brand', 50, 58, -8],
      ['Summer Sale', 100, 100.4, -0.4],
    ]);
    expect(cmp.mismatched.map((c) => c.key)).toEqual(['Brand']);
    expect(cmp.orphans.map((o) => [o.side, o.key, o.value])).toEqual([
      ['left', 'Only Left', 20],
      ['right', 'Only Right', 9],
    ]);
  });
});
