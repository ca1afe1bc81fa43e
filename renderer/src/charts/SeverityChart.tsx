import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, axisProps, tooltipProps } from './ChartFrame';
import { chartVar } from './palette';
import type { SeverityCounts } from './types';
import { SEVERITIES } from './types';

/** Findings per quality dimension, stacked by severity. */
export function SeverityChart(props: { data: SeverityCounts[]; label: string; testId?: string }) {
  return (
    <ChartFrame label={props.label} height={Math.max(140, props.data.length * 30 + 50)} testId={props.testId}>
      <BarChart data={props.data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap={5}>
        <CartesianGrid horizontal={false} stroke={chartVar('grid')} />
        <XAxis type="number" {...axisProps} allowDecimals={false} />
        <YAxis type="category" dataKey="dimension" {...axisProps} width={100} interval={0} />
        <Tooltip {...tooltipProps} />
        <Legend wrapperStyle={{ fontSize: 12, color: 'var(--ml-chart-axis, #5d6473)' }} />
        {SEVERITIES.map((s) => (
          <Bar key={s} dataKey={s} name={s} stackId="s" fill={chartVar(s)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
