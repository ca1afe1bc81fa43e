/** Values: decimal commas, currencies, dates in every order, epoch ms, huge IDs, header names, ragged rows, encodings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { exportTable } from '../../../shared/import/export';
import { col, importFixture, rawRows, typedRows } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('number formats', () => {
  it('semicolon file: decimal commas "1.234,56", "€ 12,50", "2,81%" and DD.MM.YYYY dates', async () => {
    const r = await importFixture(engine, 'semicolon-decimal-comma-euro.csv');
    expect([r.delimiter, r.decimalSeparator, r.dateOrder, r.rows]).toEqual([';', ',', 'DMY', 3]);
    expect(r.log.find((l) => l.option === 'decimalSeparator')!.message).toContain('"1.234,56"');
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.kind}`)).toEqual([
      'Kampagne:VARCHAR:text',
      'Datum:DATE:date',
      'Impressionen:BIGINT:integer',
      'Kosten:DOUBLE:decimal',
      'Umsatz:DOUBLE:currency',
      'CTR:DOUBLE:percent',
    ]);
    expect(col(r, 'Umsatz').currency).toBe('€');
    expect(col(r, 'CTR').percent).toBe(true);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Kampagne: 'Frühjahr', Datum: '2026-01-15', Impressionen: 1234, Kosten: 1234.56, Umsatz: 12.5, CTR: 2.81 },
      { __line: 3, Kampagne: 'Sommer', Datum: '2026-01-16', Impressionen: 987, Kosten: 45.1, Umsatz: 1005, CTR: 0.5 },
      { __line: 4, Kampagne: 'Herbst', Datum: '2026-01-17', Impressionen: 12000, Kosten: 0.99, Umsatz: 0.75, CTR: 10 },
    ]);
  });

  it('decimals shown and currency marks are counted per number column at import', async () => {
    const semi = await importFixture(engine, 'semicolon-decimal-comma-euro.csv');
    expect(semi.columns.map((c) => [c.name, c.decimals, c.symbols])).toEqual([
      ['Kampagne', undefined, undefined],
      ['Datum', undefined, undefined],
      ['Impressionen', 0, {}],
      ['Kosten', 2, {}],
      ['Umsatz', 2, { '€': 3 }],
      ['CTR', 2, {}],
    ]);
    const usd = await importFixture(engine, 'currency-codes-usd.csv');
    expect(usd.columns.map((c) => [c.name, c.decimals, c.symbols])).toEqual([
      ['Campaign', undefined, undefined],
      ['Spend', 2, { USD: 3 }],
      ['Revenue', 2, { USD: 2 }],
    ]);
    const mixed = await importFixture(engine, '../checks/mixed-currency-symbols-in-cost.csv');
    expect([col(mixed, 'Cost').kind, col(mixed, 'Cost').decimals, col(mixed, 'Cost').symbols]).toEqual(['currency', 2, { $: 3, '€': 1 }]);
  });

  it('currency codes "USD 10" and "USD 1,250.00"; "--" is a placeholder', async () => {
    const r = await importFixture(engine, 'currency-codes-usd.csv');
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.currency ?? ''}`)).toEqual(['Campaign:VARCHAR:', 'Spend:DOUBLE:USD', 'Revenue:DOUBLE:USD']);
    expect([col(r, 'Revenue').nulls, col(r, 'Revenue').placeholders]).toEqual([1, 1]);
    expect(await typedRows(engine, r, '__line, "Spend", "Revenue"')).toEqual([
      { __line: 2, Spend: 10, Revenue: 1250 },
      { __line: 3, Spend: 7.25, Revenue: 99.99 },
      { __line: 4, Spend: 0, Revenue: null },
    ]);
  });
});

describe('dates', () => {
  it('ISO, YYYYMMDD and MM/DD/YYYY in one file; order resolved from a day above 12', async () => {
    const r = await importFixture(engine, 'dates-iso-yyyymmdd-mdy.csv');
    expect(r.dateOrder).toBe('MDY');
    expect(r.warnings).toEqual([]);
    expect(r.columns.map((c) => c.type)).toEqual(['DATE', 'DATE', 'DATE', 'BIGINT']);
    expect(await typedRows(engine, r, '__line, iso, compact, us')).toEqual([
      { __line: 2, iso: '2026-01-05', compact: '2026-01-05', us: '2026-01-05' },
      { __line: 3, iso: '2026-01-20', compact: '2026-01-20', us: '2026-01-20' },
      { __line: 4, iso: '2026-02-28', compact: '2026-02-28', us: '2026-02-28' },
    ]);
  });

  it('DD-MM-YYYY: order resolved from a first part above 12', async () => {
    const r = await importFixture(engine, 'dates-dmy-dashes.csv');
    expect([r.dateOrder, r.warnings]).toEqual(['DMY', []]);
    expect(await typedRows(engine, r, '__line, "Day"')).toEqual([
      { __line: 2, Day: '2026-01-05' },
      { __line: 3, Day: '2026-01-20' },
      { __line: 4, Day: '2026-02-03' },
    ]);
  });

  it('ambiguous day/month is read one way and reported in warnings; the user can override', async () => {
    const r = await importFixture(engine, 'dates-ambiguous-day-month.csv');
    expect(r.dateOrder).toBe('MDY');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/could be day\/month or month\/day/);
    expect((await typedRows(engine, r, '"Date"')).map((x) => x.Date)).toEqual(['2026-01-02', '2026-03-04', '2026-05-06']);
    const d = await importFixture(engine, 'dates-ambiguous-day-month.csv', { dateOrder: 'DMY' });
    expect([d.dateOrder, d.warnings]).toEqual(['DMY', []]);
    expect((await typedRows(engine, d, '"Date"')).map((x) => x.Date)).toEqual(['2026-02-01', '2026-04-03', '2026-06-05']);
  });

  it('HubSpot epoch milliseconds become timestamps (UTC), empty cells NULL', async () => {
    const r = await importFixture(engine, 'hubspot-epoch-ms.csv');
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.kind}`)).toEqual([
      'Record ID:BIGINT:integer',
      'Email:VARCHAR:text',
      'Create Date:TIMESTAMP:epoch-ms',
      'Last Activity Date:TIMESTAMP:epoch-ms',
      'Lifecycle Stage:VARCHAR:text',
    ]);
    expect(col(r, 'Last Activity Date').nulls).toBe(1);
    expect(await typedRows(engine, r, '__line, "Create Date" AS c, "Last Activity Date" AS a')).toEqual([
      { __line: 2, c: '2026-01-01 00:00:00', a: '2026-01-02 00:00:00' },
      { __line: 3, c: '2026-01-01 01:00:00', a: null },
      { __line: 4, c: '2026-01-01 02:00:00.123', a: '2026-01-03 00:00:00' },
    ]);
  });
});

describe('identifiers and names', () => {
  it('IDs above 2^53 keep every digit, in query results and in exported CSV', async () => {
    const r = await importFixture(engine, 'ids-above-2-pow-53.csv');
    expect(col(r, 'Ad ID').type).toBe('BIGINT');
    const rows = await typedRows(engine, r, '"Ad ID" AS id');
    expect(rows.map((x) => x.id)).toEqual(['12345678901234567', '9007199254740993', '120212345678901234']);
    expect(JSON.stringify(rows)).toContain('"12345678901234567"');
    const csv = new TextDecoder().decode(await exportTable(engine, r, 'csv'));
    expect(csv.split('\n').slice(0, 4)).toEqual(['Ad ID,Ad name,Spend', '12345678901234567,Spring A,10.5', '9007199254740993,Spring B,11.0', '120212345678901234,Spring C,0.0']);
  });

  it('duplicate and empty header names are made unique and reported', async () => {
    const r = await importFixture(engine, 'duplicate-and-empty-headers.csv');
    expect(r.columns.map((c) => [c.name, c.originalName])).toEqual([
      ['Campaign', 'Campaign'],
      ['Clicks', 'Clicks'],
      ['Clicks_2', 'Clicks'],
      ['column_4', ''],
      ['Cost', 'Cost'],
    ]);
    const changes = r.log.filter((l) => l.level === 'change').map((l) => l.message);
    expect(changes).toContain('Column 3 repeats the name "Clicks"; it is called "Clicks_2".');
    expect(changes).toContain('Column 4 has no name in the header; it is called "column_4".');
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Campaign: 'A', Clicks: 1, Clicks_2: 2, column_4: 'x', Cost: 3.5 },
      { __line: 3, Campaign: 'B', Clicks: 4, Clicks_2: 5, column_4: 'y', Cost: 6.5 },
    ]);
  });

  it('ragged rows are reported and kept, never dropped', async () => {
    const r = await importFixture(engine, 'ragged-rows.csv');
    expect(r.rows).toBe(4);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Campaign:VARCHAR', 'Clicks:BIGINT', 'Cost:DOUBLE', 'extra_1:VARCHAR']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^2 row\(s\) do not have 3 fields/);
    expect(r.warnings[0]).toContain('line 3 has 2');
    expect(r.warnings[0]).toContain('line 4 has 4');
    expect(r.log.find((l) => l.message.startsWith('Ragged rows'))!.lines).toEqual([3, 4]);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Campaign: 'A', Clicks: 1, Cost: 2.5, extra_1: null },
      { __line: 3, Campaign: 'B', Clicks: 2, Cost: null, extra_1: null },
      { __line: 4, Campaign: 'C', Clicks: 3, Cost: 4.5, extra_1: 'surplus' },
      { __line: 5, Campaign: 'D', Clicks: 4, Cost: 5.5, extra_1: null },
    ]);
  });
});

describe('encodings', () => {
  it('windows-1252 punctuation (’ – €) is decoded, not turned into invisible control characters', async () => {
    const r = await importFixture(engine, 'windows-1252-accents.csv');
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings[0]).toMatch(/not valid UTF-8 \(first invalid byte on line 1\)/);
    expect(r.columns.map((c) => c.name)).toEqual(['Campagne', 'Région', 'Coût']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Campagne: 'Été', Région: 'Île-de-France', Coût: 12.5 },
      { __line: 3, Campagne: 'Noël', Région: 'Provence-Alpes-Côte d’Azur', Coût: 8 },
      { __line: 4, Campagne: 'Café – €5 off', Région: 'Zürich', Coût: 3.1 },
    ]);
    const raw = await rawRows(engine, r, '"Campagne", "Région"');
    expect(JSON.stringify(raw)).not.toMatch(/[\u0080-\u009f]/);
  });
});

describe('line endings', () => {
  it('mac lone-CR line endings are line breaks, not one long line', async () => {
    const r = await importFixture(engine, 'mac-cr-line-endings.csv');
    expect([r.headerLine, r.rows, r.warnings]).toEqual([1, 2, []]);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Campaign:VARCHAR', 'Clicks:BIGINT', 'Cost:DOUBLE']);
    expect(r.log.some((l) => l.message.startsWith('Lines end with a lone carriage return'))).toBe(true);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, Campaign: 'Brand', Clicks: 10, Cost: 1.5 },
      { __line: 3, Campaign: 'Generic', Clicks: 20, Cost: 2.25 },
    ]);
  });
});
