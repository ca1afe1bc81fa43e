/**
 * A table that can be clean is read from rows guessed from its line ends while the clean scan checks it
 * (shared/import/clean-guess.ts). A clean file is read once; a file the scan refutes is read again from
 * its rewritten rows, with the answer the scan alone gives.
 */
import { describe, expect, it } from 'vitest';
import { quoteIdent } from '../../../shared/engine/sql';
import type { Engine } from '../../../shared/engine/types';
import { importFile } from '../../../shared/import';
import { withBothEngines } from './helpers';

const engines = withBothEngines();

async function load(engine: Engine, text: string) {
  let reads = 0;
  const spy: Engine = Object.create(engine) as Engine;
  spy.exec = (sql: string) => {
    if (/^CREATE TABLE .* FROM read_csv/s.test(sql)) reads++;
    return engine.exec(sql);
  };
  const r = await importFile(spy, { path: 'guess.csv', name: 'guess.csv', bytes: new TextEncoder().encode(text) });
  const rows = (await engine.query(`SELECT * FROM ${quoteIdent(r.tableName)} ORDER BY __line`)).rows;
  return { r, reads, rows };
}

const header = 'Campaign report\n"1 January 2026 - 3 January 2026"\nDay,Campaign,Clicks\n';

describe.each([
  ['duckdb-wasm', () => engines.wasm],
  ['native DuckDB', () => engines.native],
])('clean guess (%s)', (_, engine) => {
  it('a clean file is read once, from the guessed rows', async () => {
    const { r, reads, rows } = await load(engine(), header + '2026-01-01,Brand,"1,234"\n2026-01-02,Generic,5\nTotal: Account,,"1,239"\n\n');
    expect(reads).toBe(1);
    expect(r.rows).toBe(2);
    expect(rows.map((x) => x.__line)).toEqual([4, 5]);
    expect(r.summaryRows.map((s) => s.line)).toEqual([6]);
  });

  it('guess_refuted_by_a_ragged_row: the rows are read again from the rewrite, the short row padded and reported', async () => {
    const { r, reads, rows } = await load(engine(), header + '2026-01-01,Brand,10\n2026-01-02,Generic\n2026-01-03,Brand,7\n');
    expect(reads).toBe(2);
    expect(rows.map((x) => [x.__line, x.Clicks])).toEqual([[4, 10], [5, null], [6, 7]]);
    expect(r.warnings.join(' ')).toMatch(/1 row\(s\) do not have 3 fields/);
  });

  it('guess_refuted_by_a_quoted_line_break: one record over two lines keeps its first line', async () => {
    const { r, reads, rows } = await load(engine(), header + '2026-01-01,"Brand\nExact",10\n2026-01-02,Generic,5\n');
    expect(reads).toBe(2);
    expect(rows.map((x) => [x.__line, x.Campaign])).toEqual([[4, 'Brand\nExact'], [6, 'Generic']]);
    expect(r.log.map((l) => l.message).join(' ')).toMatch(/1 row\(s\) contain line breaks/);
  });

  it('guess_refuted_by_a_stray_quote: the line is re-read as plain text on its own line', async () => {
    const { r, reads, rows } = await load(engine(), header + '2026-01-01,"Brand"x,10\n2026-01-02,Generic,5\n');
    expect(reads).toBe(2);
    expect(rows.map((x) => [x.__line, x.Campaign])).toEqual([[4, '"Brand"x'], [5, 'Generic']]);
    expect(r.warnings.join(' ')).toMatch(/Stray quote on line\(s\) 4/);
  });
});
