/**
 * Honest attribution on the demo company in real Chromium: the workshop loads Fjordline Bikes (CRM, Google Ads,
 * Meta, the geo test and the rest); the Reconcile screen shows claimed against actual conversions and the test
 * lift; the walkthrough asks for the source of truth (nothing picked for the user), aligns periods, and ends in
 * the attribution report with the honest sentence. No request leaves the local server.
 */
import { describe, expect, it } from 'vitest';
import { useAppSession } from '../helpers/app-session';
import { byTestId, screenshot, waitForText } from '../helpers/page-utils';

const app = useAppSession();

describe('honest attribution on the demo company', () => {
  it('the Reconcile screen compares claims with won deals and shows the geo test lift', { timeout: 300_000 }, async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-workshop'));
    await page.click(byTestId('workshop-load-demo'));
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 6, byTestId('dataset-tab'), { timeout: 120_000 });
    await page.click(byTestId('nav-reconcile'));
    await page.waitForSelector(byTestId('chart-claims'), { timeout: 180_000 });
    expect(await waitForText(page, 'lift-sentence', /^Meta claimed 223 \(meta_claimed_purchases in geo-test-meta-2026-09\.csv, group test, 2026-09-15 to 2026-09-30\); the test shows \d+ \(\d+–\d+\) more than control\.$/)).toContain('Meta claimed 223');
    expect(await page.textContent(byTestId('lift-other-claim'))).toMatch(/^Not the same count as the claimed-against-actual comparison: there Meta Ads claims \d+ \(.* in meta-ads-2026-09\.csv/);
    await page.waitForSelector(`${byTestId('chart-claims')} .recharts-bar-rectangle`, { timeout: 60_000 });
    await page.waitForSelector(`${byTestId('chart-lift')} .recharts-line`, { timeout: 60_000 });
    const notes = (await page.textContent(byTestId('reconcile-notes'))) ?? '';
    expect(notes).toMatch(/google-ads-campaigns-2026-10\.csv \(2026-10-01 to 2026-10-31\) does not overlap crm-opportunities-2026-09\.csv/);
    const findings = await page.$$eval(byTestId('reconcile-finding'), (els) => els.map((e) => e.getAttribute('data-check')));
    expect(findings).toContain('attribution_overclaim');
    await screenshot(page, 'reconcile-demo-company');
  });

  it('the walkthrough asks for the source of truth, aligns periods and ends in the attribution report', async () => {
    const { page } = app.session;
    await page.click(`${byTestId('dataset-tab')}:has-text("meta-ads")`);
    await page.click(byTestId('nav-walkthroughs'));
    await page.click(byTestId('walkthrough-open-honest-attribution'));
    await page.waitForSelector(`${byTestId('walkthrough-player')}[data-walkthrough="honest-attribution"]`);
    await page.click(byTestId('walkthrough-next'));
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="truth"]`);
    await page.waitForSelector(`${byTestId('step-offer')}[data-offered="true"]`, { timeout: 180_000 });
    expect(await page.$(byTestId('step-choice-needed'))).toBeTruthy();
    await page.selectOption(byTestId('step-choice'), 'crm-opportunities-2026-09.csv');
    const texts: string[] = [];
    for (let i = 0; i < 12 && !(await page.$(byTestId('walkthrough-complete'))); i++) {
      const before = await page.getAttribute(byTestId('walkthrough-step'), 'data-step');
      await page.click(byTestId('walkthrough-next'));
      await page.waitForFunction(
        ({ sel, done, before }) => Boolean(document.querySelector(done)) || document.querySelector(sel)?.getAttribute('data-step') !== before,
        { sel: byTestId('walkthrough-step'), done: byTestId('walkthrough-complete'), before },
      );
      texts.push((await page.textContent(byTestId('walkthrough-text'))) ?? '');
    }
    const all = texts.join('\n');
    expect(all).toMatch(/compared from 2026-09-01 to 2026-09-30/);
    expect(all).toMatch(/Together: 140\.10\./);
    expect(all).toMatch(/The platforms claim 1\.27 for every deal that really happened/);
    expect(all).toMatch(/Meta claimed 223 \(meta_claimed_purchases in geo-test-meta-2026-09\.csv, group test, 2026-09-15 to 2026-09-30\); the test shows \d+ \(\d+–\d+\) more than control\./);
    const artefact = (await page.textContent(byTestId('walkthrough-artefact'))) ?? '';
    expect(artefact).toContain('Attribution report');
    await screenshot(page, 'walkthrough-honest-attribution-done');
  });
});
