import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, axisProps, tooltipProps } from './ChartFrame';
import { noLines, tickInterval } from './ChartLegend';
import type { ChartSize } from './ChartFrame';
import { binLabel, formatCompact } from './format';
import { chartVar } from './palette';
import type { HistogramBin } from './types';

/** Distribution of a numeric column over its bins. */
export const HistogramChart = memo(function HistogramChart(props: {
  bins: HistogramBin[];
  label: string;
  height?: number;
  testId?: string;
}) {
  const data = useMemo(
    () => props.bins.map((b) => ({ range: binLabel(b.lo, b.hi), count: b.count })),
    [props.bins],
  );
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <BarChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
        barCategoryGap={1}
      >
        <CartesianGrid vertical={false} verticalCoordinatesGenerator={noLines} stroke={chartVar('grid')} />
        <XAxis dataKey="range" {...axisProps} interval={tickInterval(data.length, 3)} />
        <YAxis {...axisProps} width={40} tickFormatter={formatCompact} allowDecimals={false} />
        <Tooltip {...tooltipProps} formatter={(v) => [formatCompact(Number(v)), 'rows']} />
        <Bar dataKey="count" fill={chartVar('bar')} isAnimationActive={false} />
      </BarChart>
    ),
    [data],
  );
  return (
    <ChartFrame label={props.label} height={props.height ?? 150} testId={props.testId} render={render} />
  );
});
