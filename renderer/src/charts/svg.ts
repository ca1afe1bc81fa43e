/**
 * Charts as self-contained SVG text, drawn from the data: the exported HTML report embeds these so it needs
 * no script and makes no request. Colours are the palette's CSS variables with literal fallbacks.
 * Pure string building (no DOM), so it also runs in a worker or in Node.
 */
import { binLabel, displayValue, formatCompact, truncateLabel } from './format';
import { chartVar } from './palette';
import type { AxisTick } from './layout';
import { axisTicks, niceMax, SEVERITY_LABEL_WIDTH, SEVERITY_ROW_HEIGHT, severityLayout, timelineLayout } from './layout';
import type { HistogramBin, SeverityCounts, TimelinePoint, ValueCount } from './types';
import { SEVERITIES } from './types';

export { niceMax };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="11"';

function frame(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${escapeXml(title)}" ${FONT}><title>${escapeXml(title)}</title>${body}</svg>`
  );
}

/** Tick labels on one side; the left axis also draws the horizontal grid lines. */
function yAxis(x0: number, x1: number, ticks: AxisTick[], side: 'left' | 'right' = 'left'): string {
  let out = '';
  for (const { y, value } of ticks) {
    if (side === 'left')
      out += `<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="${chartVar('grid')}"/>`;
    const tx = side === 'left' ? x0 - 6 : x1 + 6;
    const anchor = side === 'left' ? 'end' : 'start';
    out += `<text x="${tx}" y="${y + 4}" text-anchor="${anchor}" fill="${chartVar('axis')}">${escapeXml(formatCompact(value))}</text>`;
  }
  return out;
}

/** Horizontal bars, one per label (top values, findings per check). */
export function horizontalBarsSvg(
  items: ValueCount[],
  opts: { title: string; width?: number; color?: string; maxBars?: number } = { title: 'Bar chart' },
): string {
  const list = items.slice(0, opts.maxBars ?? 10);
  const width = opts.width ?? 520;
  const rowH = 22;
  const labelW = Math.min(200, Math.round(width * 0.38));
  const height = Math.max(40, list.length * rowH + 12);
  const max = Math.max(1, ...list.map((d) => d.count));
  const plotW = width - labelW - 60;
  let body = '';
  list.forEach((d, i) => {
    const y = 6 + i * rowH;
    const w = Math.max(1, (d.count / max) * plotW);
    const label = escapeXml(truncateLabel(displayValue(d.value), 30));
    body +=
      `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" fill="${chartVar('text')}">${label}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 7}" rx="2" fill="${opts.color ?? chartVar('bar')}"/>` +
      `<text x="${(labelW + w + 5).toFixed(1)}" y="${y + 14}" fill="${chartVar('axis')}">${escapeXml(formatCompact(d.count))}</text>`;
  });
  return frame(width, height, opts.title, body);
}

/** Vertical bars over numeric bins. */
export function histogramSvg(
  bins: HistogramBin[],
  opts: { title: string; width?: number; height?: number },
): string {
  const width = opts.width ?? 520;
  const height = opts.height ?? 180;
  const left = 44;
  const right = 10;
  const top = 10;
  const bottom = height - 28;
  const max = niceMax(Math.max(0, ...bins.map((b) => b.count)));
  const slot = bins.length ? (width - left - right) / bins.length : 0;
  let body = yAxis(left, width - right, axisTicks(top, bottom, max));
  bins.forEach((b, i) => {
    const h = ((bottom - top) * b.count) / max;
    const x = left + i * slot;
    body += `<rect x="${(x + 1).toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${chartVar('bar')}"><title>${escapeXml(`${binLabel(b.lo, b.hi)}: ${b.count}`)}</title></rect>`;
  });
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (first && last) {
    body += `<text x="${left}" y="${height - 10}" fill="${chartVar('axis')}">${escapeXml(formatCompact(first.lo))}</text>`;
    body += `<text x="${width - right}" y="${height - 10}" text-anchor="end" fill="${chartVar('axis')}">${escapeXml(formatCompact(last.hi))}</text>`;
  }
  return frame(width, height, opts.title, body);
}

/** Stacked bars per dimension: errors, warnings, infos. */
export function severityBarsSvg(data: SeverityCounts[], opts: { title: string; width?: number }): string {
  const width = opts.width ?? 520;
  const height = data.length * SEVERITY_ROW_HEIGHT + 34;
  let body = '';
  for (const row of severityLayout(data, width)) {
    body += `<text x="${SEVERITY_LABEL_WIDTH - 8}" y="${row.y + 16}" text-anchor="end" fill="${chartVar('text')}">${escapeXml(row.dimension)}</text>`;
    for (const s of row.segments) {
      body += `<rect x="${s.x.toFixed(1)}" y="${row.y + 4}" width="${s.width.toFixed(1)}" height="${SEVERITY_ROW_HEIGHT - 9}" fill="${chartVar(s.severity)}"><title>${escapeXml(`${row.dimension}: ${s.count} ${s.severity}`)}</title></rect>`;
    }
    body += `<text x="${row.totalX.toFixed(1)}" y="${row.y + 16}" fill="${chartVar('axis')}">${row.total}</text>`;
  }
  let lx = SEVERITY_LABEL_WIDTH;
  for (const s of SEVERITIES) {
    body += `<rect x="${lx}" y="${height - 20}" width="10" height="10" fill="${chartVar(s)}"/><text x="${lx + 14}" y="${height - 11}" fill="${chartVar('axis')}">${s}</text>`;
    lx += 80;
  }
  return frame(width, height, opts.title, body);
}

/** Rows per day as bars, with the key metric as a line on its own right-hand axis. */
export function timelineSvg(
  points: TimelinePoint[],
  opts: { title: string; metricLabel?: string; per?: string; width?: number; height?: number },
): string {
  const per = opts.per ?? 'day';
  const width = opts.width ?? 640;
  const height = opts.height ?? 220;
  const l = timelineLayout(points, { width, height, metric: Boolean(opts.metricLabel), below: 44 });
  let body = yAxis(l.left, l.right, l.rowsTicks);
  if (l.metricTicks) body += yAxis(l.left, l.right, l.metricTicks, 'right');
  for (const b of l.bars) {
    body += `<rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" fill="${chartVar('rows')}" opacity="0.75"><title>${escapeXml(`${b.point.day}: ${b.point.rows} rows`)}</title></rect>`;
  }
  if (l.metricPath) body += `<path d="${l.metricPath}" fill="none" stroke="${chartVar('metric')}" stroke-width="2"/>`;
  for (const t of l.xTicks) {
    body += `<text x="${t.x.toFixed(1)}" y="${l.bottom + 16}" text-anchor="middle" fill="${chartVar('axis')}">${escapeXml(t.label)}</text>`;
  }
  const legendY = height - 8;
  const left = l.left;
  body += `<rect x="${left}" y="${legendY - 9}" width="10" height="10" fill="${chartVar('rows')}"/><text x="${left + 14}" y="${legendY}" fill="${chartVar('axis')}">rows per ${escapeXml(per)}</text>`;
  if (opts.metricLabel) {
    body += `<line x1="${left + 120}" x2="${left + 134}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${chartVar('metric')}" stroke-width="2"/><text x="${left + 138}" y="${legendY}" fill="${chartVar('axis')}">${escapeXml(opts.metricLabel)} per ${escapeXml(per)}</text>`;
  }
  return frame(width, height, opts.title, body);
}
