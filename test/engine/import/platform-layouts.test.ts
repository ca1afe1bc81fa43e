/**
 * Real platform layouts, read by the real importer into real duckdb-wasm. Every fixture in
 * test/fixtures/import is a small file named after the quirk it carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { col, importFixture, rawRows, typedRows } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('Google Ads "Excel CSV" (UTF-16LE, tab, title and date-range rows, totals, " --")', () => {
  it('finds the header under the title rows, removes both totals rows and reads " --" as empty', async () => {
    const r = await importFixture(engine, 'google-ads-utf16le-tab-title-totals.csv');
    expect(r.format).toBe('tsv');
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(r.headerLine).toBe(3);
    expect(r.skippedLines).toBe(2);
    expect(r.preamble).toEqual(['Campaign report', '27 January 2026 - 23 February 2026']);
    expect(r.statedRange).toEqual({ start: '2026-01-27', end: '2026-02-23' });
    expect(r.summaryRows.map((s) => [s.line, s.label])).toEqual([
      [8, 'Total: Account'],
      [9, 'Total: Campaigns'],
    ]);
    expect(r.summaryRows[0]!.values['Cost']).toBe('2,014.33');
    expect(r.summaryRows[0]!.values['Impr.']).toBe('1,421,901');
    expect(r.rows).toBe(4);
    expect(r.columns.map((c) => [c.name, c.type])).toEqual([
      ['Campaign status', 'VARCHAR'],
      ['Campaign', 'VARCHAR'],
      ['Campaign ID', 'BIGINT'],
      ['Currency code', 'VARCHAR'],
      ['Impr.', 'BIGINT'],
      ['Clicks', 'BIGINT'],
      ['CTR', 'DOUBLE'],
      ['Avg. CPC', 'DOUBLE'],
      ['Cost', 'DOUBLE'],
      ['Conversions', 'DOUBLE'],
    ]);
    expect(col(r, 'CTR').percent).toBe(true);
    for (const name of ['Clicks', 'CTR', 'Avg. CPC', 'Conversions']) {
      expect([name, col(r, name).nulls, col(r, name).placeholders]).toEqual([name, 1, 1]);
    }
    expect([col(r, 'Impr.').nulls, col(r, 'Cost').nulls]).toEqual([0, 0]);
    const rows = await typedRows(engine, r, '__line, "Campaign", "Impr.", "Clicks", "CTR", "Cost", "Conversions"');
    expect(rows).toEqual([
      { __line: 4, Campaign: 'Brand - Search', 'Impr.': 9380, Clicks: 1234, CTR: 13.16, Cost: 518.28, Conversions: 45 },
      { __line: 5, Campaign: 'Generic - Search', 'Impr.': 12001, Clicks: 402, CTR: 3.35, Cost: 442.2, Conversions: 12.5 },
      { __line: 6, Campaign: 'Display - Remarketing', 'Impr.': 150220, Clicks: null, CTR: null, Cost: 0, Conversions: 0 },
      { __line: 7, Campaign: 'Performance Max', 'Impr.': 1250300, Clicks: 3011, CTR: 0.24, Cost: 1053.85, Conversions: null },
    ]);
    // The original text stays reachable, summary rows included.
    const raw = await rawRows(engine, r, '__line, "Campaign status", "Clicks"');
    expect(raw.map((x) => [x.__line, x['Campaign status'], x.Clicks])).toEqual([
      [4, 'Enabled', '1,234'],
      [5, 'Enabled', '402'],
      [6, 'Paused', ' --'],
      [7, 'Enabled', '3,011'],
      [8, 'Total: Account', '4,647'],
      [9, 'Total: Campaigns', '4,647'],
    ]);
  });

  it('keeps the totals rows when asked to', async () => {
    const r = await importFixture(engine, 'google-ads-utf16le-tab-title-totals.csv', { keepSummaryRows: true });
    expect(r.rows).toBe(6);
    expect(r.summaryRows.map((s) => s.line)).toEqual([8, 9]);
  });
});

describe('Google Ads comma CSV ("1,234.50", 2.81%, < 10%)', () => {
  it('reads quoted grouped numbers, percents, and bounded values as their bound', async () => {
    const r = await importFixture(engine, 'google-ads-comma-quoted-numbers-bounded-percent.csv');
    expect([r.format, r.encoding, r.delimiter, r.decimalSeparator]).toEqual(['csv', 'utf-8', ',', '.']);
    expect([r.headerLine, r.skippedLines, r.rows]).toEqual([3, 2, 4]);
    expect(r.statedRange).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(r.summaryRows.map((s) => [s.line, s.label])).toEqual([[8, 'Total: Account']]);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'Campaign:VARCHAR',
      'Day:DATE',
      'Impressions:BIGINT',
      'Clicks:BIGINT',
      'Cost:DOUBLE',
      'CTR:DOUBLE',
      'Search impr. share:DOUBLE',
    ]);
    expect(col(r, 'CTR').percent).toBe(true);
    const share = col(r, 'Search impr. share');
    expect([share.percent, share.bounded, share.nulls]).toEqual([true, 3, 0]);
    expect(r.log.some((l) => l.message.includes('3 bounded value(s)'))).toBe(true);
    const rows = await typedRows(engine, r, '__line, "Day", "Impressions", "Cost", "CTR", "Search impr. share" AS share');
    expect(rows).toEqual([
      { __line: 4, Day: '2026-01-01', Impressions: 1234, Cost: 1234.5, CTR: 2.81, share: 10 },
      { __line: 5, Day: '2026-01-02', Impressions: 980, Cost: 980.1, CTR: 4.08, share: 45.2 },
      { __line: 6, Day: '2026-01-01', Impressions: 12345, Cost: 2345.67, CTR: 1, share: 10 },
      { __line: 7, Day: '2026-01-02', Impressions: 10001, Cost: 1999, CTR: 0.99, share: 90 },
    ]);
  });
});

describe('GA4 "Report CSV Export" (# preamble, Grand total first with one extra field, two tables)', () => {
  it('loads the first table, removes Grand total, and lists the second table', async () => {
    const r = await importFixture(engine, 'ga4-comment-preamble-grand-total-two-tables.csv');
    expect([r.headerLine, r.skippedLines, r.rows]).toEqual([9, 8, 3]);
    expect(r.statedRange).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(r.tables.map((t) => [t.index, t.headerLine, t.endLine])).toEqual([
      [0, 9, 14],
      [1, 18, 22],
    ]);
    expect(r.tables[1]!.preview).toEqual(['Date', 'Sessions']);
    expect(r.log.some((l) => l.option === 'tableIndex' && l.message.includes('2 tables'))).toBe(true);
    expect(r.summaryRows.map((s) => [s.line, s.label])).toEqual([[10, 'Grand total']]);
    expect(r.summaryRows[0]!.values['Sessions']).toBe('2600');
  });

  it('ga4 grand total with an extra field adds no phantom column and no ragged-row warning', async () => {
    const r = await importFixture(engine, 'ga4-comment-preamble-grand-total-two-tables.csv');
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'Session primary channel group (Default Channel Group):VARCHAR',
      'Sessions:BIGINT',
      'Engaged sessions:BIGINT',
      'Engagement rate:DOUBLE',
      'Event count:BIGINT',
    ]);
    expect(r.warnings).toEqual([]);
    const rows = await typedRows(engine, r, '__line, "Sessions", "Engagement rate" AS rate');
    expect(rows).toEqual([
      { __line: 11, Sessions: 1200, rate: 0.6666666667 },
      { __line: 12, Sessions: 900, rate: 0.5 },
      { __line: 13, Sessions: 500, rate: 0.56 },
    ]);
  });

  it('tableIndex picks the second table, with its own header line and YYYYMMDD dates', async () => {
    const r = await importFixture(engine, 'ga4-comment-preamble-grand-total-two-tables.csv', { tableIndex: 1 });
    expect([r.headerLine, r.skippedLines, r.rows]).toEqual([18, 17, 3]);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Date:DATE', 'Sessions:BIGINT']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 19, Date: '2026-01-01', Sessions: 80 },
      { __line: 20, Date: '2026-01-02', Sessions: 95 },
      { __line: 21, Date: '2026-01-03', Sessions: 110 },
    ]);
  });
});

describe('LinkedIn Campaign Manager ("Report Start: …" metadata)', () => {
  it('skips the metadata block and reads M/D/YYYY dates', async () => {
    const r = await importFixture(engine, 'linkedin-report-start-metadata.csv');
    expect([r.headerLine, r.skippedLines, r.rows, r.dateOrder]).toEqual([7, 6, 3, 'MDY']);
    expect(r.preamble[1]).toBe('Report Start: Jan 1, 2026, 12:00 AM');
    expect(r.statedRange).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(col(r, 'Start Date (in UTC)').type).toBe('DATE');
    expect(col(r, 'Click Through Rate').type).toBe('DOUBLE');
    expect(await typedRows(engine, r, '__line, "Start Date (in UTC)" AS d, "Total Spent" AS spent')).toEqual([
      { __line: 8, d: '2026-01-02', spent: 120.55 },
      { __line: 9, d: '2026-01-15', spent: 98.1 },
      { __line: 10, d: '2026-01-31', spent: 310 },
    ]);
  });
});

describe('CM360 (key-value block ending at "Report Fields", "Grand Total:" footer)', () => {
  it('starts at the real header, removes the Grand Total row and states the report range', async () => {
    const r = await importFixture(engine, 'cm360-report-fields-grand-total.csv');
    expect([r.headerLine, r.skippedLines, r.rows]).toEqual([7, 6, 3]);
    expect(r.tables.length).toBe(1);
    expect(r.summaryRows.map((s) => [s.line, s.label])).toEqual([[11, 'Grand Total:']]);
    expect(r.summaryRows[0]!.values['Media Cost']).toBe('165.30');
    expect(r.columns.map((c) => c.type)).toEqual(['DATE', 'VARCHAR', 'BIGINT', 'BIGINT', 'BIGINT', 'DOUBLE']);
  });

  it('cm360 stated range comes from the "Date Range" line, not the report time', async () => {
    const r = await importFixture(engine, 'cm360-report-fields-grand-total.csv');
    expect(r.statedRange).toEqual({ start: '2026-01-01', end: '2026-01-31' });
  });
});

describe('Meta Ads Manager (UTF-8 BOM)', () => {
  it('drops the BOM from the first header name and keeps accents and symbols', async () => {
    const r = await importFixture(engine, 'meta-ads-utf8-bom.csv');
    expect([r.encoding, r.headerLine, r.skippedLines, r.rows]).toEqual(['utf-8-bom', 1, 0, 2]);
    expect(r.columns[0]!.name).toBe('Reporting starts');
    expect(col(r, 'Reporting starts').type).toBe('DATE');
    expect(col(r, 'Ends').type).toBe('VARCHAR');
    expect([col(r, 'Results').type, col(r, 'Results').nulls]).toEqual(['BIGINT', 1]);
    expect(await typedRows(engine, r, '__line, "Campaign name" AS c, "Amount spent (EUR)" AS spent')).toEqual([
      { __line: 2, c: 'Frühling – Sale', spent: 54.2 },
      { __line: 3, c: 'Retargeting ✓', spent: 12 },
    ]);
  });
});

describe('TikTok and Microsoft Advertising (simple CSVs)', () => {
  it('reads TikTok types and percents', async () => {
    const r = await importFixture(engine, 'tiktok-ads-simple.csv');
    expect([r.headerLine, r.rows]).toEqual([1, 2]);
    expect(r.columns.map((c) => c.type)).toEqual(['VARCHAR', 'DATE', 'DOUBLE', 'BIGINT', 'BIGINT', 'DOUBLE', 'BIGINT']);
    expect(await typedRows(engine, r, '__line, "CTR", "Cost"')).toEqual([
      { __line: 2, CTR: 0.79, Cost: 25.4 },
      { __line: 3, CTR: 0.86, Cost: 30.1 },
    ]);
  });

  it('reads Microsoft Ads quoted names with commas and grouped spend', async () => {
    const r = await importFixture(engine, 'microsoft-ads-simple.csv');
    expect(r.rows).toBe(2);
    expect(await typedRows(engine, r, '__line, "Campaign", "Spend", "Conv."')).toEqual([
      { __line: 2, Campaign: 'Brand, Exact', Spend: 1230.4, 'Conv.': 5 },
      { __line: 3, Campaign: 'Generic', Spend: 14.1, 'Conv.': 0 },
    ]);
  });
});

describe('CSV saved from Excel', () => {
  it('excel title row padded with empty cells is not taken as the header', async () => {
    const r = await importFixture(engine, 'excel-saved-title-row-padded.csv');
    expect([r.headerLine, r.skippedLines, r.rows]).toEqual([3, 2, 2]);
    expect(r.preamble).toEqual(['Campaign report', 'January 1, 2026 - January 31, 2026']);
    expect(r.statedRange).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Campaign:VARCHAR', 'Clicks:BIGINT', 'Cost:DOUBLE', 'CTR:DOUBLE']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 4, Campaign: 'Brand', Clicks: 10, Cost: 1234.5, CTR: 2.81 },
      { __line: 5, Campaign: 'Generic', Clicks: 20, Cost: 0.25, CTR: 1 },
    ]);
  });
});
