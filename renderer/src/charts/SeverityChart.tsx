import { memo, useCallback } from 'react';
import { ChartLegend } from './ChartLegend';
import { ChartFrame } from './ChartFrame';
import type { ChartSize } from './ChartFrame';
import { SEVERITY_LABEL_WIDTH, SEVERITY_ROW_HEIGHT, severityLayout } from './layout';
import { chartVar } from './palette';
import type { SeverityCounts } from './types';
import { SEVERITIES } from './types';

/**
 * Findings per quality dimension, stacked by severity: plain SVG from the same geometry as the report's chart
 * (layout.ts). Recharts spent about 90 ms of one main-thread task on this chart's first draw; each bar names
 * its count on hover (`<title>`) and the total is written at the end of the row.
 */
export const SeverityChart = memo(function SeverityChart(props: {
  data: SeverityCounts[];
  label: string;
  testId?: string;
}) {
  const { data } = props;
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <svg width={width} height={height} fontSize={11}>
        {severityLayout(data, width).map((row) => (
          <g key={row.dimension}>
            <text x={SEVERITY_LABEL_WIDTH - 8} y={row.y + 16} textAnchor="end" fill={chartVar('text')}>
              {row.dimension}
            </text>
            {row.segments.map((s) => (
              <rect
                key={s.severity}
                className="ml-chart-bar"
                data-severity={s.severity}
                x={s.x}
                y={row.y + 4}
                width={s.width}
                height={SEVERITY_ROW_HEIGHT - 9}
                fill={chartVar(s.severity)}
              >
                <title>{`${row.dimension}: ${s.count} ${s.severity}`}</title>
              </rect>
            ))}
            <text x={row.totalX} y={row.y + 16} fill={chartVar('axis')}>
              {row.total}
            </text>
          </g>
        ))}
      </svg>
    ),
    [data],
  );
  return (
    <>
      <ChartFrame label={props.label} height={data.length * SEVERITY_ROW_HEIGHT + 8} testId={props.testId} render={render} />
      <ChartLegend items={SEVERITIES.map((s) => ({ label: s, color: chartVar(s) }))} />
    </>
  );
});
