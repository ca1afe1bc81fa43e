import { memo, startTransition, useLayoutEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { ensureChartPalette } from './palette';

ensureChartPalette();

/** First draws waiting for a task of their own, oldest first. */
const mountQueue: (() => void)[] = [];
let draining = false;

/** Run each queued first draw in its own macrotask, one after the other, starting after the next paint. */
function queueChartMount(mount: () => void): void {
  mountQueue.push(mount);
  if (draining) return;
  draining = true;
  const next = () => {
    const job = mountQueue.shift();
    if (!job) {
      draining = false;
      return;
    }
    job();
    setTimeout(next, 0);
  };
  requestAnimationFrame(() => setTimeout(next, 0));
}

/** Width used where the page cannot be measured (jsdom in component tests). */
const FALLBACK_WIDTH = 480;

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * A chart that fills its parent's width at a fixed height; `label` names it for screen readers.
 * The width is measured here and every size change is applied in a transition, so React renders the chart
 * (Recharts builds hundreds of SVG elements for a year of days) in time slices that never block input,
 * instead of in one long task on the main thread.
 */
export const ChartFrame = memo(function ChartFrame(props: {
  label: string;
  height: number;
  testId?: string;
  render: (size: ChartSize) => ReactElement;
}) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof ResizeObserver === 'undefined') {
      startTransition(() => setWidth(el.clientWidth || FALLBACK_WIDTH));
      return;
    }
    let mounted = false;
    let queued = false;
    let cancelled = false;
    let latest = 0;
    const observer = new ResizeObserver((entries) => {
      latest = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (mounted) return startTransition(() => setWidth(latest));
      if (latest <= 0 || queued) return;
      queued = true;
      // The first draw of each chart gets a task of its own, after the page has painted: Recharts renders
      // synchronously (its store opts out of time slicing), so several charts drawn in one commit made
      // one main-thread task of several hundred milliseconds.
      queueChartMount(() => {
        if (cancelled) return;
        mounted = true;
        startTransition(() => setWidth(latest));
      });
    });
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, []);
  return (
    <figure
      ref={ref}
      className="ml-chart"
      role="figure"
      aria-label={props.label}
      data-testid={props.testId}
      style={{ margin: 0, width: '100%', height: props.height, minWidth: 0 }}
    >
      {width > 0 ? props.render({ width, height: props.height }) : null}
    </figure>
  );
});

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
