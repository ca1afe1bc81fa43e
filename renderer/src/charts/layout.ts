/**
 * Where each mark of the timeline and the findings-per-dimension chart goes: pure geometry, drawn twice from
 * the same numbers, as React SVG in the app (TimelineChart, SeverityChart) and as SVG text in the exported
 * report (svg.ts). No DOM, no measuring: a year of days is a few hundred numbers, computed in well under a
 * millisecond, where Recharts spent 90-400 ms per chart on its first draw (measured with a CPU profile on
 * test/e2e/perf-1m.e2e.ts).
 */
import type { ChartSeverity, SeverityCounts, TimelinePoint } from './types';
import { SEVERITIES } from './types';

/** The top of a 4-step axis whose step is 1, 2, 2.5 or 5 × 10^n, so the tick labels read well. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 4;
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= raw) return 4 * step * pow;
  return 40 * pow;
}

export interface AxisTick {
  y: number;
  value: number;
}

/** Five ticks from 0 to `max`, bottom to top. */
export function axisTicks(top: number, bottom: number, max: number): AxisTick[] {
  return [0, 1, 2, 3, 4].map((i) => ({ value: (max * i) / 4, y: bottom - ((bottom - top) * i) / 4 }));
}

export interface TimelineBar {
  point: TimelinePoint;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineLayout {
  /** The plot area: x from `left` to `right`, y from `top` (highest value) to `bottom` (zero). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Width given to one point. */
  slot: number;
  rowsTicks: AxisTick[];
  /** Null when there is no metric to draw. */
  metricTicks: AxisTick[] | null;
  /** One per point that has rows (a day without rows draws nothing). */
  bars: TimelineBar[];
  /** The metric as one SVG path; a point without a value breaks the line. Empty without a metric. */
  metricPath: string;
  /** About six labels along the bottom, first and last point included. */
  xTicks: { x: number; label: string }[];
}

const finite = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * Rows per point as bars on the left axis and, when `metric` is set, the metric as a line on its own right
 * axis. `below` is the room under the plot for the x labels (and, in the report, the legend).
 */
export function timelineLayout(
  points: TimelinePoint[],
  opts: { width: number; height: number; metric: boolean; below: number },
): TimelineLayout {
  const left = 44;
  const right = opts.width - (opts.metric ? 50 : 12);
  const top = 12;
  const bottom = opts.height - opts.below;
  const slot = points.length ? (right - left) / points.length : 0;
  const rowsMax = niceMax(Math.max(0, ...points.map((p) => p.rows)));
  const metrics = points.map((p) => finite(p.metric));
  const metricMax = niceMax(Math.max(0, ...metrics.map((m) => m ?? 0)));
  const bars: TimelineBar[] = [];
  points.forEach((point, i) => {
    if (!(point.rows > 0)) return;
    const height = ((bottom - top) * point.rows) / rowsMax;
    bars.push({ point, x: left + i * slot + slot * 0.15, y: bottom - height, width: Math.max(0.5, slot * 0.7), height });
  });
  let metricPath = '';
  if (opts.metric) {
    metrics.forEach((m, i) => {
      if (m === null) return;
      const x = left + i * slot + slot / 2;
      const y = bottom - ((bottom - top) * m) / metricMax;
      metricPath += `${metricPath && metrics[i - 1] !== null ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    });
  }
  const xTicks: TimelineLayout['xTicks'] = [];
  const ticks = Math.min(points.length, 6);
  for (let t = 0; t < ticks; t++) {
    const i = ticks === 1 ? 0 : Math.round((t * (points.length - 1)) / (ticks - 1));
    xTicks.push({ x: left + i * slot + slot / 2, label: points[i]!.day });
  }
  return {
    left,
    right,
    top,
    bottom,
    slot,
    rowsTicks: axisTicks(top, bottom, rowsMax),
    metricTicks: opts.metric ? axisTicks(top, bottom, metricMax) : null,
    bars,
    metricPath,
    xTicks,
  };
}

/** The point under horizontal position `x`, or null outside the plot. */
export function pointAt(layout: TimelineLayout, count: number, x: number): number | null {
  if (!layout.slot || x < layout.left || x >= layout.right) return null;
  const i = Math.floor((x - layout.left) / layout.slot);
  return i >= 0 && i < count ? i : null;
}

export interface SeverityRow {
  dimension: string;
  /** Top of the row. */
  y: number;
  segments: { severity: ChartSeverity; count: number; x: number; width: number }[];
  total: number;
  /** Where the total is written, just after the last segment. */
  totalX: number;
}

export const SEVERITY_ROW_HEIGHT = 26;
export const SEVERITY_LABEL_WIDTH = 110;

/** One row per dimension, its severities stacked left to right, all rows on one scale. */
export function severityLayout(data: SeverityCounts[], width: number): SeverityRow[] {
  const max = Math.max(1, ...data.map((d) => d.error + d.warning + d.info));
  const plotW = width - SEVERITY_LABEL_WIDTH - 50;
  return data.map((d, i) => {
    let x = SEVERITY_LABEL_WIDTH;
    const segments: SeverityRow['segments'] = [];
    for (const severity of SEVERITIES) {
      if (!d[severity]) continue;
      const w = (d[severity] / max) * plotW;
      segments.push({ severity, count: d[severity], x, width: w });
      x += w;
    }
    return { dimension: d.dimension, y: 4 + i * SEVERITY_ROW_HEIGHT, segments, total: d.error + d.warning + d.info, totalX: x + 5 };
  });
}
