import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, axisProps, tooltipProps } from './ChartFrame';
import { formatCompact } from './format';
import { chartVar } from './palette';
import type { TimelinePoint } from './types';

/** Rows per day as bars; the key metric (spend, sessions…) per day as a line on its own axis. */
export function TimelineChart(props: { points: TimelinePoint[]; metricLabel?: string; label: string; testId?: string }) {
  const hasMetric = Boolean(props.metricLabel) && props.points.some((p) => typeof p.metric === 'number');
  return (
    <ChartFrame label={props.label} height={240} testId={props.testId}>
      <ComposedChart data={props.points} margin={{ top: 8, right: hasMetric ? 4 : 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartVar('grid')} />
        <XAxis dataKey="day" {...axisProps} minTickGap={24} />
        <YAxis yAxisId="rows" {...axisProps} width={44} tickFormatter={formatCompact} allowDecimals={false} />
        {hasMetric && <YAxis yAxisId="metric" orientation="right" {...axisProps} width={52} tickFormatter={formatCompact} />}
        <Tooltip {...tooltipProps} formatter={(v, name) => [formatCompact(Number(v)), String(name)]} />
        <Legend wrapperStyle={{ fontSize: 12, color: 'var(--ml-chart-axis, #5d6473)' }} />
        <Bar yAxisId="rows" dataKey="rows" name="rows" fill={chartVar('rows')} fillOpacity={0.75} isAnimationActive={false} />
        {hasMetric && (
          <Line yAxisId="metric" dataKey="metric" name={props.metricLabel} stroke={chartVar('metric')} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
