/**
 * Per-record repair of stray quotes, and rows that are not data (a totals row first with an extra
 * field, a column-description row under the header): real files, real duckdb-wasm, exact cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { UNLABELLED_TOTALS } from '../../../shared/import/delimited';
import { importFixture, rawRows, typedRows } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('stray quotes', () => {
  it('stray quotes in several positions never swallow the next line; each broken line is reported and keeps its text', async () => {
    const r = await importFixture(engine, 'stray-quotes-several-positions.csv');
    expect([r.rows, r.columns.map((c) => `${c.name}:${c.type}`)]).toEqual([6, ['id:BIGINT', 'name:VARCHAR', 'height:VARCHAR', 'note:VARCHAR']]);
    expect(r.warnings).toEqual([
      'Stray quote on line(s) 3, 6: each was read as plain text on its own line (its quotes kept as text) instead of swallowing the lines after it.',
    ]);
    const repair = r.log.find((l) => l.message.includes('stray quote re-read'))!;
    expect(repair.lines).toEqual([3, 6]);
    expect(repair.message).toContain('line 3 "2,\\"Ann,160,quote at the start of a field that never closes"');
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, id: 1, name: 'Bob', height: `5'11" tall`, note: 'quote inside a field' },
      { __line: 3, id: 2, name: '"Ann', height: '160', note: 'quote at the start of a field that never closes' },
      { __line: 4, id: 3, name: 'Cid', height: '170', note: 'quoted, with comma' },
      { __line: 5, id: 4, name: 'Dee', height: '180', note: 'ends with a quote"' },
      { __line: 6, id: 5, name: '"Big" Joe', height: '175', note: 'quote closes mid-field' },
      { __line: 7, id: 6, name: 'Eve', height: '165', note: 'last, quoted' },
    ]);
  });

  it('stray quote that pairs with a quote on the next line right before a delimiter: both lines kept (the record alone had the right width)', async () => {
    const r = await importFixture(engine, 'stray-quote-pairs-with-next-line-same-width.csv');
    expect(r.rows).toBe(3);
    expect(r.warnings).toEqual(['Stray quote on line(s) 2: each was read as plain text on its own line (its quotes kept as text) instead of swallowing the lines after it.']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, id: 1, name: '"Ann', note: 'quote opens here' },
      { __line: 3, id: 2, name: 'Bob"', note: 'and closes here before a delimiter' },
      { __line: 4, id: 3, name: 'Cid', note: 'plain' },
    ]);
  });
});

describe('summary and description rows', () => {
  it('ga4 explorations: an unlabelled totals row first, with one extra field, is a summary row; quoted URLs keep their ";"', async () => {
    const r = await importFixture(engine, 'ga4-explorations-grand-total-first-empty-first-cell.csv');
    expect([r.delimiter, r.headerLine, r.skippedLines, r.rows, r.warnings]).toEqual([',', 7, 6, 3, []]);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'Page location:VARCHAR',
      'Session source / medium:VARCHAR',
      'Views:BIGINT',
      'Active users:BIGINT',
      'Event count:BIGINT',
      'Engagement rate:DOUBLE',
      'Total revenue:DOUBLE',
    ]);
    expect(r.summaryRows).toEqual([
      {
        line: 8,
        label: UNLABELLED_TOTALS,
        values: { Views: '4200', 'Active users': '1300', 'Event count': '9800', 'Engagement rate': '0.61', 'Total revenue': '520.5' },
      },
    ]);
    expect(r.log.find((l) => l.option === 'keepSummaryRows')!.lines).toEqual([8]);
    expect(await typedRows(engine, r, '__line, "Page location" AS url, "Views"')).toEqual([
      { __line: 9, url: 'https://shop.example.com/product?id=1;ref=newsletter;utm_source=mail&utm_medium=email&utm_campaign=spring_sale_2026_long_name', Views: 2500 },
      { __line: 10, url: 'https://shop.example.com/cart;jsessionid=ABC123DEF456?step=2&utm_source=facebook&utm_medium=paid_social&utm_content=carousel_v2', Views: 1200 },
      { __line: 11, url: 'https://shop.example.com/;lang=de?q=running+shoes;sort=price', Views: 500 },
    ]);
    const kept = await importFixture(engine, 'ga4-explorations-grand-total-first-empty-first-cell.csv', { keepSummaryRows: true });
    expect(kept.rows).toBe(4);
  });

  it('grand total first with its label in the fourth column and one extra field: a summary row with its label, no extra column', async () => {
    const r = await importFixture(engine, 'ga4-grand-total-label-in-fourth-column-extra-field.csv');
    expect([r.rows, r.warnings, r.columns.length]).toEqual([3, [], 7]);
    expect(r.summaryRows).toEqual([{ line: 2, label: 'Grand total', values: { 'Session source / medium': 'Grand total', Sessions: '1500', 'Engaged sessions': '900', 'Total revenue': '250.75' } }]);
    expect((await typedRows(engine, r, '__line, "Session source / medium" AS s, "Sessions"')).map((x) => [x.__line, x.s, x.Sessions])).toEqual([
      [3, 'google / organic', 800],
      [4, '(direct) / (none)', 500],
      [5, 'newsletter / email; spring', 200],
    ]);
  });

  it('business profile: the column-description row under the header is removed and kept with the columns; metrics stay numbers', async () => {
    const r = await importFixture(engine, 'business-profile-description-row-under-header.csv');
    expect([r.headerLine, r.headerRows, r.rows, r.warnings, r.summaryRows]).toEqual([1, 1, 3, [], []]);
    expect(r.columns.filter((c) => c.type !== 'VARCHAR').map((c) => c.name)).toEqual([
      'Overall rating',
      'Business Profile interactions',
      'Calls',
      'Bookings',
      'Directions',
      'Website clicks',
      'Messages',
      'Searches',
      'Views on Search mobile',
      'Views on Search desktop',
      'Views on Maps mobile',
      'Views on Maps desktop',
    ]);
    expect(r.columnDescriptions!['Calls']).toBe('Number of times people called the business from the profile');
    expect(r.columnDescriptions!['Views on Maps desktop']).toBe('Number of times the profile was viewed on Maps, desktop');
    expect(Object.keys(r.columnDescriptions!)).toHaveLength(12);
    expect(r.descriptionLine).toBe(2);
    const entry = r.log.find((l) => l.message.startsWith('Line 2 describes the columns'))!;
    expect([entry.level, entry.lines]).toEqual(['change', [2]]);
    expect(await typedRows(engine, r, '__line, "Store code" AS s, "Address", "Overall rating" AS rating, "Calls", "Views on Maps desktop" AS maps')).toEqual([
      { __line: 3, s: 'S001', Address: '1 Main St, Springfield', rating: 4.6, Calls: 40, maps: 120 },
      { __line: 4, s: 'S002', Address: '22 North Rd, Springfield', rating: 4.2, Calls: 22, maps: 90 },
      { __line: 5, s: 'S003', Address: '9 South Ave, Springfield', rating: 3.9, Calls: 10, maps: 45 },
    ]);
    expect((await rawRows(engine, r, '__line')).map((x) => x.__line)).toEqual([3, 4, 5]);
  });
});
