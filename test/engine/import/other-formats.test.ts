/** XLSX (two sheets, written by hand as a real zip of XML), JSON, NDJSON and Parquet through the importer. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../../electron/cli/load';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { nodeParquet } from '../../../electron/engine/parquet-node';
import { col, importFixture, tempDir, typedRows, writeXlsx } from './helpers';

let engine: NodeEngine;
let dir: string;
beforeAll(async () => {
  engine = await NodeEngine.create();
  dir = tempDir();
});
afterAll(async () => {
  await engine.close();
});

describe('XLSX', () => {
  const sheets = [
    {
      name: 'Campaigns',
      rows: [
        ['Campaign report'],
        ['Campaign', 'Day', 'Clicks', 'Cost', 'CTR'],
        ['Brand', '2026-01-01', 10, 1234.5, '2.81%'],
        ['Generic', '2026-01-02', 20, 0.25, '--'],
        ['Total', null, 30, 1234.75, '2.00%'],
      ],
    },
    {
      name: 'Daily sessions',
      rows: [
        ['Date', 'Sessions'],
        ['20260101', 80],
        ['20260102', 95],
      ],
    },
  ];

  it('xlsx title row padded with empty cells is not taken as the header; first sheet loaded, the other listed', async () => {
    const file = path.join(dir, 'two-sheets.xlsx');
    writeXlsx(file, sheets);
    const r = await loadFile(engine, file);
    expect(r.format).toBe('xlsx');
    expect(r.sheets).toEqual(['Campaigns', 'Daily sessions']);
    expect(r.log[0]).toMatchObject({ level: 'warning', option: 'sheet', message: 'Sheet "Campaigns" loaded; the workbook also has "Daily sessions".' });
    expect([r.headerLine, r.skippedLines, r.rows]).toEqual([2, 1, 2]);
    expect(r.summaryRows.map((s) => [s.line, s.label])).toEqual([[5, 'Total']]);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Campaign:VARCHAR', 'Day:DATE', 'Clicks:BIGINT', 'Cost:DOUBLE', 'CTR:DOUBLE']);
    expect([col(r, 'CTR').percent, col(r, 'CTR').placeholders]).toEqual([true, 1]);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 3, Campaign: 'Brand', Day: '2026-01-01', Clicks: 10, Cost: 1234.5, CTR: 2.81 },
      { __line: 4, Campaign: 'Generic', Day: '2026-01-02', Clicks: 20, Cost: 0.25, CTR: null },
    ]);
  });

  it('the sheet option picks another sheet; an unknown sheet is a clear error', async () => {
    const file = path.join(dir, 'two-sheets-choice.xlsx');
    writeXlsx(file, sheets);
    const r = await loadFile(engine, file, { sheet: 'Daily sessions' });
    expect([r.headerLine, r.rows]).toEqual([1, 2]);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Date: '2026-01-01', Sessions: 80 },
      { __line: 3, Date: '2026-01-02', Sessions: 95 },
    ]);
    await expect(loadFile(engine, file, { sheet: 'Nope' })).rejects.toThrow('two-sheets-choice.xlsx has no sheet called "Nope". Sheets: Campaigns, Daily sessions.');
  });

  it('an .xlsx named .csv is recognised by its bytes and read as a workbook, with a warning', async () => {
    const file = path.join(dir, 'really-a-workbook.csv');
    writeXlsx(file, sheets.slice(1));
    const r = await loadFile(engine, file);
    expect(r.format).toBe('xlsx');
    expect(r.rows).toBe(2);
    expect(r.warnings[0]).toBe('really-a-workbook.csv is named .csv but is really an Excel workbook; it was read as one.');
  });
});

describe('JSON and NDJSON', () => {
  it('a JSON array of records, nested objects flattened to "meta.channel"', async () => {
    const r = await importFixture(engine, 'records-array.json');
    expect([r.format, r.rows]).toEqual(['json', 2]);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['campaign:VARCHAR', 'clicks:BIGINT', 'cost:DOUBLE', 'meta.channel:VARCHAR']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, campaign: 'A', clicks: 10, cost: 1.5, 'meta.channel': 'search' },
      { __line: 3, campaign: 'B', clicks: 20, cost: 2.25, 'meta.channel': 'social' },
    ]);
  });

  it('NDJSON with a blank line and a JSON null', async () => {
    const r = await importFixture(engine, 'records.ndjson');
    expect([r.format, r.rows]).toEqual(['ndjson', 3]);
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.nulls}`)).toEqual(['campaign:VARCHAR:0', 'clicks:BIGINT:1', 'day:DATE:0']);
    expect(await typedRows(engine, r, 'campaign, clicks, day')).toEqual([
      { campaign: 'A', clicks: 10, day: '2026-01-01' },
      { campaign: 'B', clicks: 20, day: '2026-01-02' },
      { campaign: 'C', clicks: null, day: '2026-01-03' },
    ]);
  });
});

describe('JSON IDs above 2^53', () => {
  it('json ids above 2^53 keep every digit (JSON.parse would round 12345678901234567)', async () => {
    const r = await importFixture(engine, 'json-ids-above-2-pow-53.json');
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['ad_id:BIGINT', 'name:VARCHAR', 'spend:DOUBLE']);
    expect(await typedRows(engine, r, 'ad_id, name, spend')).toEqual([
      { ad_id: '12345678901234567', name: 'A "x" 99999999999999999', spend: 1.5 },
      { ad_id: '9007199254740993', name: 'B', spend: -2000 },
    ]);
    const nd = await importFixture(engine, 'ndjson-ids-above-2-pow-53.ndjson');
    expect((await typedRows(engine, nd, 'ad_id')).map((x) => x.ad_id)).toEqual(['12345678901234567', '120212345678901234']);
  });
});

describe('Parquet', () => {
  it('keeps the file types and values, IDs above 2^53 included; __line is the row number', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE pq_src AS SELECT * FROM (VALUES
      (1, 'Brand', DATE '2026-01-01', 1234.5::DOUBLE, 12345678901234567::BIGINT, true, TIMESTAMP '2026-01-01 10:30:00'),
      (2, 'Générique, "quoted"', DATE '2026-01-02', NULL, 9007199254740993::BIGINT, false, NULL)
    ) t(n, campaign, day, cost, ad_id, active, seen)`);
    const bytes = await nodeParquet.fromIPC(await engine.queryArrowIPC('SELECT * FROM pq_src ORDER BY n'));
    const file = path.join(dir, 'typed.parquet');
    writeFileSync(file, bytes);
    const r = await loadFile(engine, file);
    expect([r.format, r.encoding, r.headerLine, r.rows]).toEqual(['parquet', 'binary', null, 2]);
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.nulls}`)).toEqual([
      'n:INTEGER:0',
      'campaign:VARCHAR:0',
      'day:DATE:0',
      'cost:DOUBLE:1',
      'ad_id:BIGINT:0',
      'active:BOOLEAN:0',
      'seen:TIMESTAMP:1',
    ]);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 1, n: 1, campaign: 'Brand', day: '2026-01-01', cost: 1234.5, ad_id: '12345678901234567', active: true, seen: '2026-01-01 10:30:00' },
      { __line: 2, n: 2, campaign: 'Générique, "quoted"', day: '2026-01-02', cost: null, ad_id: '9007199254740993', active: false, seen: null },
    ]);
  });
});
