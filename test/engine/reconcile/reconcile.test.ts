/**
 * Reconciliation on fixtures with known discrepancies (test/fixtures/reconcile): counts and amounts asserted
 * exactly; a pair that agrees produces no finding; different periods are never summed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { reconcile } from '../../../shared/reconcile/reconcile';
import { suggestKeys } from '../../../shared/reconcile/keys';
import { alignPeriods } from '../../../shared/reconcile/sources';
import { loadSource } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('domains, periods and keys', () => {
  it('assigns each file a domain and reads its currency', async () => {
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const fin = await loadSource(engine, 'finance-spend-agrees.csv');
    const crm = await loadSource(engine, 'crm-deals.csv');
    expect([ga.domain, fin.domain, crm.domain]).toEqual(['ads', 'finance', 'crm']);
    expect([ga.currency, fin.currency]).toEqual(['EUR', 'EUR']);
  });

  it('suggests campaign and date keys with their match rates, folding "brand_search" to "Brand Search"', async () => {
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const fin = await loadSource(engine, 'finance-spend-agrees.csv');
    const { overlap } = await alignPeriods(engine, [ga, fin]);
    const keys = await suggestKeys(engine, ga, fin, overlap);
    const byKind = Object.fromEntries(keys.map((k) => [k.kind, k]));
    expect(byKind.campaign).toMatchObject({ left: 'Campaign', right: 'Campaign', matchRate: 1, reverseMatchRate: 1, confirmed: false });
    expect(byKind.campaign!.folded).toContainEqual({ left: 'Brand Search', right: 'brand_search' });
    expect(byKind.date).toMatchObject({ left: 'Day', right: 'Date', matchRate: 1 });
  });
});

describe('spend between a platform and finance', () => {
  it('a pair of files that agree produces no finding', async () => {
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const fin = await loadSource(engine, 'finance-spend-agrees.csv');
    const report = await reconcile(engine, [ga, fin], { on: ['campaign', 'date'] });
    expect(report.findings).toEqual([]);
    expect(report.spend?.cells).toHaveLength(42);
    expect(report.spend?.leftTotal).toBe(report.spend?.rightTotal);
  });

  it('finds the two edited cells, both orphan campaigns and compares only the overlapping days', async () => {
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const fin = await loadSource(engine, 'finance-spend-mismatch.csv');
    const report = await reconcile(engine, [ga, fin], { on: ['campaign', 'date'] });
    expect(report.alignment.overlap).toEqual({ start: '2026-03-01', end: '2026-03-10' });
    const spend = report.findings.find((f) => f.check === 'spend_mismatch')!;
    expect(spend.rows).toBe(2);
    expect(spend.details?.cells).toEqual([
      expect.objectContaining({ date: '2026-03-03', key: 'Brand Search', left: 85.17, right: 110.17, diff: -25 }),
      expect.objectContaining({ date: '2026-03-07', key: 'Generic Search', left: 59.41, right: 19.41, diff: 40 }),
    ]);
    expect(spend.details?.leftTotal).toBe(1161.47);
    expect(spend.details?.rightTotal).toBe(1146.47);
    expect(spend.sample.every((s) => s.line > 3)).toBe(true);

    const orphans = report.findings.find((f) => f.check === 'orphan_keys')!;
    expect(orphans.rows).toBe(2);
    expect(orphans.details?.orphans).toEqual([
      expect.objectContaining({ side: 'left', key: 'Shopping Feed', value: 556.81, rows: 10 }),
      expect.objectContaining({ side: 'right', key: 'YouTube Launch', value: 300, rows: 10 }),
    ]);
    // February rows of the finance file and 11–14 March of Google Ads fell outside and were said so.
    expect(report.notes.join('\n')).toMatch(/finance-spend-mismatch\.csv: 8 rows fall outside the common period 2026-03-01 to 2026-03-10/);
    expect(report.notes.join('\n')).toMatch(/google-ads-march\.csv: 12 rows fall outside/);
  });

  it('different currencies are never compared', async () => {
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const fin = await loadSource(engine, 'finance-spend-agrees.csv');
    const report = await reconcile(engine, [ga, { ...fin, currency: 'USD' }], { on: ['campaign', 'date'] });
    expect(report.findings.map((f) => f.check)).toEqual(['currency_mismatch']);
    expect(report.spend).toBeNull();
  });
});

describe('attribution over-claim against the CRM', () => {
  it('claims of Google Ads and Meta against won deals, in the overlap only', async () => {
    const crm = await loadSource(engine, 'crm-deals.csv');
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const meta = await loadSource(engine, 'meta-ads-march.csv');
    const report = await reconcile(engine, [crm, ga, meta], { truth: 'crm-deals.csv' });
    const oc = report.overclaim!;
    expect(oc.period).toEqual({ start: '2026-03-01', end: '2026-03-14' });
    expect(oc.truth).toMatchObject({ kind: 'won deals', total: 19, channelColumn: 'Original Source' });
    expect(oc.claims.map((c) => [c.label, c.claimed, c.truthForChannel])).toEqual([
      ['Google Ads', 83, 8],
      ['Meta Ads', 24, 3],
    ]);
    expect(oc.claimedTotal).toBe(107);
    expect(oc.ratio).toBe(5.63);
    expect(oc.weeks.reduce((s, w) => s + w.claimed, 0)).toBe(107);
    expect(oc.weeks.reduce((s, w) => s + w.truth, 0)).toBe(19);
    const f = report.findings.find((x) => x.check === 'attribution_overclaim')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('claim 107.00 conversions together');
    expect(f.message).toContain('recorded 19 won deals');
  });

  it('different periods are never summed: a November 2024 file is left out and said so', async () => {
    const crm = await loadSource(engine, 'crm-deals.csv');
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const old = await loadSource(engine, 'google-ads-2024-11.csv');
    const report = await reconcile(engine, [crm, ga, old], { truth: 'crm-deals.csv' });
    expect(report.overclaim?.claimedTotal).toBe(83);
    expect(report.overclaim?.claims.map((c) => c.name)).toEqual(['google-ads-march.csv']);
    expect(report.notes.join('\n')).toMatch(/google-ads-2024-11\.csv \(2024-11-01 to 2024-11-03\) does not overlap crm-deals\.csv/);
  });

  it('says why a file cannot be the source of truth', async () => {
    const ga = await loadSource(engine, 'google-ads-march.csv');
    const meta = await loadSource(engine, 'meta-ads-march.csv');
    const report = await reconcile(engine, [ga, meta]);
    expect(report.overclaim).toBeNull();
    expect(report.notes.join(' ')).toMatch(/No source of truth/);
  });
});
