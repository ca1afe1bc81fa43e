/**
 * csv-spectrum: every CSV must read to exactly the rows of its JSON twin.
 *
 * What is compared: the RAW table (`result.rawTableName`), which holds each cell's original text. The
 * typed table answers a different question (`08123` stays text there, `1` becomes a number), so the text
 * twin is the one that must match byte for byte. A raw NULL counts as '' here: DuckDB gives NULL for both
 * an unquoted empty field and a quoted `""`, and both mean "the empty string" in CSV (empty.csv expects
 * "" for `1,"",""`). In the typed table those cells are NULL, which is what every later stage wants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../../electron/cli/load';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { quoteIdent } from '../../../shared/engine/sql';
import { CSV_SPECTRUM_DIR } from '../../helpers/standards';
import { typedRows } from './helpers';

// A copy of ../shared/standards lives in test/fixtures/standards (see test/helpers/standards.ts).
const SPECTRUM = CSV_SPECTRUM_DIR;
const files = readdirSync(path.join(SPECTRUM, 'csvs')).filter((f) => f.endsWith('.csv'));

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('csv-spectrum', () => {
  it('has the eleven files', () => {
    expect(files.length).toBe(11);
  });

  it.each(files)('%s reads to exactly its JSON twin', async (file) => {
    const expected = JSON.parse(readFileSync(path.join(SPECTRUM, 'json', file.replace(/\.csv$/, '.json')), 'utf8')) as Record<string, string>[];
    const r = await loadFile(engine, path.join(SPECTRUM, 'csvs', file));
    expect(r.warnings).toEqual([]);
    expect(r.headerLine).toBe(1);
    expect(r.rows).toBe(expected.length);
    expect(r.columns.map((c) => c.name)).toEqual(Object.keys(expected[0]!));
    const names = r.columns.map((c) => `coalesce(${quoteIdent(c.name)}, '') AS ${quoteIdent(c.name)}`).join(', ');
    const raw = (await engine.query(`SELECT ${names} FROM ${quoteIdent(r.rawTableName)} ORDER BY __line`)).rows;
    expect(raw).toEqual(expected);
  });

  it('quotes_and_newlines: line breaks inside quotes load (null_padding needs the single-threaded scanner) and __line is the physical line', async () => {
    const r = await loadFile(engine, path.join(SPECTRUM, 'csvs', 'quotes_and_newlines.csv'));
    expect((await typedRows(engine, r)).map((x) => [x.__line, x.a, x.b])).toEqual([
      [2, 1, 'ha \n"ha" \nha'],
      [5, 3, '4'],
    ]);
    expect(r.log.some((l) => l.message === '1 row(s) contain line breaks inside quoted values.')).toBe(true);
  });

  it('empty.csv: empty cells are "" in the raw table view and NULL in the typed table', async () => {
    const r = await loadFile(engine, path.join(SPECTRUM, 'csvs', 'empty.csv'));
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.nulls}`)).toEqual(['a:BIGINT:0', 'b:BIGINT:1', 'c:BIGINT:1']);
    expect(await typedRows(engine, r)).toEqual([
      { __line: 2, a: 1, b: null, c: null },
      { __line: 3, a: 2, b: 3, c: 4 },
    ]);
  });

  it('comma_in_quotes: a zip code with a leading zero stays text', async () => {
    const r = await loadFile(engine, path.join(SPECTRUM, 'csvs', 'comma_in_quotes.csv'));
    expect(r.columns.find((c) => c.name === 'zip')!.type).toBe('VARCHAR');
    expect((await typedRows(engine, r, 'zip, city'))[0]).toEqual({ zip: '08123', city: 'Anytown, WW' });
  });
});
