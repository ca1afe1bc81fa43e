/** Main-thread long tasks (over 50 ms) as the page's own PerformanceObserver reports them. */
import type { Page } from 'playwright-core';

export interface LongTask {
  start: number;
  duration: number;
}

/** Call before the page loads: from then on every long task is kept in `window.__longTasks`. */
export async function recordLongTasks(page: Page): Promise<void> {
  // A string, not a function: the page must not depend on how the test runner compiled this file.
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  `);
}

/** The long tasks that started between `from` and `to` (the page's performance.now() clock). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  const all = (await page.evaluate('window.__longTasks')) as LongTask[];
  return all.filter((t) => t.start >= from && t.start <= to);
}
