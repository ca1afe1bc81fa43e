import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { ensureChartPalette } from './palette';

ensureChartPalette();

/** A chart that fills its parent's width at a fixed height; `label` names it for screen readers. */
export function ChartFrame(props: { label: string; height: number; testId?: string; children: ReactElement }) {
  return (
    <figure className="ml-chart" role="figure" aria-label={props.label} data-testid={props.testId} style={{ margin: 0, width: '100%', height: props.height, minWidth: 0 }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: props.height }}>
        {props.children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Shared axis/tooltip styling so every chart reads the same in both themes. */
export const axisProps = {
  stroke: 'var(--ml-chart-axis, #5d6473)',
  tick: { fill: 'var(--ml-chart-axis, #5d6473)', fontSize: 11 },
  tickLine: false,
} as const;

export const tooltipProps = {
  contentStyle: {
    background: 'var(--ml-chart-surface, #fff)',
    border: '1px solid var(--ml-chart-grid, #e2e5eb)',
    color: 'var(--ml-chart-text, #1d2330)',
    fontSize: 12,
    borderRadius: 6,
  },
  labelStyle: { color: 'var(--ml-chart-text, #1d2330)' },
  itemStyle: { color: 'var(--ml-chart-text, #1d2330)' },
  cursor: { fill: 'var(--ml-chart-grid, #e2e5eb)', opacity: 0.5 },
} as const;
