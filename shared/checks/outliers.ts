/** Spikes and drops in daily totals, found with robust statistics (median and MAD), not a plain z-score. */
import { quoteLiteral } from '../engine/sql';
import { from, label, numParam, plural, tc, withRole } from './helpers';
import type { CheckDefinition, CheckTarget } from './types';

export interface DailyOutlier {
  date: string;
  value: number;
  median: number;
  /** Robust z-score: (value - median) / (1.4826 × MAD). */
  score: number;
  direction: 'spike' | 'drop';
}

/** Days whose value is far from the median in robust units and by at least `minChange` of the median. */
export function robustOutliers(
  series: Array<{ date: string; value: number }>,
  threshold = 3.5,
  minChange = 0.5,
): DailyOutlier[] {
  const values = series.map((s) => s.value).sort((a, b) => a - b);
  if (values.length < 3) return [];
  const med = median(values);
  const deviations = values.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
  let scale = 1.4826 * median(deviations);
  // Over half the days identical: fall back to the mean absolute deviation (scaled to match σ).
  if (scale === 0) scale = 1.2533 * (deviations.reduce((a, b) => a + b, 0) / deviations.length);
  if (scale === 0) return [];
  const out: DailyOutlier[] = [];
  for (const s of series) {
    const score = (s.value - med) / scale;
    const change = med === 0 ? Infinity : Math.abs(s.value - med) / Math.abs(med);
    if (Math.abs(score) > threshold && change >= minChange) {
      out.push({
        date: s.date,
        value: s.value,
        median: med,
        score: Math.round(score * 10) / 10,
        direction: score > 0 ? 'spike' : 'drop',
      });
    }
  }
  return out;
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
  defaults: { threshold: 3.5, minChange: 0.5, minDays: 7 },
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
      'revenue',
    ).filter((c) => c.kind === 'number');
    if (!date || !metrics.length) return [];
    const res = await ctx.engine.query(
      `SELECT ${tc(date.name)}::DATE::VARCHAR AS day, ${metrics.map((m, i) => `sum(${tc(m.name)})::DOUBLE AS m${i}`).join(', ')}
       FROM ${from(ds)} WHERE ${tc(date.name)} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    if (res.rows.length < numParam(ctx.params, 'minDays', 7)) return [];
    const threshold = numParam(ctx.params, 'threshold', 3.5);
    const minChange = numParam(ctx.params, 'minChange', 0.5);
    const out: CheckTarget[] = [];
    metrics.forEach((m, i) => {
      const series = res.rows
        .filter((r) => r[`m${i}`] !== null)
        .map((r) => ({ date: String(r.day), value: Number(r[`m${i}`]) }));
      const found = robustOutliers(series, threshold, minChange);
      if (!found.length) return;
      const shown = found
        .slice(0, 3)
        .map(
          (o) =>
            `${o.date}: ${o.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} (${o.direction}, median ${o.median.toLocaleString('en-US', { maximumFractionDigits: 2 })})`,
        )
        .join('; ');
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
