/**
 * Clean files skip the JavaScript rewrite: their rows go to DuckDB as they are and each row's line is the
 * first data line plus its ordinal. These tests prove that numbering keeps the file's order on both engines
 * (native DuckDB reading in parallel included), and that a file needing repair still takes the rewrite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from '../../../shared/engine/sql';
import type { Engine } from '../../../shared/engine/types';
import { importFile } from '../../../shared/import';
import type { ImportResult } from '../../../shared/import/types';
import { importFixture, withBothEngines } from './helpers';

const engines = withBothEngines();
// More threads than cores: the parallel CSV scanner splits the file between them.
beforeAll(() => engines.native.exec('SET threads = 4'));

/** How the original-text view reads the rows: the clean path numbers the file's own rows. */
async function readsAsIs(engine: Engine, r: ImportResult): Promise<boolean> {
  const sql = (
    await engine.query(`SELECT sql FROM duckdb_views() WHERE view_name = ${quoteLiteral(r.rawTableName)}`)
  ).rows[0]?.sql;
  return String(sql).includes('row_number()');
}

describe('clean files go to DuckDB as they are', () => {
  it('clean_file_line_numbers_keep_file_order_on_a_parallel_read: every row of a 26 MB file sits on the line it names', async () => {
    // Two title lines, a header, then rows that each hold their own physical line number. Native DuckDB
    // splits a file this size between its threads (8 MB each); wasm reads it on one thread (fewer rows).
    for (const [engine, rows] of [
      [engines.native, 700_000],
      [engines.wasm, 100_000],
    ] as [Engine, number][]) {
      const parts = ['Report title\n', '"1 January 2026 - 31 January 2026"\n', 'Day,Line,Campaign,Cost\n'];
      for (let i = 0; i < rows; i++)
        parts.push(
          `2026-01-${String((i % 28) + 1).padStart(2, '0')},${i + 4},"Camp, ${i % 97}",${(i % 1000) / 10}\n`,
        );
      const bytes = new TextEncoder().encode(parts.join(''));
      const r = await importFile(engine, { path: 'big.csv', name: 'big.csv', bytes });
      expect(r.rows).toBe(rows);
      expect(await readsAsIs(engine, r)).toBe(true);
      const check = await engine.query(
        `SELECT count(*) FILTER (WHERE __line <> "Line") AS wrong, min(__line) AS first, max(__line) AS last FROM ${r.tableName}`,
      );
      expect(check.rows[0]).toEqual({ wrong: 0, first: 4, last: rows + 3 });
      const raw = await engine.query(
        `SELECT count(*) FILTER (WHERE CAST(__line AS VARCHAR) <> "Line") AS wrong FROM ${r.rawTableName}`,
      );
      expect(raw.rows[0]).toEqual({ wrong: 0 });
    }
  }, 240_000);

  it('a clean fixture reads as it is; trailing blank lines end the table; a blank line inside or a ragged file is rewritten', async () => {
    const clean = await importFixture(engines.wasm, 'microsoft-ads-simple.csv');
    expect(await readsAsIs(engines.wasm, clean)).toBe(true);
    const ragged = await importFixture(engines.wasm, 'ragged-rows.csv');
    expect(await readsAsIs(engines.wasm, ragged)).toBe(false);
    const trailing = new TextEncoder().encode('Campaign,Clicks\nA,1\nB,2\n\n\n');
    const t = await importFile(engines.wasm, { path: 't.csv', name: 't.csv', bytes: trailing });
    expect(await readsAsIs(engines.wasm, t)).toBe(true);
    expect((await engines.wasm.query(`SELECT __line, "Campaign" FROM ${t.tableName} ORDER BY __line`)).rows).toEqual([
      { __line: 2, Campaign: 'A' },
      { __line: 3, Campaign: 'B' },
    ]);
    const inside = new TextEncoder().encode('Campaign,Clicks\nA,1\n\nB,2\n');
    const i = await importFile(engines.wasm, { path: 'i.csv', name: 'i.csv', bytes: inside });
    expect(await readsAsIs(engines.wasm, i)).toBe(false);
    expect((await engines.wasm.query(`SELECT __line FROM ${i.tableName} ORDER BY __line`)).rows).toEqual([
      { __line: 2 },
      { __line: 4 },
    ]);
  });
});
