/**
 * A walkthrough completed in real Chromium against the built renderer: the workshop loads the bundled demo
 * company, opens Exercise 1 on the Google Ads export, and the walkthrough runs to its artefact with the
 * file's own numbers; the artefact downloads; another walkthrough resumes where it was left; the data
 * product screen exports an ODCS contract; a check pack saved from September is compared with October.
 * No request leaves the local server.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useAppSession } from '../helpers/app-session';
import { byTestId, screenshot, waitForAttr, waitForText } from '../helpers/page-utils';


const app = useAppSession();

/** Click Next until the artefact shows; `choices` picks a file on steps that wait for one (by step id). */
async function nextUntilDone(choices: Record<string, string> = {}) {
  const { page } = app.session;
  for (let i = 0; i < 20 && !(await page.$(byTestId('walkthrough-complete'))); i++) {
    const before = await page.getAttribute(byTestId('walkthrough-step'), 'data-step');
    const choice = before ? choices[before] : undefined;
    if (choice) await page.selectOption(byTestId('step-choice'), choice);
    await page.click(byTestId('walkthrough-next'));
    await page.waitForFunction(
      ({ sel, done, before }) => Boolean(document.querySelector(done)) || document.querySelector(sel)?.getAttribute('data-step') !== before,
      { sel: byTestId('walkthrough-step'), done: byTestId('walkthrough-complete'), before },
    );
  }
}

describe('data mesh walkthrough in Chromium', () => {
  it('loads the demo company from the workshop and opens Exercise 1', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-workshop'));
    await page.click(byTestId('workshop-load-demo'));
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 6, byTestId('dataset-tab'), { timeout: 120_000 });
    await page.click(byTestId('nav-workshop'));
    await page.click(byTestId('agenda-what-is-this-data'));
    await page.waitForSelector(`${byTestId('workshop-start-exercise')}:not([disabled])`, { timeout: 120_000 });
    await page.click(byTestId('workshop-start-exercise'));
    await page.waitForSelector(`${byTestId('walkthrough-player')}[data-walkthrough="what-is-this-data"]`, { timeout: 120_000 });
  });

  it('runs the walkthrough to its artefact with the file’s own numbers and downloads it', async () => {
    const { page } = app.session;
    expect(await waitForText(page, 'walkthrough-text', /google-ads-campaigns-2026-09\.csv has 117 rows and 10 columns/)).toContain('Google Ads');
    await nextUntilDone();
    const artefact = (await page.textContent(byTestId('walkthrough-artefact'))) ?? '';
    expect(artefact).toContain('Rows: 117; columns: 10');
    expect(artefact).toContain('Period: from 2026-09-01 to 2026-09-30 (30 days, with 1 day missing)');
    expect(artefact).toContain('Produced by: Marketing');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('walkthrough-save'))]);
    expect(download.suggestedFilename()).toBe('google-ads-campaigns-2026-09.csv.profile.md');
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toContain('- Platform: Google Ads');
    await screenshot(page, 'walkthrough-what-is-this-data-done');
    expect(await page.textContent(byTestId('walkthrough-status-what-is-this-data'))).toBe('Completed');
  });

  it('leaves a walkthrough half-way and resumes it on the same step', async () => {
    const { page } = app.session;
    await page.click(byTestId('walkthrough-open-domain-ownership'));
    await page.waitForSelector(`${byTestId('walkthrough-player')}[data-walkthrough="domain-ownership"]`);
    await page.click(byTestId('walkthrough-next'));
    await page.fill(byTestId('step-input'), 'Jana (paid search)');
    await page.click(byTestId('walkthrough-next'));
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="route"]`);
    await page.click(byTestId('nav-overview'));
    await page.click(byTestId('nav-walkthroughs'));
    expect(await waitForText(page, 'walkthrough-status-domain-ownership', 'Resume at step 3')).toBe('Resume at step 3');
    await page.click(byTestId('walkthrough-open-domain-ownership'));
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="route"]`);
    await nextUntilDone();
    expect(await page.textContent(byTestId('walkthrough-artefact'))).toContain('Owner: **Jana (paid search)**');
  });

  it('exports the data product card as an ODCS contract', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-products'));
    await page.waitForSelector(byTestId('product-card'), { timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('contract-export'))]);
    const yaml = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.odcs\.yaml$/);
    expect(yaml).toContain('apiVersion: v3.1.0');
    expect(yaml).toContain('kind: DataContract');
    await page.click(byTestId('contract-run'));
    await page.waitForSelector(byTestId('contract-report'), { timeout: 120_000 });
    expect(await page.textContent(byTestId('contract-verdict'))).toMatch(/failed rule/);
    await screenshot(page, 'product-card-contract-run');
  });

  it('exports the checks as SodaCL and as dbt tests', async () => {
    const { page } = app.session;
    const [soda] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-sodacl'))]);
    expect(soda.suggestedFilename()).toMatch(/\.sodacl\.yml$/);
    expect(readFileSync((await soda.path())!, 'utf8')).toMatch(/^checks for \w+:$/m);
    const [dbt] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-dbt'))]);
    expect(dbt.suggestedFilename()).toMatch(/\.dbt-tests\.tar$/);
    expect(readFileSync((await dbt.path())!, 'latin1')).toContain('models/');
    expect(await page.textContent(byTestId('products-message'))).toMatch(/rule\(s\) saved to .*Not exported \(no portable form\)/);
    await page.waitForSelector(`${byTestId('policy-pack-panel')} ${byTestId('policy-row')}`);
  });

  it('saves a check pack from September and compares October with it', async () => {
    const { page } = app.session;
    await page.click(byTestId('nav-walkthroughs'));
    await page.click(byTestId('walkthrough-open-self-serve-platform'));
    await page.waitForSelector(`${byTestId('walkthrough-player')}[data-walkthrough="self-serve-platform"]`);
    await page.click(byTestId('walkthrough-next'));
    await page.click(byTestId('walkthrough-next'));
    // The file to compare waits for the user's choice, and every other file says why it is or is not offered.
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="second"]`);
    expect(await page.isDisabled(byTestId('walkthrough-next'))).toBe(true);
    const offers = await page.$$eval(byTestId('step-offer'), (els) => els.map((e) => `${e.getAttribute('data-offered')} ${e.textContent}`));
    expect(offers).toContainEqual(expect.stringMatching(/^true google-ads-campaigns-2026-10\.csv: offered, also a Google Ads export/));
    expect(offers).toContainEqual(expect.stringMatching(/^false meta-ads-2026-09\.csv: not offered, a Meta Ads export, not Google Ads/));
    await nextUntilDone({ second: 'google-ads-campaigns-2026-10.csv' });
    expect(await page.textContent(byTestId('walkthrough-artefact'))).toContain('Columns added: "Conv. value"');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('walkthrough-save'))]);
    const pack = (await download.path())!;
    expect(JSON.parse(readFileSync(pack, 'utf8')).format).toBe('meshlens-check-pack');
    await page.click(`${byTestId('dataset-tab')}:has-text("2026-10")`);
    await page.click(byTestId('nav-products'));
    await page.waitForSelector(byTestId('product-card'), { timeout: 120_000 });
    await page.setInputFiles(byTestId('checkpack-file'), pack);
    const diff = await waitForText(page, 'checkpack-comparison', /Winter Sale - DE/);
    expect(diff).toContain('Rows: 117 → 155');
    await page.click(byTestId('nav-workshop'));
    await page.click(byTestId('workshop-projector'));
    await page.waitForSelector(`${byTestId('workshop-screen')}.workshop-projector`);
    await screenshot(page, 'workshop-projector');
    await page.click(byTestId('workshop-projector'));
    await page.waitForSelector(byTestId('nav-workshop'));
  });

  it('finishes "Data as a product" with a name, owner and consumers; the product screen, the contract, governance and the workshop summary show exactly those', async () => {
    const { page } = app.session;
    await page.click(`${byTestId('dataset-tab')}:has-text("crm-opportunities")`);
    await page.click(byTestId('nav-walkthroughs'));
    await page.click(byTestId('walkthrough-open-data-as-a-product'));
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="name"]`, { timeout: 120_000 });
    await page.fill(byTestId('step-input'), 'CRM opportunities');
    await page.click(byTestId('walkthrough-next'));
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="owner"]`);
    expect(await page.inputValue(byTestId('step-input'))).toBe(''); // no owner is made up
    await page.fill(byTestId('step-input'), 'Sales ops (Maria)');
    await page.click(byTestId('walkthrough-next'));
    for (const step of ['schema', 'objectives', 'freshness']) {
      await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="${step}"]`);
      await page.click(byTestId('walkthrough-next'));
    }
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="consumers"]`);
    await page.check(`${byTestId('step-multi')} label:has-text("Sales pipeline review") input`);
    await page.check(`${byTestId('step-multi')} label:has-text("Finance (spend reconciliation)") input`);
    await nextUntilDone();

    await page.click(byTestId('nav-products'));
    await page.waitForSelector(byTestId('product-card'), { timeout: 120_000 });
    expect(await page.inputValue(byTestId('product-name'))).toBe('CRM opportunities');
    expect(await page.inputValue(byTestId('product-owner'))).toBe('Sales ops (Maria)');
    expect(await page.inputValue(byTestId('product-consumers'))).toBe('Sales pipeline review, Finance (spend reconciliation)');
    expect(await page.$(byTestId('product-owner-missing'))).toBeNull();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('contract-export'))]);
    const yaml = readFileSync((await download.path())!, 'utf8');
    expect(yaml).toMatch(/^name: CRM opportunities$/m);
    expect(yaml).toContain('Owner: Sales ops (Maria)');
    expect(yaml).toMatch(/description: "?Sales pipeline review"?$/m);
    expect(yaml).toMatch(/description: "?Finance \(spend reconciliation\)"?$/m);

    await page.click(byTestId('nav-walkthroughs'));
    await page.click(byTestId('walkthrough-open-federated-governance'));
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="intro"]`);
    await page.click(byTestId('walkthrough-next'));
    await page.click(byTestId('walkthrough-next'));
    await page.waitForSelector(`${byTestId('walkthrough-step')}[data-step="owner"]`);
    expect(await page.inputValue(byTestId('step-input'))).toBe('Sales ops (Maria)');
    await nextUntilDone();
    const policies = (await page.textContent(byTestId('walkthrough-artefact'))) ?? '';
    expect(policies).toContain('Owner: Sales ops (Maria).');

    await page.click(byTestId('nav-workshop'));
    await page.click(byTestId('workshop-tab-summary'));
    expect(await page.textContent(byTestId('workshop-summary'))).toContain(
      '| crm-opportunities-2026-09.csv | CRM opportunities | (not chosen) | Sales ops (Maria) | Sales pipeline review, Finance (spend reconciliation) |',
    );
    await screenshot(page, 'workshop-summary-from-product');
  });

  it('leaving the workshop for an exercise and coming back keeps the agenda item and the running timer', async () => {
    const { page } = app.session;
    await page.click(byTestId('workshop-tab-agenda'));
    await page.click(byTestId('agenda-federated-governance'));
    await page.click(byTestId('workshop-timer'));
    await waitForAttr(page, 'workshop-clock', 'running', 'true');
    await page.click(byTestId('workshop-start-exercise'));
    await page.waitForSelector(`${byTestId('walkthrough-player')}[data-walkthrough="federated-governance"]`, { timeout: 120_000 });
    await page.click(byTestId('nav-workshop'));
    await page.waitForSelector(`${byTestId('workshop-current')}[data-item="federated-governance"]`);
    await waitForAttr(page, 'workshop-clock', 'running', 'true');
    expect(await waitForText(page, 'workshop-clock', /^19:\d\d$/)).toMatch(/^19:/); // still counting down from where it was
    await page.click(byTestId('workshop-projector'));
    await page.waitForSelector(`${byTestId('workshop-screen')}.workshop-projector`);
    expect(await page.$(byTestId('nav-workshop'))).toBeNull();
    expect(await page.$(byTestId('dataset-tab'))).toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForSelector(byTestId('nav-workshop'));
  });

  it('sent nothing anywhere and threw no page errors', () => {
    expect(app.session.foreignRequests).toEqual([]);
    expect(app.session.pageErrors).toEqual([]);
  });
});
