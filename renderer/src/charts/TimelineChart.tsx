import { memo, useCallback } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend, noLines, tickInterval } from './ChartLegend';
import { ChartFrame, axisProps, tooltipProps } from './ChartFrame';
import type { ChartSize } from './ChartFrame';
import { formatCompact } from './format';
import { chartVar } from './palette';
import type { TimelinePoint } from './types';

/** Above this many days, rows per day are drawn as one area instead of one bar per day. */
export const MAX_TIMELINE_BARS = 92;

/** Rows per day as bars (an area for long series); the key metric (spend, sessions…) per day as a line on its own axis. */
export const TimelineChart = memo(function TimelineChart(props: {
  points: TimelinePoint[];
  metricLabel?: string;
  bucket?: string;
  label: string;
  testId?: string;
}) {
  const { points, metricLabel } = props;
  const per = props.bucket ?? 'day';
  const hasMetric = Boolean(metricLabel) && points.some((p) => typeof p.metric === 'number');
  const asBars = points.length <= MAX_TIMELINE_BARS;
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <ComposedChart
        width={width}
        height={height}
        data={points}
        margin={{ top: 8, right: hasMetric ? 4 : 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} verticalCoordinatesGenerator={noLines} stroke={chartVar('grid')} />
        <XAxis dataKey="day" {...axisProps} interval={tickInterval(points.length)} />
        <YAxis yAxisId="rows" {...axisProps} width={44} tickFormatter={formatCompact} allowDecimals={false} />
        {hasMetric && (
          <YAxis
            yAxisId="metric"
            orientation="right"
            {...axisProps}
            width={52}
            tickFormatter={formatCompact}
          />
        )}
        <Tooltip {...tooltipProps} formatter={(v, name) => [formatCompact(Number(v)), String(name)]} />
        {asBars ? (
          <Bar
            yAxisId="rows"
            dataKey="rows"
            name="rows"
            fill={chartVar('rows')}
            fillOpacity={0.75}
            isAnimationActive={false}
          />
        ) : (
          <Area
            yAxisId="rows"
            dataKey="rows"
            name="rows"
            type="stepAfter"
            fill={chartVar('rows')}
            fillOpacity={0.35}
            stroke={chartVar('rows')}
            isAnimationActive={false}
          />
        )}
        {hasMetric && (
          <Line
            yAxisId="metric"
            dataKey="metric"
            name={metricLabel}
            stroke={chartVar('metric')}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    ),
    [points, hasMetric, asBars, metricLabel],
  );
  return (
    <>
      <ChartFrame label={props.label} height={220} testId={props.testId} render={render} />
      <ChartLegend
        items={[
          { label: `rows per ${per}`, color: chartVar('rows') },
          ...(hasMetric && metricLabel
            ? [{ label: `${metricLabel} per ${per}`, color: chartVar('metric'), shape: 'line' as const }]
            : []),
        ]}
      />
    </>
  );
});
