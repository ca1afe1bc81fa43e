/**
 * Structure detection by scoring candidates (dialect × header): one polluted fixture per quirk, each
 * read by the real importer into real duckdb-wasm, asserting the exact header, rows and cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { importFixture, rawRows, typedRows } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const names = (r: { columns: { name: string; type: string }[] }) => r.columns.map((c) => `${c.name}:${c.type}`);

describe('preamble padded with delimiters (Excel title above a table)', () => {
  it('excel preamble padded with delimiters: the title and the row of commas are skipped, every row loads', async () => {
    const r = await importFixture(engine, 'excel-preamble-padded-with-delimiters.csv');
    expect([r.headerLine, r.headerRows, r.skippedLines, r.rows, r.tables.length]).toEqual([3, 1, 2, 3, 1]);
    expect(r.preamble).toEqual(['PREAMBLE']);
    expect(names(r)).toEqual([
      'Campaign:VARCHAR',
      'Day:DATE',
      'Impressions:BIGINT',
      'Clicks:BIGINT',
      'Cost:DOUBLE',
      'CTR:DOUBLE',
      'Conversions:BIGINT',
      'Network:VARCHAR',
      'Status:VARCHAR',
    ]);
    expect(r.warnings).toEqual([]);
    // The row of commas inside the table (line 6) is a blank row, not a row of empty cells.
    expect(r.log.some((l) => l.message === '1 blank line(s) inside the table skipped.')).toBe(true);
    expect(await typedRows(engine, r, '__line, "Campaign", "Day", "Clicks", "Cost", "CTR", "Status"')).toEqual([
      { __line: 4, Campaign: 'Brand', Day: '2026-01-01', Clicks: 30, Cost: 12.5, CTR: 2.5, Status: 'Enabled' },
      { __line: 5, Campaign: 'Generic', Day: '2026-01-02', Clicks: 12, Cost: 8.25, CTR: 1.33, Status: 'Paused' },
      { __line: 7, Campaign: 'Display', Day: '2026-01-03', Clicks: 5, Cost: 2, CTR: 0.1, Status: 'Enabled' },
    ]);
  });
});

describe('dialects', () => {
  it('single-quote quoting: quotes are removed, commas inside them stay in the value, doubled quotes are one', async () => {
    const r = await importFixture(engine, 'single-quote-quoting.csv');
    expect([r.delimiter, r.rows, r.warnings]).toEqual([',', 3, []]);
    expect(r.log.find((l) => l.option === 'quote')!.message).toMatch(/^Quotes: single quotes/);
    expect(names(r)).toEqual(['ProductID:BIGINT', 'ProductDescription:VARCHAR', 'Price:DOUBLE']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, ProductID: 1, ProductDescription: 'long text, with commas', Price: 9.99 },
      { __line: 3, ProductID: 2, ProductDescription: 'plain', Price: 12.5 },
      { __line: 4, ProductID: 3, ProductDescription: "it's doubled", Price: 3 },
    ]);
  });

  it('space delimiter, with a double-quoted value holding a space', async () => {
    const r = await importFixture(engine, 'space-delimiter.csv');
    expect([r.delimiter, r.rows, r.warnings]).toEqual([' ', 3, []]);
    expect(r.log.find((l) => l.option === 'delimiter')!.message).toMatch(/^Delimiter: space/);
    expect(names(r)).toEqual(['Campaign:VARCHAR', 'Clicks:BIGINT', 'Cost:DOUBLE']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Campaign: 'Brand', Clicks: 10, Cost: 1.5 },
      { __line: 3, Campaign: 'Generic Search', Clicks: 20, Cost: 2.25 },
      { __line: 4, Campaign: 'Display', Clicks: 30, Cost: 0.75 },
    ]);
  });

  it('comma-and-space delimiter: no leading spaces in names or values, quoted "Paris, France" stays whole', async () => {
    const r = await importFixture(engine, 'comma-space-delimiter.csv');
    expect([r.delimiter, r.headerLine, r.rows, r.warnings]).toEqual([', ', 1, 3, []]);
    expect(names(r)).toEqual(['Name:VARCHAR', 'Age:BIGINT', 'City:VARCHAR', 'Spend:DOUBLE']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Name: 'Alice', Age: 30, City: 'Paris, France', Spend: 12.5 },
      { __line: 3, Name: 'Bob', Age: 41, City: 'Berlin', Spend: 7.25 },
      { __line: 4, Name: 'Carol', Age: 29, City: 'Rome, Italy', Spend: 0.99 },
    ]);
  });

  it('backslash-escaped quotes (\\") and backslashes (\\\\); \\N is an empty cell; an escaped NUL (\\0) is removed and logged', async () => {
    const r = await importFixture(engine, 'backslash-escaped-quotes.csv');
    expect([r.delimiter, r.rows, r.warnings]).toEqual([',', 5, []]);
    expect(r.log.some((l) => l.message.startsWith('1 escaped NUL character(s) (\\0) removed'))).toBe(true);
    expect(r.log.find((l) => l.option === 'quote')!.message).toContain('as \\"');
    expect(r.log.some((l) => l.message.startsWith('1 cell(s) written as \\N'))).toBe(true);
    expect(names(r)).toEqual(['id:BIGINT', 'title:VARCHAR', 'views:BIGINT']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, id: 1, title: 'She said "hi"', views: 10 },
      { __line: 3, id: 2, title: 'Path C:\\temp', views: 20 },
      { __line: 4, id: 3, title: 'Comma, inside "quotes", too', views: 30 },
      { __line: 5, id: 4, title: null, views: 40 },
      { __line: 6, id: 5, title: 'nulbyte', views: 50 },
    ]);
  });

  it('a dialect can be overridden: double quotes only makes the single quotes text again', async () => {
    const r = await importFixture(engine, 'single-quote-quoting.csv', { quote: '"' });
    expect(r.columns.map((c) => c.name)).toEqual(["'ProductID'", "'ProductDescription'", "'Price'", 'extra_1']);
    expect(r.log.find((l) => l.option === 'quote')!.message).toContain('(chosen by you)');
  });
});

describe('header height', () => {
  it('header on two lines: the parts are joined into one name per column', async () => {
    const r = await importFixture(engine, 'header-two-lines.csv');
    expect([r.headerLine, r.headerRows, r.rows, r.warnings]).toEqual([1, 2, 2, []]);
    expect(r.log.find((l) => l.option === 'headerRows')!.message).toBe('Header: line 1–2 (2 lines joined into one name per column).');
    expect(names(r)).toEqual(['Campaign Name:VARCHAR', 'Total Spend:DOUBLE', 'Total Clicks:BIGINT', 'Conversion Rate:DOUBLE']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 3, 'Campaign Name': 'Brand', 'Total Spend': 10.5, 'Total Clicks': 100, 'Conversion Rate': 2.1 },
      { __line: 4, 'Campaign Name': 'Generic', 'Total Spend': 5.25, 'Total Clicks': 40, 'Conversion Rate': 1.5 },
    ]);
  });

  it('header on three lines with merged group labels: each label spans the cells to its right', async () => {
    const r = await importFixture(engine, 'header-three-lines-merged-groups.csv');
    expect([r.headerLine, r.headerRows, r.rows, r.warnings]).toEqual([1, 3, 2, []]);
    expect(names(r)).toEqual(['Date:DATE', 'Paid Search Sessions:BIGINT', 'Paid Search Users:BIGINT', 'Organic Social Sessions:BIGINT', 'Organic Social Users:BIGINT']);
    expect(r.columns.map((c) => c.originalName)).toEqual(['Date', 'Paid Search Sessions', 'Paid Search Users', 'Organic Social Sessions', 'Organic Social Users']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 4, Date: '2026-01-01', 'Paid Search Sessions': 10, 'Paid Search Users': 5, 'Organic Social Sessions': 20, 'Organic Social Users': 8 },
      { __line: 5, Date: '2026-01-02', 'Paid Search Sessions': 12, 'Paid Search Users': 6, 'Organic Social Sessions': 25, 'Organic Social Users': 9 },
    ]);
  });

  it('the header height can be overridden (1 keeps the second line as a row)', async () => {
    const r = await importFixture(engine, 'header-two-lines.csv', { headerRows: 1 });
    expect([r.headerRows, r.rows]).toEqual([1, 3]);
    expect(r.columns.map((c) => c.name)).toEqual(['Campaign', 'Total', 'Total_2', 'Conversion']);
  });

  it('no header: a first row of dates, names and prices is data; columns are column_1…', async () => {
    const r = await importFixture(engine, 'no-header-first-row-data.csv');
    expect([r.headerLine, r.headerRows, r.skippedLines, r.rows, r.warnings]).toEqual([1, 0, 0, 3, []]);
    expect(r.log.find((l) => l.option === 'headerRows')!.message).toMatch(/^No header: line 1 already holds values/);
    expect(names(r)).toEqual(['column_1:DATE', 'column_2:VARCHAR', 'column_3:BIGINT', 'column_4:DOUBLE']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 1, column_1: '2026-01-01', column_2: 'Brand', column_3: 10, column_4: 1.5 },
      { __line: 2, column_1: '2026-01-02', column_2: 'Generic', column_3: 20, column_4: 2.25 },
      { __line: 3, column_1: '2026-01-03', column_2: 'Display', column_3: 30, column_4: 0.75 },
    ]);
    const asHeader = await importFixture(engine, 'no-header-first-row-data.csv', { headerRows: 1 });
    expect([asHeader.rows, asHeader.columns[0]!.name]).toEqual([2, '2026-01-01']);
  });

  it('google trends TOP and RISING: two headerless two-column tables under section titles', async () => {
    const r = await importFixture(engine, 'google-trends-top-rising-headerless.csv');
    expect(r.tables.map((t) => [t.headerLine, t.endLine, t.preview])).toEqual([
      [4, 7, ['running shoes', '100']],
      [9, 13, ['carbon plate running shoes', 'Breakout']],
    ]);
    expect([r.headerLine, r.headerRows, r.rows]).toEqual([4, 0, 3]);
    expect(r.preamble).toEqual(['Category: All categories', 'TOP']);
    expect(names(r)).toEqual(['column_1:VARCHAR', 'column_2:BIGINT']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 4, column_1: 'running shoes', column_2: 100 },
      { __line: 5, column_1: 'trail running shoes', column_2: 45 },
      { __line: 6, column_1: 'running shoes women', column_2: 38 },
    ]);
    const rising = await importFixture(engine, 'google-trends-top-rising-headerless.csv', { tableIndex: 1 });
    expect([rising.headerLine, rising.headerRows, rising.rows]).toEqual([9, 0, 4]);
    expect(await rawRows(engine, rising)).toEqual([
      { __line: 9, column_1: 'carbon plate running shoes', column_2: 'Breakout' },
      { __line: 10, column_1: 'super shoes', column_2: 'Breakout' },
      { __line: 11, column_1: 'running shoes 2026', column_2: '+350%' },
      { __line: 12, column_1: 'recovery shoes', column_2: '+120%' },
    ]);
  });
});
