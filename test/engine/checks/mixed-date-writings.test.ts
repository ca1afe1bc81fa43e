/**
 * A date column written two ways (2026-02-01 in most rows, 03/01/2026 in one) is kept as text by the
 * importer, which types a date column from one way of writing. Every cell still reads as a date, so
 * invalid_format's "cannot be read as a date" test found nothing: the column lost its dates (no date
 * checks, no daily series) without a word. Now the cells written the less common way are named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { runChecks } from '../../../shared/checks/runner';
import { importFile } from '../../../shared/import/index';
import { byCheck } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

async function audit(text: string) {
  const result = await importFile(engine, { path: 'dates.csv', name: 'dates.csv', bytes: new TextEncoder().encode(text) });
  const { dataset } = await analyseImport(engine, result);
  return { result, findings: await runChecks(engine, dataset, { referenceDate: '2026-03-02' }) };
}

const days = Array.from({ length: 28 }, (_, k) => `2026-02-${String(k + 1).padStart(2, '0')},Alpha,${k + 1}`);

describe('invalid_format: dates written two ways', () => {
  it('mixed_date_formats_kept_the_column_as_text_without_a_word: the odd cells are named', async () => {
    const { result, findings } = await audit(['Day,Campaign,Clicks', ...days, '03/01/2026,Alpha,29'].join('\n') + '\n');
    expect(result.columns.find((c) => c.name === 'Day')?.type).toBe('VARCHAR');
    const [f] = byCheck(findings, 'invalid_format');
    expect(f?.columns).toEqual(['Day']);
    expect(f?.rows).toBe(1);
    expect(f?.sample.map((s) => s.line)).toEqual([30]);
    expect(f?.message).toBe(`'Day' holds dates, but 1 value is written another way ("03/01/2026") than the rest ("2026-02-01"); because of them the whole column was read as text.`);
  });

  it('dates written one way are a date column and raise nothing', async () => {
    const { result, findings } = await audit(['Day,Campaign,Clicks', ...days].join('\n') + '\n');
    expect(result.columns.find((c) => c.name === 'Day')?.type).toBe('DATE');
    expect(byCheck(findings, 'invalid_format')).toEqual([]);
  });
});

describe('invalid_format: dates with both day orders', () => {
  it('mixed_day_orders_kept_the_column_as_text_without_a_word: the cells in the less common order are named', async () => {
    const dayFirst = Array.from({ length: 20 }, (_, k) => `${String(k + 1).padStart(2, '0')}/01/2026,Alpha,${k + 1}`);
    const { result, findings } = await audit(['Day,Campaign,Clicks', ...dayFirst, '01/25/2026,Alpha,21'].join('\n') + '\n');
    expect(result.columns.find((c) => c.name === 'Day')?.type).toBe('VARCHAR');
    const [f] = byCheck(findings, 'invalid_format');
    expect(f?.rows).toBe(1);
    expect(f?.sample.map((s) => s.line)).toEqual([22]);
    expect(f?.message).toBe(`'Day' holds dates, but 1 value puts the month first ("01/25/2026") where the rest put the day first ("13/01/2026"); because of them the whole column was read as text.`);
  });

  it('day-first dates, some of which could be read either way, are a date column and raise nothing', async () => {
    const dayFirst = Array.from({ length: 20 }, (_, k) => `${String(k + 1).padStart(2, '0')}/01/2026,Alpha,${k + 1}`);
    const { result, findings } = await audit(['Day,Campaign,Clicks', ...dayFirst].join('\n') + '\n');
    expect(result.columns.find((c) => c.name === 'Day')?.type).toBe('DATE');
    expect(byCheck(findings, 'invalid_format')).toEqual([]);
  });
});
