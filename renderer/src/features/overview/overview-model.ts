/** Pure views of the profile and findings that the Overview and the report draw. */
import type { Dimension, Finding } from '../../../../shared/checks/types';
import type { TableProfile } from '../../../../shared/profile/types';
import type { Semantics } from '../../../../shared/semantics/describe';
import type { Role } from '../../../../shared/semantics/roles';
import type { SeverityCounts, TimelinePoint } from '../../charts/types';

export const DIMENSIONS: Dimension[] = [
  'completeness',
  'uniqueness',
  'validity',
  'consistency',
  'timeliness',
  'accuracy',
];

/** Findings per dimension and severity; every dimension is listed so an empty one reads as clean. */
export function severityByDimension(findings: Finding[]): SeverityCounts[] {
  return DIMENSIONS.map((dimension) => {
    const of = findings.filter((f) => f.dimension === dimension);
    return {
      dimension,
      error: of.filter((f) => f.severity === 'error').length,
      warning: of.filter((f) => f.severity === 'warning').length,
      info: of.filter((f) => f.severity === 'info').length,
    };
  });
}

export function severityTotals(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/** The metric a marketer looks at first, by role: spend for ads, sessions for analytics, then the rest. */
const METRIC_PREFERENCE: Role[] = [
  'spend',
  'sessions',
  'revenue',
  'conversions',
  'clicks',
  'impressions',
  'engaged_sessions',
  'reach',
  'link_clicks',
];

export type TimelineBucket = 'day' | 'week' | 'month';

/** Most points the timeline draws: longer daily series are summed per week, then per month. */
export const MAX_TIMELINE_POINTS = 120;

function bucketStart(day: string, bucket: TimelineBucket): string {
  if (bucket === 'month') return day.slice(0, 7) + '-01';
  const d = new Date(day.slice(0, 10) + 'T00:00:00Z');
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

/**
 * Sum rows and the metric per week or month (a metric stays null only when every day in the bucket is null),
 * and count the days of data in each, so a partial first or last week can say so.
 */
export function bucketPoints(points: TimelinePoint[], bucket: TimelineBucket): TimelinePoint[] {
  if (bucket === 'day') return points;
  const out = new Map<string, TimelinePoint>();
  for (const p of points) {
    const key = bucketStart(p.day, bucket);
    const b = out.get(key) ?? { day: key, rows: 0, days: 0, ...('metric' in p ? { metric: null } : {}) };
    b.rows += p.rows;
    b.days = (b.days ?? 0) + (p.days ?? 1);
    if (typeof p.metric === 'number') b.metric = (b.metric ?? 0) + p.metric;
    out.set(key, b);
  }
  return [...out.values()];
}

export function chooseBucket(days: number): TimelineBucket {
  if (days <= MAX_TIMELINE_POINTS) return 'day';
  return days / 7 <= MAX_TIMELINE_POINTS ? 'week' : 'month';
}

export function timelineOf(
  profile: TableProfile,
  semantics: Semantics | undefined,
): { points: TimelinePoint[]; metricLabel?: string; dateColumn: string; bucket: TimelineBucket } | null {
  const daily = profile.daily;
  if (!daily || !daily.points.length) return null;
  let metric: string | undefined;
  for (const role of METRIC_PREFERENCE) {
    const col = semantics?.columns.find((c) => c.role === role && daily.metrics.includes(c.name));
    if (col) {
      metric = col.name;
      break;
    }
  }
  metric ??= daily.metrics[0];
  const perDay = daily.points.map((p) => ({
    day: p.date,
    rows: p.rows,
    ...(metric ? { metric: p.metrics[metric] ?? null } : {}),
  }));
  const bucket = chooseBucket(perDay.length);
  return {
    points: bucketPoints(perDay, bucket),
    dateColumn: daily.column,
    bucket,
    ...(metric ? { metricLabel: metric } : {}),
  };
}

/** "92%" for a 0..1 confidence. */
export function confidenceText(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
