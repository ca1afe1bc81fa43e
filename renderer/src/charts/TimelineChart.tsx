import { memo, useCallback, useMemo, useState } from 'react';
import type { MouseEvent } from 'react';
import { ChartLegend } from './ChartLegend';
import { ChartFrame, tooltipProps } from './ChartFrame';
import type { ChartSize } from './ChartFrame';
import { formatCompact, formatNumber } from './format';
import { pointAt, timelineLayout } from './layout';
import type { AxisTick, TimelineLayout } from './layout';
import { chartVar } from './palette';
import { plural } from '../../../shared/text/plural';
import type { TimelinePoint } from './types';

/** Room under the plot for the dates. */
const X_LABELS = 22;
const AXIS_FONT = { fontSize: 11, fill: chartVar('axis') } as const;

function Ticks({ ticks, x, anchor }: { ticks: AxisTick[]; x: number; anchor: 'start' | 'end' }) {
  return ticks.map((t) => (
    <text key={t.y} x={x} y={t.y + 4} textAnchor={anchor} {...AXIS_FONT}>
      {formatCompact(t.value)}
    </text>
  ));
}

/**
 * The marks, drawn once per size and data: plain SVG from the same geometry as the report's chart
 * (layout.ts). Recharts took 230-430 ms of one main-thread task for its first draw of this chart on an idle
 * machine (1M rows, 105 weeks, CPU profile of test/e2e/perf-1m.e2e.ts); this is a few hundred elements.
 */
const Marks = memo(function Marks({ layout: l }: { layout: TimelineLayout }) {
  return (
    <g>
      {l.rowsTicks.map((t) => (
        <line key={t.y} x1={l.left} x2={l.right} y1={t.y} y2={t.y} stroke={chartVar('grid')} />
      ))}
      <Ticks ticks={l.rowsTicks} x={l.left - 6} anchor="end" />
      {l.metricTicks && <Ticks ticks={l.metricTicks} x={l.right + 6} anchor="start" />}
      {l.bars.map((b) => (
        <rect
          key={b.point.day}
          className="ml-chart-bar"
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          fill={chartVar('rows')}
          fillOpacity={0.75}
        />
      ))}
      {l.metricPath && (
        <path className="ml-chart-line" d={l.metricPath} fill="none" stroke={chartVar('metric')} strokeWidth={2} />
      )}
      {l.xTicks.map((t) => (
        <text key={t.x} x={t.x} y={l.bottom + 16} textAnchor="middle" {...AXIS_FONT}>
          {t.label}
        </text>
      ))}
    </g>
  );
});

function TimelinePlot(props: {
  points: TimelinePoint[];
  width: number;
  height: number;
  metricLabel?: string;
  per: string;
}) {
  const { points, width, height, metricLabel, per } = props;
  const layout = useMemo(
    () => timelineLayout(points, { width, height, metric: Boolean(metricLabel), below: X_LABELS }),
    [points, width, height, metricLabel],
  );
  const [hover, setHover] = useState<number | null>(null);
  const onMove = (e: MouseEvent<SVGSVGElement>) =>
    setHover(pointAt(layout, points.length, e.clientX - e.currentTarget.getBoundingClientRect().left));
  const p = hover === null ? undefined : points[hover];
  const x = hover === null ? 0 : layout.left + hover * layout.slot;
  return (
    <div style={{ position: 'relative', width, height }}>
      <svg width={width} height={height} onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
        {p && (
          <rect x={x} y={layout.top} width={layout.slot} height={layout.bottom - layout.top} fill={chartVar('grid')} opacity={0.5} />
        )}
        <Marks layout={layout} />
      </svg>
      {p && (
        <div
          role="status"
          data-testid="timeline-tooltip"
          style={{
            ...tooltipProps.contentStyle,
            position: 'absolute',
            top: 4,
            pointerEvents: 'none',
            padding: '4px 8px',
            whiteSpace: 'nowrap',
            ...(x < width / 2 ? { left: x + layout.slot + 8 } : { right: width - x + 8 }),
          }}
        >
          <div style={tooltipProps.labelStyle}>
            {per === 'day' ? p.day : `${per} of ${p.day} · ${plural(p.days ?? 1, 'day')} of data`}
          </div>
          <div>rows: {formatNumber(p.rows)}</div>
          {metricLabel && (
            <div>
              {metricLabel}: {typeof p.metric === 'number' ? formatNumber(p.metric) : 'no value'}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** Rows per day (or week, or month: `bucket`) as bars; the key metric (spend, sessions…) as a line on its own axis. */
export const TimelineChart = memo(function TimelineChart(props: {
  points: TimelinePoint[];
  metricLabel?: string;
  bucket?: string;
  label: string;
  testId?: string;
}) {
  const { points } = props;
  const per = props.bucket ?? 'day';
  const metricLabel =
    props.metricLabel && points.some((p) => typeof p.metric === 'number') ? props.metricLabel : undefined;
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <TimelinePlot points={points} width={width} height={height} metricLabel={metricLabel} per={per} />
    ),
    [points, metricLabel, per],
  );
  return (
    <>
      <ChartFrame label={props.label} height={220} testId={props.testId} render={render} />
      <ChartLegend
        items={[
          { label: `rows per ${per}`, color: chartVar('rows') },
          ...(metricLabel ? [{ label: `${metricLabel} per ${per}`, color: chartVar('metric'), shape: 'line' as const }] : []),
        ]}
      />
    </>
  );
});
