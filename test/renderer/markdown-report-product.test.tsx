// @vitest-environment jsdom
/**
 * markdown_report_lacked_data_product: the app's Markdown report showed findings only, while the HTML report
 * showed the data product. Both now read the product from the store (the object the product card edits,
 * changed here through the card's own action) through one list, productCardFacts. Real file, real DuckDB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../electron/engine/node-engine';
import { analyseImport } from '../../shared/audit/dataset';
import { scoreDataset } from '../../shared/audit/score';
import { runChecks } from '../../shared/checks/runner';
import { importFile } from '../../shared/import/index';
import { useStore } from '../../renderer/src/store';
import { setProduct, updateProduct } from '../../renderer/src/store/mesh-actions';
import { buildReport } from '../../renderer/src/features/report/ReportButtons';

const NAME = 'hubspot-contacts-clean.csv';
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../fixtures/checks', NAME)));
  const result = await importFile(engine, { path: NAME, name: NAME, bytes });
  const { profile, semantics, dataset } = await analyseImport(engine, result);
  const findings = await runChecks(engine, dataset, { referenceDate: '2026-01-25' });
  const profileState = { kind: 'meshlens.profile', revision: 1, status: 'done', profile, semantics, overrides: {} };
  const audit = { kind: 'meshlens.audit', revision: 1, status: 'done', findings, checkErrors: [], referenceDate: '2026-01-25', score: scoreDataset(NAME, result.rows, findings) };
  useStore.setState({
    datasets: [{ id: 'd1', name: NAME, file: { name: NAME, path: NAME, bytes }, options: {}, result, status: 'ready', error: null, progress: null, revision: 1, profile: profileState, findings: audit }] as never,
    activeDatasetId: 'd1',
    products: {},
  });
}, 120_000);
afterAll(async () => engine.close());

const report = (format: 'markdown' | 'html') => new TextDecoder().decode(buildReport('d1', format).bytes);

describe('markdown_report_lacked_data_product', () => {
  it('states the product the user set on the card: name, owner, domain, consumers, freshness', () => {
    expect(report('markdown')).not.toContain('**Data product**');
    updateProduct('d1', { name: 'Newsletter contacts', owner: 'CRM team (Lena)', domain: 'sales', consumers: ['Lifecycle e-mails', 'Sales'] });
    updateProduct('d1', { freshness: { frequencyDays: 7, latencyDays: 1 } });
    const md = report('markdown');
    expect(md).toContain('## hubspot-contacts-clean.csv\n\n**Data product**\n');
    expect(md).toContain('- **Name:** Newsletter contacts');
    expect(md).toContain('- **Owner:** CRM team (Lena)');
    expect(md).toContain('- **Domain:** Sales');
    expect(md).toContain('- **Consumers:** Lifecycle e-mails, Sales');
    expect(md).toContain('- **Freshness promise:** new data every 7 days, at most 1 day late');
    // The HTML report states the very same facts.
    const html = report('html');
    expect(html).toContain('<dt>Owner</dt><dd>CRM team (Lena)</dd>');
    expect(html).toContain('<dt>Freshness promise</dt><dd>new data every 7 days, at most 1 day late</dd>');
  });

  it('an owner nobody named is shown as missing, never filled with a default', () => {
    setProduct('d1', { name: 'Newsletter contacts' });
    const md = report('markdown');
    expect(md).toContain('- **Owner:** _missing_');
    expect(md).toContain('- **Consumers:** _none named yet_');
    expect(md).not.toContain('sales-team');
    expect(report('html')).toContain('<dt>Owner</dt><dd><strong>missing</strong></dd>');
  });
});
