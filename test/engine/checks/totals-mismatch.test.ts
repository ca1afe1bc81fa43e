/**
 * totals_mismatch: summary rows against the rows they cover, with each total's scope and the rounding
 * tolerance (half the last shown digit per row). Real importer, real duckdb-wasm, real files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { compareTotals, totalScope } from '../../../shared/checks/totals';
import { auditFixture, byCheck } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('totals_mismatch', () => {
  it('stays quiet when totals add up within rounding (1,164.09 against a row sum of 1,164.10 over 28 rows)', async () => {
    const { findings, analysed } = await auditFixture(engine, 'google-ads-totals-rounding.csv');
    expect(analysed.dataset.summaryRows?.map((s) => s.label)).toEqual([
      'Total: Search',
      'Total: Performance Max',
      'Total: Display',
      'Total: Campaigns',
      'Total: Account',
    ]);
    expect(byCheck(findings, 'totals_mismatch')).toEqual([]);
  });

  it('reports a total changed by 5 units with the exact numbers, and an account difference only as info', async () => {
    const { findings } = await auditFixture(engine, 'totals-mismatch-edited-total.csv');
    const found = byCheck(findings, 'totals_mismatch');
    const byTotal = Object.fromEntries(found.map((f) => [String(f.details?.total), f]));
    expect(Object.keys(byTotal).sort()).toEqual(['Total: Account', 'Total: Campaigns', 'Total: Search']);

    const campaigns = byTotal['Total: Campaigns']!;
    expect(campaigns.severity).toBe('warning');
    expect(campaigns.columns).toEqual(['Cost']);
    expect(campaigns.details?.rowsCovered).toBe(28);
    expect(campaigns.details?.metrics).toEqual([
      expect.objectContaining({ column: 'Cost', stated: 1169.1, rowSum: 1164.1, difference: 5 }),
    ]);
    expect(campaigns.sample.map((s) => s.line)).toEqual([34]);
    expect(campaigns.message).toContain('Cost 1,169.10 against 1,164.10 (difference +5.00)');

    // A subtotal is checked over the rows of its campaign type only.
    const search = byTotal['Total: Search']!;
    expect(search.severity).toBe('warning');
    expect(search.details?.scope).toEqual({ kind: 'subtotal', column: 'Campaign type', value: 'Search' });
    expect(search.details?.rowsCovered).toBe(14);
    expect(search.details?.metrics).toEqual([
      expect.objectContaining({ column: 'Clicks', stated: 1382, rowSum: 1377, difference: 5 }),
    ]);

    const account = byTotal['Total: Account']!;
    expect(account.severity).toBe('info');
    expect(account.message).toContain('campaigns that are not in this report');
    expect(account.details?.metrics).toEqual([
      expect.objectContaining({ column: 'Cost', stated: 1298.55, rowSum: 1164.1, difference: 134.45 }),
    ]);
  });

  it('the utf-16 Google Ads export with "--" cells adds up', async () => {
    const { findings, analysed } = await auditFixture(engine, '../import/google-ads-utf16le-tab-title-totals.csv');
    expect(byCheck(findings, 'totals_mismatch')).toEqual([]);
    // Both totals were compared (on impressions, clicks, cost and conversions), not skipped.
    const compared = await compareTotals(engine, analysed.dataset);
    expect(compared.map((c) => [c.summary.label, c.rowsCovered, c.mismatches.length])).toEqual([
      ['Total: Account', 4, 0],
      ['Total: Campaigns', 4, 0],
    ]);
  });

  it('GA4 "Grand total" covers the rows shown', async () => {
    const { findings, analysed } = await auditFixture(engine, '../import/ga4-comment-preamble-grand-total-two-tables.csv');
    expect(byCheck(findings, 'totals_mismatch')).toEqual([]);
    const compared = await compareTotals(engine, analysed.dataset);
    expect(compared.map((c) => [c.summary.label, c.rowsCovered, c.mismatches.length])).toEqual([['Grand total', 3, 0]]);
  });
});

describe('totals_mismatch reads no original text at audit time', () => {
  it('compares all totals in one query on the typed table, with the decimals the importer counted', async () => {
    const { analysed } = await auditFixture(engine, 'totals-mismatch-edited-total.csv');
    const ds = analysed.dataset;
    const sent: string[] = [];
    const recording = { query: (sql: string) => (sent.push(sql), engine.query(sql)) };
    const compared = await compareTotals(recording, ds);
    expect(compared.map((c) => c.summary.label)).toEqual(ds.summaryRows?.map((s) => s.label));
    expect(sent.some((sql) => sql.includes(ds.rawTableName!))).toBe(false);
    // One aggregate for every summary row, plus the distinct values of the campaign type column.
    expect(sent.filter((sql) => /\bsum\(/.test(sql))).toHaveLength(1);
    // Without the importer's counts (a dataset built another way) the raw text gives the same answer.
    const withoutCounts = await compareTotals(engine, { ...ds, importedColumns: [] });
    expect(withoutCounts).toEqual(compared);
  });
});

describe('totalScope', () => {
  const types = [{ name: 'Campaign type', values: ['Search', 'Performance Max'] }];
  it('reads the scope of each Google Ads and GA4 label', () => {
    expect(totalScope('Total: Campaigns', types)).toEqual({ kind: 'shown' });
    expect(totalScope('Grand total', types)).toEqual({ kind: 'shown' });
    expect(totalScope('Total: Account', types)).toEqual({ kind: 'account' });
    expect(totalScope('Total: Performance Max', types)).toEqual({
      kind: 'subtotal',
      column: 'Campaign type',
      value: 'Performance Max',
    });
    // A subtotal whose type column is not in the file cannot be verified: it is left alone.
    expect(totalScope('Total: Display', types)).toEqual({ kind: 'unknown' });
    expect(totalScope('Total: Search', [])).toEqual({ kind: 'unknown' });
  });
});
