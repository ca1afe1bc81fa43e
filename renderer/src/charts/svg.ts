/**
 * Charts as self-contained SVG text, drawn from the data: the exported HTML report embeds these so it needs
 * no script and makes no request. Colours are the palette's CSS variables with literal fallbacks.
 * Pure string building (no DOM), so it also runs in a worker or in Node.
 */
import { binLabel, displayValue, formatCompact, truncateLabel } from './format';
import { chartVar } from './palette';
import type { HistogramBin, SeverityCounts, TimelinePoint, ValueCount } from './types';
import { SEVERITIES } from './types';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="11"';

/** The top of a 4-step axis whose step is 1, 2, 2.5 or 5 × 10^n, so the tick labels read well. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 4;
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= raw) return 4 * step * pow;
  return 40 * pow;
}

function frame(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${escapeXml(title)}" ${FONT}><title>${escapeXml(title)}</title>${body}</svg>`
  );
}

function yAxis(
  x0: number,
  x1: number,
  top: number,
  bottom: number,
  max: number,
  side: 'left' | 'right' = 'left',
): string {
  let out = '';
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const y = bottom - ((bottom - top) * i) / 4;
    if (side === 'left')
      out += `<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="${chartVar('grid')}"/>`;
    const tx = side === 'left' ? x0 - 6 : x1 + 6;
    const anchor = side === 'left' ? 'end' : 'start';
    out += `<text x="${tx}" y="${y + 4}" text-anchor="${anchor}" fill="${chartVar('axis')}">${escapeXml(formatCompact(v))}</text>`;
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
  let body = yAxis(left, width - right, top, bottom, max);
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
  const rowH = 26;
  const labelW = 110;
  const height = data.length * rowH + 34;
  const max = Math.max(1, ...data.map((d) => d.error + d.warning + d.info));
  const plotW = width - labelW - 50;
  let body = '';
  data.forEach((d, i) => {
    const y = 4 + i * rowH;
    let x = labelW;
    body += `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" fill="${chartVar('text')}">${escapeXml(d.dimension)}</text>`;
    for (const s of SEVERITIES) {
      if (!d[s]) continue;
      const w = (d[s] / max) * plotW;
      body += `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 9}" fill="${chartVar(s)}"><title>${escapeXml(`${d.dimension}: ${d[s]} ${s}`)}</title></rect>`;
      x += w;
    }
    const total = d.error + d.warning + d.info;
    body += `<text x="${(x + 5).toFixed(1)}" y="${y + 16}" fill="${chartVar('axis')}">${total}</text>`;
  });
  let lx = labelW;
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
  const left = 44;
  const right = opts.metricLabel ? 50 : 12;
  const top = 12;
  const bottom = height - 44;
  const rowsMax = niceMax(Math.max(0, ...points.map((p) => p.rows)));
  const metrics = points.map((p) =>
    typeof p.metric === 'number' && Number.isFinite(p.metric) ? p.metric : null,
  );
  const metricMax = niceMax(Math.max(0, ...metrics.map((m) => m ?? 0)));
  const slot = points.length ? (width - left - right) / points.length : 0;
  let body = yAxis(left, width - right, top, bottom, rowsMax);
  if (opts.metricLabel) body += yAxis(left, width - right, top, bottom, metricMax, 'right');
  points.forEach((p, i) => {
    const h = ((bottom - top) * p.rows) / rowsMax;
    body += `<rect x="${(left + i * slot + slot * 0.15).toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${Math.max(0.5, slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${chartVar('rows')}" opacity="0.75"><title>${escapeXml(`${p.day}: ${p.rows} rows`)}</title></rect>`;
  });
  if (opts.metricLabel) {
    let path = '';
    metrics.forEach((m, i) => {
      if (m === null) return;
      const x = left + i * slot + slot / 2;
      const y = bottom - ((bottom - top) * m) / metricMax;
      path += `${path && metrics[i - 1] !== null ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    });
    if (path) body += `<path d="${path}" fill="none" stroke="${chartVar('metric')}" stroke-width="2"/>`;
  }
  const ticks = Math.min(points.length, 6);
  for (let t = 0; t < ticks; t++) {
    const i = ticks === 1 ? 0 : Math.round((t * (points.length - 1)) / (ticks - 1));
    const p = points[i];
    if (!p) continue;
    body += `<text x="${(left + i * slot + slot / 2).toFixed(1)}" y="${bottom + 16}" text-anchor="middle" fill="${chartVar('axis')}">${escapeXml(p.day)}</text>`;
  }
  const legendY = height - 8;
  body += `<rect x="${left}" y="${legendY - 9}" width="10" height="10" fill="${chartVar('rows')}"/><text x="${left + 14}" y="${legendY}" fill="${chartVar('axis')}">rows per ${escapeXml(per)}</text>`;
  if (opts.metricLabel) {
    body += `<line x1="${left + 120}" x2="${left + 134}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${chartVar('metric')}" stroke-width="2"/><text x="${left + 138}" y="${legendY}" fill="${chartVar('axis')}">${escapeXml(opts.metricLabel)} per ${escapeXml(per)}</text>`;
  }
  return frame(width, height, opts.title, body);
}
