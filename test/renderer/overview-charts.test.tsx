// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
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
    const bars = [...container.querySelectorAll('.ml-chart-bar')];
    expect(bars.map((b) => b.getAttribute('data-severity'))).toEqual(['error', 'warning']); // no empty info bar
    expect(bars.map((b) => b.textContent)).toEqual(['validity: 2 error', 'validity: 1 warning']);
    expect(Number(bars[0]!.getAttribute('width'))).toBeCloseTo(2 * Number(bars[1]!.getAttribute('width')));
  });
  it('draws the metric line only when a metric exists', () => {
    const pts = [
      { day: '2026-01-01', rows: 3, metric: 10 },
      { day: '2026-01-02', rows: 4, metric: 12 },
    ];
    const a = render(<TimelineChart label="Timeline" points={pts} metricLabel="Cost" />);
    expect(a.container.querySelectorAll('.ml-chart-line').length).toBe(1);
    expect(a.container.textContent).toContain('Cost per day');
    a.unmount();
    const b = render(
      <TimelineChart label="Timeline" points={pts.map((p) => ({ day: p.day, rows: p.rows }))} metricLabel="Cost" />,
    );
    expect(b.container.querySelectorAll('.ml-chart-line').length).toBe(0);
    expect(b.container.textContent).not.toContain('Cost per day');
  });
  it('draws one bar per point with rows, each as tall as its rows', () => {
    const pts = [
      { day: '2026-01-05', rows: 40 },
      { day: '2026-01-12', rows: 0 },
      { day: '2026-01-19', rows: 20 },
    ];
    const { container } = render(<TimelineChart label="Timeline" points={pts} bucket="week" />);
    const bars = [...container.querySelectorAll('.ml-chart-bar')].map((b) => Number(b.getAttribute('height')));
    expect(bars).toHaveLength(2);
    expect(bars[0]).toBeCloseTo(2 * bars[1]!);
    expect(container.textContent).toContain('rows per week');
  });
  it('names the point under the pointer: day, rows and metric', () => {
    const pts = [
      { day: '2026-01-01', rows: 3, metric: 10.5 },
      { day: '2026-01-02', rows: 4, metric: null },
    ];
    const { container } = render(<TimelineChart label="Timeline" points={pts} metricLabel="Cost" />);
    const svg = container.querySelector('svg')!;
    // jsdom has no layout: the frame is FALLBACK_WIDTH (480) wide and the svg sits at x = 0.
    fireEvent.mouseMove(svg, { clientX: 420 });
    expect(screen.getByTestId('timeline-tooltip').textContent).toBe('2026-01-02rows: 4Cost: no value');
    fireEvent.mouseMove(svg, { clientX: 50 });
    expect(screen.getByTestId('timeline-tooltip').textContent).toBe('2026-01-01rows: 3Cost: 10.5');
    fireEvent.mouseLeave(svg);
    expect(screen.queryByTestId('timeline-tooltip')).toBeNull();
  });
  it('a week point says how many days of data it sums (a partial last week reads as such)', () => {
    const pts = [
      { day: '2025-12-22', rows: 70, days: 7 },
      { day: '2025-12-29', rows: 20, days: 2 },
    ];
    const { container } = render(<TimelineChart label="Timeline" points={pts} bucket="week" />);
    fireEvent.mouseMove(container.querySelector('svg')!, { clientX: 460 });
    expect(screen.getByTestId('timeline-tooltip').textContent).toBe('week of 2025-12-29 · 2 days of datarows: 20');
  });
});
