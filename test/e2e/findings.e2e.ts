/**
 * The analysis screens in real Chromium against the built renderer: load a UTF-16 Google Ads export with
 * planted problems through the file input, see the Overview (rows, platform, score, charts), the Columns
 * (change a role, the checks re-run), the Findings (open one, see exactly its rows with the offending cells
 * highlighted), and export the HTML and Markdown reports. Screenshots of each screen in light and dark.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useAppSession } from '../helpers/app-session';
import { byTestId, screenshot, waitForText } from '../helpers/page-utils';
import { googleAdsWithPlantedProblems } from './findings-fixture';

/** Functions given to page.waitForFunction run in the page; this file is type-checked as Node code. */
interface PageElement {
  getAttribute(name: string): string | null;
}
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};

const fixture = googleAdsWithPlantedProblems();
const FILE = path.join(mkdtempSync(path.join(tmpdir(), 'meshlens-findings-')), 'campaign-performance.csv');


async function findingItem(check: string) {
  return app.session.page.locator(`${byTestId('finding-item')}[data-check="${check}"]`);
}

async function openFinding(check: string) {
  const { page } = app.session;
  await (await findingItem(check)).first().click();
  await page.waitForSelector(
    `${byTestId('finding-detail')}[data-check="${check}"] ${byTestId('finding-rows')}`,
  );
  await page.waitForSelector(`${byTestId('finding-detail')} ${byTestId('grid-row-count')}`);
}

async function setTheme(theme: 'light' | 'dark') {
  const { page } = app.session;
  const current = await page.evaluate(() => document.documentElement.dataset.theme);
  if (current !== theme) await page.click(byTestId('theme-toggle'));
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

beforeAll(() => writeFileSync(FILE, fixture.bytes));
const app = useAppSession();

describe('overview, columns, findings and report export', () => {
  it('loads the export, profiles and audits it, and shows the overview', async () => {
    const { page } = app.session;
    await page.setInputFiles(byTestId('file-input'), FILE);
    await page.waitForSelector(byTestId('dataset-tab'));
    await page.click(byTestId('nav-overview'));
    // Audit done = the findings chart is drawn; the score comes with it.
    await page.waitForSelector(`${byTestId('overview-dimensions')} .ml-chart-bar`, {
      timeout: 120_000,
    });
    await page.waitForSelector(byTestId('overview-score'), { timeout: 2_000 });
    expect(await waitForText(page, 'overview-rows', String(fixture.dataRows))).toBe(String(fixture.dataRows));
    expect(await page.textContent(byTestId('overview-columns'))).toBe('10');
    expect(await page.textContent(byTestId('overview-platform'))).toBe('Google Ads');
    const score = Number((await page.textContent(byTestId('overview-score')))?.match(/\d+/)?.[0]);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThan(100);
    // Charts drawn from the data: one bar group per day in the timeline, severities per dimension.
    await page.waitForSelector(`${byTestId('overview-timeline')} .ml-chart-bar`);
    expect(await page.locator(`${byTestId('overview-timeline')} .ml-chart-bar`).count()).toBe(14);
    expect(
      await page.locator(`${byTestId('overview-dimensions')} .ml-chart-bar`).count(),
    ).toBeGreaterThan(0);
    await page.waitForSelector(`${byTestId('overview-finding')}[data-check="funnel_inversion"]`);
    await setTheme('light');
    await screenshot(page, 'analysis-01-overview-light');
    await setTheme('dark');
    await screenshot(page, 'analysis-02-overview-dark');
    await setTheme('light');
  });

  it('opens a top finding from the overview straight into its rows', async () => {
    const { page } = app.session;
    await page.click(`${byTestId('overview-finding')}[data-check="funnel_inversion"]`);
    await page.waitForSelector(
      `${byTestId('finding-detail')}[data-check="funnel_inversion"] ${byTestId('grid-row-count')}[data-count="3"]`,
    );
    expect(
      await page.getAttribute(`${byTestId('finding-item')}[data-check="funnel_inversion"]`, 'aria-current'),
    ).toBe('true');
  });

  it('lists the planted problems by severity, then affected rows; dimension is a filter', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-findings'));
    await page.waitForSelector(byTestId('finding-item'));
    const read = () =>
      page.locator(byTestId('finding-item')).evaluateAll((els) =>
        els.map((e) => ({
          check: e.getAttribute('data-check')!,
          severity: e.getAttribute('data-severity')!,
          dimension: e.getAttribute('data-dimension')!,
          rows: Number(/([\d,]+) rows?\b/.exec(e.textContent ?? '')?.[1]?.replace(/,/g, '')),
        })),
      );
    const items = await read();
    const ids = items.map((c) => c.check);
    for (const id of ['funnel_inversion', 'negative_metric', 'duplicate_rows', 'inconsistent_labels'])
      expect(ids).toContain(id);
    expect(items.map((c) => `${c.check}:${c.severity}`)).toContain('funnel_inversion:error');
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(rank[a.severity]! < rank[b.severity]! || (a.severity === b.severity && a.rows >= b.rows)).toBe(
        true,
      );
    }
    expect(await page.locator(byTestId('findings-group')).count()).toBe(0);
    const dimensions = [...new Set(items.map((c) => c.dimension))];
    expect(dimensions.length).toBeGreaterThan(1);
    await page.selectOption(byTestId('findings-filter-dimension'), dimensions[1]!);
    const filtered = await read();
    expect(filtered.length).toBe(items.filter((c) => c.dimension === dimensions[1]).length);
    expect(new Set(filtered.map((c) => c.dimension))).toEqual(new Set([dimensions[1]]));
    await page.selectOption(byTestId('findings-filter-dimension'), '');
    expect((await read()).length).toBe(items.length);
  });

  it('opens a finding: explanation, owner, fix, and exactly its rows with the offending cells highlighted', async () => {
    const { page } = app.session;
    await openFinding('funnel_inversion');
    const detail = byTestId('finding-detail');
    expect(await page.textContent(`${detail} ${byTestId('finding-explanation')}`)).toMatch(/\w{10,}/);
    expect(await page.textContent(`${detail} ${byTestId('finding-owner')}`)).toMatch(/\w/);
    expect(await page.textContent(`${detail} ${byTestId('finding-fix')}`)).toMatch(/\w{10,}/);
    await page.waitForSelector(
      `${detail} ${byTestId('grid-row-count')}[data-count="${fixture.funnelLines.length}"]`,
    );
    expect(await page.textContent(`${detail} ${byTestId('grid-row-count')}`)).toBe(
      `${fixture.funnelLines.length} rows that fail`,
    );
    expect(await page.getAttribute(`${detail} ${byTestId('finding-rows')}`, 'data-lines')).toBe(
      fixture.funnelLines.join(','),
    );
    await page.waitForFunction(({ sel, n }) => document.querySelectorAll(sel).length === n, {
      sel: `${detail} [data-testid="vt-row"]`,
      n: fixture.funnelLines.length,
    });
    const rows = await page.locator(`${detail} ${byTestId('vt-row')}`).allTextContents();
    expect(rows.length).toBe(fixture.funnelLines.length);
    // The grid shows the original line numbers, and the Clicks / Impr. cells are the highlighted ones.
    fixture.funnelLines.forEach((line, i) => expect(rows[i]).toContain(String(line)));
    const highlighted = await page.locator(`${detail} ${byTestId('vt-cell-highlight')}`).allTextContents();
    expect(highlighted.length).toBeGreaterThanOrEqual(fixture.funnelLines.length * 2);
    await screenshot(page, 'analysis-03-finding-funnel-light');

    await openFinding('negative_metric');
    await page.waitForSelector(`${detail} ${byTestId('grid-row-count')}[data-count="1"]`);
    expect(await page.getAttribute(`${detail} ${byTestId('finding-rows')}`, 'data-lines')).toBe(
      String(fixture.negativeCostLine),
    );
    expect(await page.locator(`${detail} ${byTestId('vt-cell-highlight')}`).allTextContents()).toContain(
      '-59.63',
    );
    await setTheme('dark');
    await screenshot(page, 'analysis-04-finding-negative-dark');
    await setTheme('light');
  });

  it('shows a card per column, and a changed role re-runs the checks', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-columns'));
    await page.waitForSelector(byTestId('column-card'));
    expect(await page.locator(byTestId('column-card')).count()).toBe(10);
    const clicks = `${byTestId('column-card')}[data-column="Clicks"]`;
    expect(await page.locator(`${clicks} ${byTestId('column-role')}`).inputValue()).toBe('clicks');
    await page.waitForSelector(`${clicks} ${byTestId('column-histogram')} .recharts-bar-rectangle`);
    await page.waitForSelector(
      `${byTestId('column-card')}[data-column="Campaign"] ${byTestId('column-top-values')} .recharts-bar-rectangle`,
    );
    expect(
      await page.textContent(`${byTestId('column-card')}[data-column="Day"] ${byTestId('column-coverage')}`),
    ).toContain('2026-01-01 to 2026-01-14');
    await screenshot(page, 'analysis-05-columns-light');
    await setTheme('dark');
    await screenshot(page, 'analysis-06-columns-dark');
    await setTheme('light');

    // Clicks is no longer "clicks": nothing can be above impressions, so funnel_inversion disappears.
    await page.selectOption(`${clicks} ${byTestId('column-role')}`, 'unknown');
    await page.click(byTestId('nav-findings'));
    await page.waitForFunction(() => {
      const items = Array.from(document.querySelectorAll('[data-testid="finding-item"]'));
      return (
        items.length > 0 &&
        !items.some((e) => e.getAttribute('data-check') === 'funnel_inversion') &&
        !document.querySelector('[data-testid="job"]')
      );
    });
    await page.click(byTestId('nav-columns'));
    await page.selectOption(`${clicks} ${byTestId('column-role')}`, 'clicks');
    await page.click(byTestId('nav-findings'));
    await page.waitForSelector(`${byTestId('finding-item')}[data-check="funnel_inversion"]`);
  });

  it('exports the HTML and Markdown reports with the findings and inline charts', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-overview'));
    await page.waitForSelector(byTestId('overview-score'));
    const overviewScore = Number((await page.textContent(byTestId('overview-score')))?.match(/\d+/)?.[0]);
    const [htmlDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click(byTestId('report-export-html')),
    ]);
    expect(htmlDownload.suggestedFilename()).toBe('campaign-performance-audit.html');
    const html = readFileSync((await htmlDownload.path())!, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|\b(src|href)\s*=|url\(/i);
    expect(html).toContain('id="finding-funnel_inversion"');
    expect(html).toContain('Google Ads');
    expect(html).toContain(`<b>${overviewScore} / 100</b>`);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(3);
    for (const line of fixture.funnelLines) expect(html).toContain(`<td>${line}</td>`);

    const [mdDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click(byTestId('report-export-markdown')),
    ]);
    expect(mdDownload.suggestedFilename()).toBe('campaign-performance-audit.md');
    const md = readFileSync((await mdDownload.path())!, 'utf8');
    expect(md).toMatch(/^# MeshLens audit/);
    expect(md).toContain('(`funnel_inversion`)');
    expect(md).toContain(`| campaign-performance.csv | Google Ads`);
    expect(md).toContain(`**Score ${overviewScore}/100**`);

    // Open the exported HTML in the browser itself: it renders offline with no request at all.
    const before = app.session.foreignRequests.length;
    const report = await app.session.context.newPage();
    const requests: string[] = [];
    report.on('request', (r) => requests.push(r.url()));
    await report.setContent(html);
    await report.waitForSelector('#finding-funnel_inversion');
    await report.screenshot({
      path: path.resolve('test-results/screenshots/analysis-07-report-html.png'),
      fullPage: true,
    });
    expect(requests).toEqual([]);
    await report.close();
    expect(app.session.foreignRequests.length).toBe(before);
    expect(app.session.foreignRequests).toEqual([]);
    expect(app.session.pageErrors.filter((e) => !/favicon/i.test(e))).toEqual([]);
  });
});
