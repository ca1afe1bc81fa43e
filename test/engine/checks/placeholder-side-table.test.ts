/**
 * placeholder_values on a text column where the importer emptied "--" and "n/a" cells: their text comes
 * from the side table the import keeps (stage.ts keepNulledText), not from a second read of the whole
 * file through the original-text view; same rows and samples as reading the original text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { runChecks } from '../../../shared/checks/runner';
import { quoteIdent } from '../../../shared/engine/sql';
import { dropTables, nulledTextName } from '../../../shared/import/drop';
import { importFile } from '../../../shared/import/index';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const rows = Array.from({ length: 40 }, (_, i) => {
  const group = i % 10 === 3 ? ' --' : i % 10 === 7 ? 'n/a' : i % 10 === 5 ? '' : `Ad group ${i % 4}`;
  return `2026-01-${String((i % 28) + 1).padStart(2, '0')},Campaign ${i % 3},${group},${10 + i},${100 + i}`;
});
const csv = ['Day,Campaign,Ad group,Clicks,Impr.', ...rows].join('\n') + '\n';

async function audit() {
  const result = await importFile(engine, { path: 'ads.csv', name: 'ads.csv', bytes: new TextEncoder().encode(csv) });
  const { dataset } = await analyseImport(engine, result);
  const sent: string[] = [];
  const recording = new Proxy(engine, {
    get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
  });
  const findings = await runChecks(recording, dataset, { referenceDate: '2026-02-01' });
  return { result, dataset, sent, finding: findings.find((f) => f.check === 'placeholder_values' && f.columns.includes('Ad group')) };
}

describe('placeholders the importer emptied', () => {
  it('placeholder_values_read_the_whole_file_again: the emptied text comes from the side table, not the original-text view', async () => {
    const { result, sent, finding } = await audit();
    const side = (await engine.query(`SELECT __line, col, text FROM ${quoteIdent(nulledTextName(result.tableName))} ORDER BY __line`)).rows;
    expect(side.filter((r) => r.text === ' --').map((r) => r.__line)).toEqual([5, 15, 25, 35]);
    expect(side.filter((r) => r.text === 'n/a').map((r) => r.__line)).toEqual([9, 19, 29, 39]);
    expect(sent.some((sql) => sql.includes(quoteIdent(result.rawTableName)))).toBe(false);
    // " --" and "n/a" are placeholders; the empty cells are missing values, not placeholders.
    expect(finding?.rows).toBe(8);
    expect(finding?.sample.slice(0, 3).map((s) => [s.line, s.values['Ad group']])).toEqual([[5, ' --'], [9, 'n/a'], [15, ' --']]);
  });

  it('without the side table the original text gives the same finding', async () => {
    const { result, dataset, finding } = await audit();
    await engine.exec(`DROP TABLE ${quoteIdent(nulledTextName(result.tableName))}`);
    const again = (await runChecks(engine, dataset, { referenceDate: '2026-02-01' })).find((f) => f.check === 'placeholder_values' && f.columns.includes('Ad group'));
    expect(again).toEqual(finding);
  });

  it('the side table goes with the dataset', async () => {
    const { result } = await audit();
    await dropTables(engine, result.tableName, result.rawTableName);
    const left = await engine.query(`SELECT table_name FROM duckdb_tables() WHERE table_name = '${nulledTextName(result.tableName)}'`);
    expect(left.rows).toEqual([]);
  });
});

describe('the check pack', () => {
  it('placeholder_values over the side table is reported as not exportable, with the reason, never exported wrong', async () => {
    const { checkPackQueries, toPortableSql } = await import('../../../shared/mesh/portable-sql');
    const result = await importFile(engine, { path: 'ads.csv', name: 'ads.csv', bytes: new TextEncoder().encode(csv) });
    const { dataset } = await analyseImport(engine, result);
    const query = (await checkPackQueries(engine, dataset, { referenceDate: '2026-02-01' })).find((q) => q.checkId === 'placeholder_values' && q.columns.includes('Ad group'));
    expect(query?.sql).toContain(nulledTextName(result.tableName));
    expect(toPortableSql(query!.sql!).ok).toBe(false);
    expect(toPortableSql(`SELECT s.text FROM "${nulledTextName('t')}" s`)).toEqual({ ok: false, reason: expect.stringMatching(/placeholder text MeshLens kept/) });
  });
});
