/**
 * A header and rows that all end with one delimiter more ("Day,Campaign,Clicks,", common from spreadsheets)
 * gave a column named column_4 with no value in any row, which the profile and the checks then reported on.
 * A column with no name and no value is left out, and the import log says so; a nameless column that
 * holds values is kept under a made-up name, as before.
 */
import { describe, expect, it } from 'vitest';
import { importText, withBothEngines } from './helpers';

const engines = withBothEngines();

describe.each([
  ['duckdb-wasm', () => engines.wasm],
  ['native DuckDB', () => engines.native],
])('nameless columns (%s)', (_, engine) => {
  const log = (r: { log: { message: string }[] }) => r.log.map((l) => l.message);

  it('unnamed_empty_trailing_column_kept_as_column_n: the empty column is left out and named in the log', async () => {
    const { r, rows } = await importText(engine(), 'trailing.csv', 'Day,Campaign,Clicks,\n2026-01-01,Alpha,1,\n2026-01-02,Beta,2,\n');
    expect(r.columns.map((c) => c.name)).toEqual(['Day', 'Campaign', 'Clicks']);
    expect(Object.keys(rows[0]!)).not.toContain('column_4');
    expect(log(r)).toContain('Column 4 has no name in the header and no value in any row (every line ends with an extra delimiter); left out of the table.');
    expect(log(r).join(' ')).not.toMatch(/it is called "column_4"/);
  });

  it('an empty nameless column between named ones is left out too', async () => {
    const { r } = await importText(engine(), 'gap.csv', 'Day,,Clicks\n2026-01-01,,1\n2026-01-02,,2\n');
    expect(r.columns.map((c) => c.name)).toEqual(['Day', 'Clicks']);
    expect(log(r)).toContain('Column 2 has no name in the header and no value in any row; left out of the table.');
  });

  it('a nameless column that holds values is kept under a made-up name', async () => {
    const { r } = await importText(engine(), 'named.csv', 'Day,Campaign,\n2026-01-01,Alpha,x\n2026-01-02,Beta,\n');
    expect(r.columns.map((c) => c.name)).toEqual(['Day', 'Campaign', 'column_3']);
    expect(log(r)).toContain('Column 3 has no name in the header; it is called "column_3".');
  });
});
