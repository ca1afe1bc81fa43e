/**
 * A lone carriage return (CR not followed by LF, as old Mac line ends or a value pasted from one) inside a
 * row. DuckDB's CSV reader ends a record at a lone CR, so a row handed to it as it is was split in two:
 * one row more, its cells shifted, line numbers off by one after it. The clean scan now refuses such rows
 * and the body pass writes them again with the value quoted, read by the single-threaded scanner.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine/types';
import { importText, withBothEngines } from './helpers';

const engines = withBothEngines();

const load = (engine: Engine, text: string, onDisk = false) => importText(engine, 'cr.csv', text, onDisk);

const header = 'Day,Campaign,Clicks\n';

describe.each([
  ['duckdb-wasm', () => engines.wasm, false],
  ['native DuckDB', () => engines.native, false],
  ['native DuckDB, file on disk', () => engines.native, true],
])('lone CR inside a row (%s)', (_, engine, onDisk) => {
  it('lone_cr_inside_a_row_splits_it: the row stays one row with the CR in its value', async () => {
    const { r, rows, raw } = await load(engine(), header + '2026-01-01,Alpha,1\n2026-01-02,Be\rta,2\n2026-01-03,Gamma,3\n', onDisk);
    expect(r.rows).toBe(3);
    expect(rows.map((x) => [x.__line, x.Campaign, Number(x.Clicks)])).toEqual([
      [2, 'Alpha', 1],
      [3, 'Be\rta', 2],
      [4, 'Gamma', 3],
    ]);
    expect(r.columns.find((c) => c.name === 'Day')?.type).toBe('DATE');
    expect(raw.map((x) => x.Campaign)).toEqual(['Alpha', 'Be\rta', 'Gamma']);
    expect(r.log.map((l) => l.message).join(' ')).toMatch(/1 row\(s\) contain a lone carriage return \(CR\) inside a value/);
    expect(r.warnings).toEqual([]);
  });

  it('lone_cr_inside_a_quoted_value_failed_the_read: the file loads with the CR kept', async () => {
    const { r, rows } = await load(engine(), header + '2026-01-01,"Al\rpha",1\n2026-01-02,Beta,2\n', onDisk);
    expect(rows.map((x) => [x.__line, x.Campaign])).toEqual([
      [2, 'Al\rpha'],
      [3, 'Beta'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('CRLF line ends are still read as they are (no rewrite, no message)', async () => {
    const { r, rows } = await load(engine(), header.replace('\n', '\r\n') + '2026-01-01,Alpha,1\r\n2026-01-02,Beta,2\r\n', onDisk);
    expect(rows.map((x) => [x.__line, x.Campaign])).toEqual([
      [2, 'Alpha'],
      [3, 'Beta'],
    ]);
    expect(r.log.map((l) => l.message).join(' ')).not.toMatch(/carriage return/);
  });
});
