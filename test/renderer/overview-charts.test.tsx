// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HistogramChart } from '../../renderer/src/charts/HistogramChart';
import { SeverityChart } from '../../renderer/src/charts/SeverityChart';
import { TimelineChart } from '../../renderer/src/charts/TimelineChart';
import { TopValuesChart } from '../../renderer/src/charts/TopValuesChart';

describe('charts', () => {
  it('draws one bar per histogram bin', () => {
    const { container } = render(
      <HistogramChart
        label="Distribution of Clicks"
        bins={[
          { lo: 0, hi: 10, count: 4 },
          { lo: 10, hi: 20, count: 8 },
          { lo: 20, hi: 30, count: 0 },
        ]}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Distribution of Clicks' })).toBeTruthy();
    expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBe(2); // the empty bin draws nothing
  });
  it('labels top values and shows empty strings visibly', () => {
    const { container } = render(
      <TopValuesChart
        label="Top values"
        values={[
          { value: 'Summer_Sale', count: 30 },
          { value: '', count: 2 },
        ]}
      />,
    );
    expect(container.textContent).toContain('Summer_Sale');
    expect(container.textContent).toContain('(empty)');
  });
  it('stacks severities per dimension', () => {
    const { container } = render(
      <SeverityChart label="Findings" data={[{ dimension: 'validity', error: 2, warning: 1, info: 0 }]} />,
    );
    expect(container.textContent).toContain('validity');
    expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThanOrEqual(2);
  });
  it('draws the metric line only when a metric exists', () => {
    const pts = [
      { day: '2026-01-01', rows: 3, metric: 10 },
      { day: '2026-01-02', rows: 4, metric: 12 },
    ];
    const a = render(<TimelineChart label="Timeline" points={pts} metricLabel="Cost" />);
    expect(a.container.querySelectorAll('.recharts-line').length).toBe(1);
    a.unmount();
    const b = render(
      <TimelineChart label="Timeline" points={pts.map((p) => ({ day: p.day, rows: p.rows }))} />,
    );
    expect(b.container.querySelectorAll('.recharts-line').length).toBe(0);
  });
});
