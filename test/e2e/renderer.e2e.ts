/// <reference lib="dom" />
/**
 * The renderer in real Chromium: open a UTF-16 Google Ads export through the file input, see the table,
 * change the header line and see the row count change, sort and filter in the grid, run SQL and export it.
 * Any request that leaves the local server fails the run.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseWorkspace } from '../../shared/workspace';
import { writeBigAdsCsv } from '../helpers/big-csv';
import path from 'node:path';
import { useAppSession } from '../helpers/app-session';
import { byTestId, screenshot, waitForAttr, waitForText } from '../helpers/page-utils';

const FIXTURE = path.resolve('test/fixtures/e2e/google-ads-utf16-title-rows-totals.csv');

const app = useAppSession();

describe('renderer shell, import preview, grid and SQL console', () => {
  it('shows Home with an Open button and the drop zone', async () => {
    const { page } = app.session;
    await page.waitForSelector(byTestId('open-files'));
    await page.waitForSelector(byTestId('dropzone'));
    await screenshot(page, '01-home');
  });

  it('loads a UTF-16 Google Ads export through the file input and shows the table', async () => {
    const { page } = app.session;
    await page.setInputFiles(byTestId('file-input'), FIXTURE);
    await page.waitForSelector(byTestId('dataset-tab'));
    await page.click(byTestId('nav-import'));
    expect(await waitForText(page, 'row-count', '42')).toBe('42');
    expect(await page.textContent(byTestId('column-count'))).toBe('7');
    expect(await page.getAttribute(byTestId('raw-line-1'), 'data-role')).toBe('preamble');
    expect(await page.getAttribute(byTestId('raw-line-3'), 'data-role')).toBe('header');
    expect(await page.getAttribute(byTestId('raw-line-46'), 'data-role')).toBe('summary');
    expect(await page.textContent(byTestId('import-log'))).toMatch(/UTF-16LE/);
    await screenshot(page, '02-import-preview');

    await page.click(byTestId('nav-grid'));
    await waitForAttr(page, 'grid-row-count', 'count', '42');
    await page.waitForFunction(
      (sel) => document.querySelector(`${sel} [data-testid="vt-row"]`)?.textContent?.includes('2026-03-01'),
      byTestId('grid-table'),
    );
    const firstRow = await page.locator(`${byTestId('grid-table')} ${byTestId('vt-row')}`).first().textContent();
    expect(firstRow).toContain('2026-03-01');
    expect(firstRow).toContain('Brand_Search');
    expect(firstRow).toContain('3.08%'); // CTR was written as a percent: shown with its sign
    await screenshot(page, '03-grid');
  });

  it('sorts and filters in DuckDB', async () => {
    const { page } = app.session;
    await page.fill(byTestId('filter-Campaign'), 'summer');
    await waitForAttr(page, 'grid-row-count', 'count', '14');
    await page.click(byTestId('sort-Cost'));
    await page.click(byTestId('sort-Cost'));
    await page.waitForFunction(
      (sel) => {
        const cells = Array.from(document.querySelectorAll(`${sel} [data-testid="vt-row"]`)).map((r) => r.textContent ?? '');
        return cells.length > 2 && cells.every((t) => t.includes('Summer_Sale')) && cells[0]!.includes('2026-03-14');
      },
      byTestId('grid-table'),
    );
    await page.fill(byTestId('filter-Clicks'), '>40');
    await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-count')) < 14, byTestId('grid-row-count'));
    await screenshot(page, '04-grid-sorted-filtered');
    await page.fill(byTestId('filter-Clicks'), '');
    await page.fill(byTestId('filter-Campaign'), '');
    await waitForAttr(page, 'grid-row-count', 'count', '42');
  });

  it('re-imports at once when the header line changes', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-import'));
    await waitForText(page, 'row-count', '42');
    await page.fill(byTestId('option-header-line'), '4');
    await page.press(byTestId('option-header-line'), 'Enter');
    expect(await waitForText(page, 'row-count', '41')).toBe('41');
    expect(await page.getAttribute(byTestId('raw-line-4'), 'data-role')).toBe('header');
    await screenshot(page, '05-import-header-line-4');
    await page.fill(byTestId('option-header-line'), '');
    await page.press(byTestId('option-header-line'), 'Enter');
    await waitForText(page, 'row-count', '42');
  });

  it('runs SQL, shows errors clearly, and exports the result as CSV', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-sql'));
    const initial = await page.inputValue(byTestId('sql-editor'));
    const table = /FROM ("[^"]+")/.exec(initial)?.[1];
    expect(table).toBeTruthy();
    await page.fill(byTestId('sql-editor'), `SELECT Campaign, sum(Clicks) AS clicks FROM ${table} GROUP BY Campaign ORDER BY Campaign`);
    await page.click(byTestId('sql-run'));
    await waitForAttr(page, 'sql-row-count', 'count', '3');
    expect(await page.locator(`${byTestId('sql-result')} ${byTestId('vt-row')}`).first().textContent()).toContain('Brand_Search');
    await screenshot(page, '06-sql');

    const downloadPromise = page.waitForEvent('download');
    await page.click(byTestId('sql-export'));
    const download = await downloadPromise;
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('Campaign,clicks');
    expect(csv).toContain('Summer_Sale');

    await page.fill(byTestId('sql-editor'), 'SELECT no_such_column FROM ' + table);
    await page.press(byTestId('sql-editor'), 'Control+Enter');
    expect(await waitForText(page, 'sql-error', /no_such_column/)).toMatch(/could not run/);
    expect(await page.textContent(byTestId('sql-history'))).toContain('no_such_column');
  });

  it('switches to the dark theme', async () => {
    const { page } = app.session;
    await page.click(byTestId('theme-toggle'));
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.click(byTestId('nav-grid'));
    await waitForAttr(page, 'grid-row-count', 'count', '42');
    await page.waitForFunction(
      (sel) => document.querySelector(`${sel} [data-testid="vt-row"]`)?.textContent?.includes('2026-03-01'),
      byTestId('grid-table'),
    );
    await screenshot(page, '07-grid-dark');
    await page.click(byTestId('theme-toggle'));
  });

  it('saves a workspace that validates, lists it as recent, and says what it cannot reopen in a browser', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-home'));
    const downloadPromise = page.waitForEvent('download');
    await page.click(byTestId('save-workspace'));
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('google-ads-utf16-title-rows-totals.meshlens');
    const parsed = parseWorkspace(readFileSync((await download.path())!, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.workspace.datasets.map((d) => d.name)).toEqual(['google-ads-utf16-title-rows-totals.csv']);
    await page.click(`${byTestId('recent-workspaces')} button`);
    expect(await waitForText(page, 'banner-info', /could not be read here/)).toContain('google-ads-utf16-title-rows-totals.csv');
    await page.click(`${byTestId('banner-info')}:has-text("could not be read here") button`);
  });

  it('cancels a long load from the progress bar and says so', async () => {
    const { page } = app.session;
    const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-cancel-'));
    try {
      const big = path.join(dir, 'big-to-cancel.csv');
      await writeBigAdsCsv(big, 400_000);
      await page.click(byTestId('nav-home'));
      await page.setInputFiles(byTestId('file-input'), big);
      await page.click(`${byTestId('job')}:has-text("big-to-cancel.csv") ${byTestId('job-cancel')}`);
      await page.waitForSelector(`${byTestId('dataset-tab')}[title="big-to-cancel.csv (cancelled)"]`);
      expect(await waitForText(page, 'banner-info', /was cancelled/)).toContain('big-to-cancel.csv');
      await page.click(byTestId('nav-import'));
      await page.waitForSelector(byTestId('import-retry'));
      await screenshot(page, '08-load-cancelled');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('made no request outside the local server and threw no page errors', () => {
    expect(app.session.foreignRequests).toEqual([]);
    expect(app.session.pageErrors).toEqual([]);
  });
});
