import { memo, useCallback } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend, noLines } from './ChartLegend';
import { ChartFrame, axisProps, tooltipProps } from './ChartFrame';
import type { ChartSize } from './ChartFrame';
import { chartVar } from './palette';
import type { SeverityCounts } from './types';
import { SEVERITIES } from './types';

/** Findings per quality dimension, stacked by severity. */
export const SeverityChart = memo(function SeverityChart(props: {
  data: SeverityCounts[];
  label: string;
  testId?: string;
}) {
  const { data } = props;
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <BarChart
        width={width}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        barCategoryGap={5}
      >
        <CartesianGrid
          horizontal={false}
          horizontalCoordinatesGenerator={noLines}
          stroke={chartVar('grid')}
        />
        <XAxis type="number" {...axisProps} allowDecimals={false} />
        <YAxis type="category" dataKey="dimension" {...axisProps} width={100} interval={0} />
        <Tooltip {...tooltipProps} />
        {SEVERITIES.map((s) => (
          <Bar key={s} dataKey={s} name={s} stackId="s" fill={chartVar(s)} isAnimationActive={false} />
        ))}
      </BarChart>
    ),
    [data],
  );
  return (
    <>
      <ChartFrame
        label={props.label}
        height={Math.max(120, data.length * 30 + 26)}
        testId={props.testId}
        render={render}
      />
      <ChartLegend items={SEVERITIES.map((s) => ({ label: s, color: chartVar(s) }))} />
    </>
  );
});
