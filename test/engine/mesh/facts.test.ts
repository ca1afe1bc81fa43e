import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { loadAllDemos, loadBytes, PLAIN_CSV } from './demo-loader';
import type { Loaded } from './demo-loader';

let engine: NodeEngine;
let demos: Map<string, Loaded>;

beforeAll(async () => {
  engine = await NodeEngine.create();
  demos = await loadAllDemos(engine);
}, 240_000); // five demo files imported and audited on a shared CPU
afterAll(async () => engine.close());

const facts = (file: string) => demos.get(file)!.facts;

describe('dataset facts on the demo files', () => {
  it('reads the UTF-16 Google Ads export: rows, platform, planted problems', () => {
    const f = facts('google-ads-campaigns-2026-09.csv');
    // 29 days (14 September missing) × 4 campaigns + 1 row exported twice; the 2 Total rows are removed.
    expect(f.rows).toBe(29 * 4 + 1);
    expect(f.summaryRows).toBe(2);
    expect(f.platform).toBe('Google Ads');
    expect(f.domain).toBe('marketing');
    expect(f.dates).toMatchObject({ start: '2026-09-01', end: '2026-09-30', days: 30, distinctDates: 29, missingDays: 1, stepDays: 1 });
    expect(f.funnelInversions).toBe(1);
    expect(f.grain).toEqual(['Day', 'Campaign']);
    expect(f.grainDuplicates).toBe(2);
    expect(f.labels.Campaign).toContain('brand - de');
    expect(f.columns.find((c) => c.name === 'Campaign')!.nulls).toBe(1);
  });

  it('reads the CRM file: won deals by source and e-mail PII', () => {
    const f = facts('crm-opportunities-2026-09.csv');
    // The semantics' fingerprint names the CRM (stage, amount, lead source, opportunity id).
    expect(f.platform).toBe('Salesforce');
    expect(f.domain).toBe('sales');
    expect(f.wonTotal).toBeGreaterThan(50);
    expect(f.wonBySource!['Google Ads']).toBeGreaterThan(10);
    expect(f.columns.find((c) => c.name === 'owner_email')!.personal).toBe('email');
    expect(f.grain).toEqual(['opportunity_id']);
    expect(f.grainDuplicates).toBe(2); // one opportunity exported twice
  });

  it('reads the Meta and usage files', () => {
    const meta = facts('meta-ads-2026-09.csv');
    expect(meta.platform).toBe('Meta Ads');
    expect(meta.rows).toBe(90);
    expect(meta.dates).toMatchObject({ column: 'Day', start: '2026-09-01', end: '2026-09-30' });
    expect(meta.columns.find((c) => c.role === 'conversions')!.sum).toBeGreaterThan(0);
    const usage = facts('product-usage-2026-09.csv');
    expect(usage.domain).toBe('product');
    expect(usage.rows).toBe(30 * 8 * 3);
  });

  it('copes with a plain CSV that has no roles and no dates', async () => {
    const { facts: f } = await loadBytes(engine, 'plain.csv', new TextEncoder().encode(PLAIN_CSV));
    expect(f.rows).toBe(4);
    expect(f.dates).toBeNull();
    expect(f.platform).toBeNull();
    expect(f.columns.every((c) => c.role === null)).toBe(true);
  });
});

describe('facts carry the checks’ findings and the semantics’ roles', () => {
  it('routes real findings: funnel inversion to the ads team, a duplicated opportunity to the data team', () => {
    const ads = facts('google-ads-campaigns-2026-09.csv');
    expect(ads.findings.find((f) => f.checkId === 'funnel_inversion')).toMatchObject({ severity: 'error', count: 1, owner: 'ads' });
    expect(ads.columns.find((c) => c.name === 'Day')!.role).toBe('date');
    const crm = facts('crm-opportunities-2026-09.csv');
    // Owner e-mails in a CRM are expected there (pii_detected is for audiences and hashed-ID columns).
    expect(crm.findings.some((f) => f.checkId === 'pii_detected')).toBe(false);
    expect(crm.findings.find((f) => f.checkId === 'duplicate_rows')).toMatchObject({ count: 1 });
    const keys = crm.findings.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
