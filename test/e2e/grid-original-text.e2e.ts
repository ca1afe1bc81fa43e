/// <reference lib="dom" />
/**
 * The Data screen's "Show the original text" toggle in real Chromium: a file with currency signs, day-first
 * dates, percents, a thousands separator and " --" is shown typed, then cell by cell as the file wrote it,
 * then typed again. Any request that leaves the local server fails the run. Written for the toggle, it found
 * that the box stayed unticked while the original text was read (it followed the loaded table, not the click).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../helpers/chromium';
import type { Session } from '../helpers/chromium';
import { byTestId, screenshot, waitForAttr } from '../helpers/page-utils';
import { serveStatic } from '../helpers/static-server';
import type { StaticServer } from '../helpers/static-server';

const DIST = path.resolve(process.env.MESHLENS_DIST ?? 'dist/renderer');
const FIXTURE = path.resolve('test/fixtures/import/currency-dmy-dates-percent-original-text.csv');

let server: StaticServer;
let session: Session;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npm run test:e2e\` (it builds first).`);
  server = await serveStatic(DIST);
  session = await openSession(server.url);
  await session.page.goto(server.url);
  await session.page.waitForSelector(byTestId('screen-home'));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

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
    const { page } = session;
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
