/// <reference lib="dom" />
/**
 * The Data screen's "Show the original text" toggle in real Chromium: a file with currency signs, day-first
 * dates, percents, a thousands separator and " --" is shown typed, then cell by cell as the file wrote it,
 * then typed again. Any request that leaves the local server fails the run. Written for the toggle, it found
 * that the box stayed unticked while the original text was read (it followed the loaded table, not the click).
 */

import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from '../helpers/app-session';
import { byTestId, screenshot, waitForAttr } from '../helpers/page-utils';

const FIXTURE = path.resolve('test/fixtures/import/currency-dmy-dates-percent-original-text.csv');

const app = useAppSession();

/** The grid's rows once the first one contains `marker` (the grid pages in DuckDB, so wait for it). */
async function rowsOnceShowing(page: Page, marker: string): Promise<string[]> {
  await page.waitForFunction(
    ({ sel, marker }) => document.querySelector(`${sel} [data-testid="vt-row"]`)?.textContent?.includes(marker) ?? false,
    { sel: byTestId('grid-table'), marker },
    { timeout: 60_000 },
  );
  return page.locator(`${byTestId('grid-table')} ${byTestId('vt-row')}`).allTextContents();
}

describe('grid original-text toggle', () => {
  it('grid_original_text_checkbox_stayed_unticked_while_reading: ticked at once, then each cell as the file wrote it, then the typed table again', { timeout: 180_000 }, async () => {
    const { page } = app.session;
    await page.setInputFiles(byTestId('file-input'), FIXTURE);
    await page.waitForSelector(byTestId('dataset-tab'));
    await page.click(byTestId('nav-grid'));
    await waitForAttr(page, 'grid-row-count', 'count', '2');

    // Typed: ISO dates, plain numbers, the " --" cell empty.
    const typed = await rowsOnceShowing(page, '2018-01-28');
    expect(typed[0]).toContain('74.69');
    expect(typed[0]).not.toContain('$74.69');
    expect(typed.join('\n')).not.toContain('28/01/2018');
    expect(await page.isChecked(byTestId('show-raw'))).toBe(false);

    // page.check fails unless the click itself ticks the box.
    await page.check(byTestId('show-raw'));
    const original = await rowsOnceShowing(page, '28/01/2018');
    expect(original[0]).toContain('$74.69');
    expect(original[0]).toContain('2.81%');
    expect(original[0]).toContain('1,234.50');
    expect(original[0]).toContain('08123');
    expect(original[1]).toContain('29/01/2018');
    expect(original[1]).toContain('Generic, EU');
    expect(original[1]).toContain('--');
    expect(await page.isChecked(byTestId('show-raw'))).toBe(true);
    await screenshot(page, 'grid-original-text');

    await page.uncheck(byTestId('show-raw'));
    const again = await rowsOnceShowing(page, '2018-01-28');
    expect(again).toEqual(typed);
    await waitForAttr(page, 'grid-row-count', 'count', '2');
  });
});
