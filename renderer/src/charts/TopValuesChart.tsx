import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, axisProps, tooltipProps } from './ChartFrame';
import type { ChartSize } from './ChartFrame';
import { displayValue, formatCompact, truncateLabel } from './format';
import { chartVar } from './palette';
import type { ValueCount } from './types';

/** The most frequent values of a text column, as horizontal bars. */
export const TopValuesChart = memo(function TopValuesChart(props: {
  values: ValueCount[];
  label: string;
  max?: number;
  testId?: string;
}) {
  const max = props.max ?? 8;
  const data = useMemo(
    () =>
      props.values
        .slice(0, max)
        .map((v) => ({ value: truncateLabel(displayValue(v.value), 22), count: v.count })),
    [props.values, max],
  );
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <BarChart
        width={width}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 36, bottom: 4, left: 0 }}
        barCategoryGap={3}
      >
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="value" {...axisProps} width={140} interval={0} />
        <Tooltip {...tooltipProps} formatter={(v) => [formatCompact(Number(v)), 'rows']} />
        <Bar
          dataKey="count"
          fill={chartVar('bar')}
          maxBarSize={18}
          isAnimationActive={false}
          label={{ position: 'right', fill: chartVar('axis'), fontSize: 11 }}
        />
      </BarChart>
    ),
    [data],
  );
  return (
    <ChartFrame
      label={props.label}
      height={Math.max(60, data.length * 22 + 16)}
      testId={props.testId}
      render={render}
    />
  );
});
