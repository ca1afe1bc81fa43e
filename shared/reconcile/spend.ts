/**
 * Spend per day and campaign between two sources (a platform export against finance or GA4's cost import),
 * the campaigns only one side has, and a day-boundary shift that explains daily differences. Pure functions
 * over aggregated series (sources.ts builds them in SQL), so every number can be checked by hand.
 */
import { labelJoiner } from './keys';
import type { SeriesRow } from './sources';

export interface SpendCell {
  date: string;
  key: string | null;
  left: number;
  right: number;
  /** left − right */
  diff: number;
  /** A line of the left file behind the cell (or of the right one when the left has none). */
  line: number;
}

export interface Orphan {
  side: 'left' | 'right';
  key: string;
  /** Summed metric over the overlap (spend or conversions). */
  value: number;
  rows: number;
  line: number;
}

export interface TimezoneShift {
  /** Hours the right side's day starts after the left side's (negative: before). */
  offsetHours: number;
  /** Daily absolute error before and after shifting. */
  errorBefore: number;
  errorAfter: number;
}

export interface SpendComparison {
  cells: SpendCell[];
  mismatched: SpendCell[];
  leftTotal: number;
  rightTotal: number;
  orphans: Orphan[];
  daily: { date: string; left: number; right: number }[];
  timezone: TimezoneShift | null;
  tolerance: { relative: number; absolute: number };
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

export function withinTolerance(a: number, b: number, tol: { relative: number; absolute: number }): boolean {
  return Math.abs(a - b) <= Math.max(tol.absolute, tol.relative * Math.max(Math.abs(a), Math.abs(b))) + 1e-9;
}

/** Compare two series cell by cell (day × key); keys are joined through labelJoiner (folding and near-duplicates). */
export function compareSeries(
  left: SeriesRow[],
  right: SeriesRow[],
  tol: { relative: number; absolute: number },
): SpendComparison {
  const leftKeys = [...new Set(left.map((r) => r.key).filter((k): k is string => k !== null))];
  const join = labelJoiner(leftKeys);
  const keyed = left.some((r) => r.key !== null) && right.some((r) => r.key !== null);
  const rightKeyOf = (k: string | null): string | null | undefined => (keyed ? (k === null ? undefined : (join(k) ?? undefined)) : null);

  const cells = new Map<string, SpendCell>();
  const cellOf = (date: string, key: string | null, line: number): SpendCell => {
    const id = `${date}\u0000${key ?? ''}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { date, key, left: 0, right: 0, diff: 0, line }));
    return c;
  };
  const orphanMap = new Map<string, Orphan>();
  const orphan = (side: Orphan['side'], r: SeriesRow) => {
    const id = `${side}\u0000${r.key}`;
    const o = orphanMap.get(id) ?? { side, key: r.key ?? '', value: 0, rows: 0, line: r.line };
    o.value += r.value;
    o.rows += r.rows;
    o.line = Math.min(o.line, r.line);
    orphanMap.set(id, o);
  };

  const matchedLeft = new Set<string>();
  for (const r of right) {
    const k = rightKeyOf(r.key);
    if (k === undefined) {
      orphan('right', r);
      continue;
    }
    if (k !== null) matchedLeft.add(k);
    cellOf(r.date, k, r.line).right += r.value;
  }
  for (const r of left) {
    if (keyed && (r.key === null || !matchedLeft.has(r.key))) {
      orphan('left', r);
      continue;
    }
    const c = cellOf(r.date, keyed ? r.key : null, r.line);
    c.left += r.value;
    c.line = Math.min(c.line, r.line);
  }
  const list = [...cells.values()].sort((a, b) => a.date.localeCompare(b.date) || (a.key ?? '').localeCompare(b.key ?? ''));
  for (const c of list) {
    c.left = r2(c.left);
    c.right = r2(c.right);
    c.diff = r2(c.left - c.right);
  }
  const byDay = new Map<string, { date: string; left: number; right: number }>();
  for (const c of list) {
    const d = byDay.get(c.date) ?? { date: c.date, left: 0, right: 0 };
    d.left = r2(d.left + c.left);
    d.right = r2(d.right + c.right);
    byDay.set(c.date, d);
  }
  const daily = [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
  const orphans = [...orphanMap.values()].map((o) => ({ ...o, value: r2(o.value) })).sort((a, b) => b.value - a.value);
  return {
    cells: list,
    mismatched: list.filter((c) => !withinTolerance(c.left, c.right, tol)),
    leftTotal: r2(list.reduce((s, c) => s + c.left, 0)),
    rightTotal: r2(list.reduce((s, c) => s + c.right, 0)),
    orphans,
    daily,
    timezone: detectShift(daily),
    tolerance: tol,
  };
}

/**
 * A day-boundary shift: if moving a share f of each right-hand day into its neighbour makes the daily totals
 * agree far better, the two sources cut days at different hours (f × 24 hours apart). Needs a week of days.
 */
export function detectShift(daily: { date: string; left: number; right: number }[], improvement = 0.5): TimezoneShift | null {
  if (daily.length < 7) return null;
  const right = daily.map((d) => d.right);
  const left = daily.map((d) => d.left);
  const err = (predicted: number[]) => right.reduce((s, v, i) => s + Math.abs(v - predicted[i]!), 0);
  const before = err(left);
  const total = right.reduce((s, v) => s + Math.abs(v), 0);
  if (before <= total * 0.005) return null;
  let best: TimezoneShift | null = null;
  for (let h = 1; h <= 23; h++) {
    const f = h / 24;
    // The right side's day starts h hours later: its day d holds the end of the left day d and the start of d+1.
    const later = left.map((v, i) => (1 - f) * v + f * (left[i + 1] ?? v));
    const earlier = left.map((v, i) => (1 - f) * v + f * (left[i - 1] ?? v));
    for (const [offset, predicted] of [
      [h, later],
      [-h, earlier],
    ] as const) {
      const after = err(predicted);
      if (!best || after < best.errorAfter) best = { offsetHours: offset, errorBefore: r2(before), errorAfter: r2(after) };
    }
  }
  return best && best.errorAfter <= before * (1 - improvement) ? best : null;
}
