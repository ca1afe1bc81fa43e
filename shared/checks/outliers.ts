/** Spikes and drops in daily totals, found with robust statistics (median and MAD), not a plain z-score. */
import { quoteLiteral } from '../engine/sql';
import { perDaySql } from '../profile/profile';
import type { SemanticColumn } from '../semantics/describe';
import { boolParam, from, label, numParam, plural, profileOf, tc, withRole } from './helpers';
import type { CheckContext, CheckDefinition, CheckTarget } from './types';

export interface DailyOutlier {
  date: string;
  value: number;
  /** The typical day: the median of the series. */
  median: number;
  /** Robust z-score on the scale judged: (x - median) / (1.4826 × MAD), with x = log1p(value) on the log scale. */
  score: number;
  /** value / median: "7.9× the typical day" (Infinity when the typical day is 0). */
  ratio: number;
  direction: 'spike' | 'drop';
  /** True when judged on log1p(value), as for right-skewed non-negative metrics. */
  logScale: boolean;
}

export interface OutlierOptions {
  threshold?: number;
  /** Minimum change from the typical day, as a share of it (0.5: at least 50 % above or below). */
  minChange?: number;
  /** Fewer points than this: no judgement at all (a short history has no "usual"). */
  minPoints?: number;
  /** Chance that a clean series of this length raises anything (default 1 %). */
  falseAlarmRate?: number;
  /** Judge on log1p(value) when every value is ≥ 0 (default true): daily counts and money are right-skewed. */
  logScale?: boolean;
}

/**
 * Days far from the median in robust units (median and MAD, not mean and standard deviation) and by at
 * least `minChange` of the median. Non-negative series are judged on the log scale, where a busy day in a
 * right-skewed series is ordinary and a tenfold day still stands out.
 */
export function robustOutliers(
  series: Array<{ date: string; value: number }>,
  options: OutlierOptions = {},
): DailyOutlier[] {
  const { minChange = 0.5, minPoints = 14, falseAlarmRate = 0.01 } = options;
  if (series.length < Math.max(3, minPoints)) return [];
  // Long series have more ordinary extremes: the cut-off keeps the chance of any false alarm on a clean
  // (log-)normal series at `falseAlarmRate`, and never goes below `threshold`.
  const threshold = Math.max(options.threshold ?? 3.5, normalQuantile(falseAlarmRate / (2 * series.length)));
  const logScale = (options.logScale ?? true) && series.every((s) => s.value >= 0);
  const f = (v: number) => (logScale ? Math.log1p(v) : v);
  const med = median(series.map((s) => s.value).sort((a, b) => a - b));
  const scaled = series.map((s) => f(s.value)).sort((a, b) => a - b);
  const centre = median(scaled);
  const deviations = scaled.map((v) => Math.abs(v - centre)).sort((a, b) => a - b);
  let scale = 1.4826 * median(deviations);
  // Over half the days identical: fall back to the mean absolute deviation (scaled to match σ).
  if (scale === 0) scale = 1.2533 * (deviations.reduce((a, b) => a + b, 0) / deviations.length);
  if (scale === 0) return [];
  const out: DailyOutlier[] = [];
  for (const s of series) {
    const score = (f(s.value) - centre) / scale;
    const change = med === 0 ? Infinity : Math.abs(s.value - med) / Math.abs(med);
    if (Math.abs(score) > threshold && change >= minChange) {
      out.push({
        date: s.date,
        value: s.value,
        median: med,
        score: Math.round(score * 10) / 10,
        ratio: med === 0 ? Infinity : Math.round((s.value / med) * 10) / 10,
        direction: score > 0 ? 'spike' : 'drop',
        logScale,
      });
    }
  }
  return out;
}

/** z with P(Z > z) = p for small p (Abramowitz & Stegun 26.2.23, error below 4.5e-4). */
export function normalQuantile(p: number): number {
  const t = Math.sqrt(-2 * Math.log(p));
  return (
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3)
  );
}

/** "7.9× the typical day (robust z 5.2)" */
export function describeOutlier(o: DailyOutlier): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const size = !Number.isFinite(o.ratio)
    ? 'the typical day is 0'
    : o.ratio >= 1
      ? `${n(o.ratio)}× the typical day`
      : `${n(o.ratio * 100)}% of the typical day`;
  return `${o.date}: ${n(o.value)}, ${size} of ${n(o.median)} (robust z ${o.score}${o.logScale ? ' on the log scale' : ''})`;
}

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

export const metricOutliers: CheckDefinition = {
  id: 'metric_outliers',
  title: 'Spike or drop in a daily total',
  dimension: 'accuracy',
  owner: 'ads',
  explanation:
    'A day whose spend, clicks or sessions sits far outside the usual range is either a real event worth explaining (a launch, an outage, bot traffic) or a data problem (a duplicated import, a tracking tag that stopped firing). Either way, averages and forecasts built on it are skewed.',
  fix: 'Look at the listed days in the platform itself: confirm real events, exclude bot traffic or re-import days where tracking or the export failed.',
  defaults: { threshold: 3.5, minChange: 0.5, minDays: 14, logScale: true },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const date = ds.semantics.columns.find((c) => c.name === ds.semantics.primaryDate && c.kind === 'date');
    const metrics = withRole(
      ds,
      'impressions',
      'clicks',
      'link_clicks',
      'sessions',
      'spend',
      'conversions',
      'leads',
      'revenue',
    ).filter((c) => c.kind === 'number');
    if (!date || !metrics.length) return [];
    const days = await dailySums(ctx, date, metrics);
    const options: OutlierOptions = {
      threshold: numParam(ctx.params, 'threshold', 3.5),
      minChange: numParam(ctx.params, 'minChange', 0.5),
      minPoints: numParam(ctx.params, 'minDays', 14),
      logScale: boolParam(ctx.params, 'logScale', true),
    };
    if (days.length < options.minPoints!) return [];
    const out: CheckTarget[] = [];
    metrics.forEach((m, i) => {
      const series = days.flatMap((d) => (d.sums[i] === null ? [] : [{ date: d.date, value: d.sums[i]! }]));
      const found = robustOutliers(series, options);
      if (!found.length) return;
      const shown = found.slice(0, 3).map(describeOutlier).join('; ');
      out.push({
        columns: [m.name, date.name],
        show: [date.name, ...ds.semantics.naturalKey.filter((k) => k !== date.name).slice(0, 1), m.name],
        where: `${tc(date.name)}::DATE IN (${found.map((o) => `DATE ${quoteLiteral(o.date)}`).join(', ')})`,
        details: { days: found },
        message: (n) =>
          `Daily ${label(m)} jumps outside its usual range on ${plural(found.length, 'day')}: ${shown}${found.length > 3 ? '; …' : ''}. ${plural(n, 'row')} ${n === 1 ? 'falls' : 'fall'} on ${found.length === 1 ? 'that day' : 'those days'}.`,
      });
    });
    return out;
  },
};

/**
 * Each day's sum of each metric, in date order. The profile already read them for the primary date
 * (same query); they are read again only when it did not, or when a metric holds a value that is not a
 * finite number (the profile keeps those days' sums as empty, this check as they are).
 */
async function dailySums(
  ctx: CheckContext,
  date: SemanticColumn,
  metrics: SemanticColumn[],
): Promise<{ date: string; sums: (number | null)[] }[]> {
  const ds = ctx.dataset;
  const daily = ds.profile.daily;
  const finite = (m: SemanticColumn) => {
    const p = profileOf(ds, m.name);
    return !!p && (p.count === 0 || (Number.isFinite(Number(p.min)) && Number.isFinite(Number(p.max))));
  };
  if (daily?.column === date.name && metrics.every((m) => daily.metrics.includes(m.name) && finite(m)))
    return daily.points.map((d) => ({ date: d.date, sums: metrics.map((m) => d.metrics[m.name] ?? null) }));
  const res = await ctx.engine.query(perDaySql(from(ds), tc(date.name), metrics.map((m) => tc(m.name))));
  return res.rows.map((r) => ({
    date: String(r.day),
    sums: metrics.map((_, i) => (r[`m${i}`] === null ? null : Number(r[`m${i}`]))),
  }));
}
