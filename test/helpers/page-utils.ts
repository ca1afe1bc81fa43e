/// <reference lib="dom" />
/** Small waits for e2e tests: poll the page for a condition, never sleep. */
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export function byTestId(id: string): string {
  return `[data-testid="${id}"]`;
}

/** Wait until one element with this test id has trimmed text equal to `text` (or matching the RegExp); return it. */
export async function waitForText(page: Page, testId: string, text: string | RegExp, timeout = 60_000): Promise<string> {
  const source = text instanceof RegExp ? { re: text.source, flags: text.flags } : { eq: text };
  const handle = await page.waitForFunction(
    ({ sel, source }) => {
      for (const el of Array.from(document.querySelectorAll(sel))) {
        const t = el.textContent?.trim() ?? '';
        if ('eq' in source ? t === source.eq : new RegExp(source.re!, source.flags).test(t)) return t;
      }
      return false;
    },
    { sel: byTestId(testId), source },
    { timeout },
  );
  return String(await handle.jsonValue());
}

/** Wait until `data-<attr>` of the element equals `value`. */
export async function waitForAttr(page: Page, testId: string, attr: string, value: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`${byTestId(testId)}[data-${attr}="${value}"]`, { timeout });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
