import { describe, expect, it } from 'vitest';
import {
  bucketPoints,
  chooseBucket,
  severityByDimension,
  timelineOf,
} from '../../renderer/src/features/overview/overview-model';
import type { TableProfile } from '../../shared/profile/types';
import type { Finding } from '../../shared/checks/types';

const days = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    rows: 2,
    metrics: { Cost: i % 2 ? 1.5 : null },
  }));

describe('timeline', () => {
  it('keeps days up to 120 points, then sums per week (Monday), then per month', () => {
    expect(chooseBucket(120)).toBe('day');
    expect(chooseBucket(365)).toBe('week');
    expect(chooseBucket(3000)).toBe('month');
    const weeks = bucketPoints(
      days(14).map((d) => ({ day: d.date, rows: d.rows, metric: d.metrics.Cost })),
      'week',
    );
    // 2026-01-01 is a Thursday: Thu–Sun, then a full week, then Mon–Wed
    expect(weeks.map((w) => w.day)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
    expect(weeks.map((w) => w.rows)).toEqual([8, 14, 6]);
    expect(weeks.map((w) => w.metric)).toEqual([3, 4.5, 3]);
    expect(weeks.map((w) => w.days)).toEqual([4, 7, 3]);
  });

  it('plots the spend column by role and says which bucket it used', () => {
    const profile = {
      table: 't',
      rows: 730,
      columns: [],
      elapsedMs: 0,
      daily: { column: 'Day', metrics: ['Clicks', 'Cost'], points: days(365) },
    } as unknown as TableProfile;
    const semantics = {
      columns: [
        { name: 'Clicks', role: 'clicks' },
        { name: 'Cost', role: 'spend' },
      ],
    } as never;
    const t = timelineOf(profile, semantics)!;
    expect(t.metricLabel).toBe('Cost');
    expect(t.bucket).toBe('week');
    expect(t.points.reduce((a, p) => a + p.rows, 0)).toBe(730);
    expect(t.points.length).toBeLessThanOrEqual(120);
  });
});

describe('findings per dimension', () => {
  it('lists every dimension, empty ones as zero', () => {
    const f = (dimension: Finding['dimension'], severity: Finding['severity']) =>
      ({ dimension, severity }) as Finding;
    const d = severityByDimension([
      f('validity', 'error'),
      f('validity', 'warning'),
      f('timeliness', 'info'),
    ]);
    expect(d.map((x) => x.dimension)).toEqual([
      'completeness',
      'uniqueness',
      'validity',
      'consistency',
      'timeliness',
      'accuracy',
    ]);
    expect(d.find((x) => x.dimension === 'validity')).toEqual({
      dimension: 'validity',
      error: 1,
      warning: 1,
      info: 0,
    });
    expect(d.find((x) => x.dimension === 'uniqueness')).toEqual({
      dimension: 'uniqueness',
      error: 0,
      warning: 0,
      info: 0,
    });
  });
});
