/**
 * `meshlens export --as-text`: the cleaned structure (header, rows, summary rows removed) with every cell's
 * original text. One CLI run exports every import fixture and every csv-spectrum file (many files, one
 * engine); each output is then compared cell for cell with an expected table that does not come from the
 * exporter:
 * - csv-spectrum: the suite's own JSON twin;
 * - delimited fixtures: the fixture's text read by an independent reader (test/helpers/csv-records: RFC 4180
 *   with the delimiter, quote and escape the importer reports; a record with broken quoting read as plain text
 *   on its own line), at the lines and columns the importer kept (the typed table's `__line`, the raw table's
 *   column order);
 * - JSON fixtures (no text cells of their own): the flattened text the importer kept in the raw table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outputBase } from '../../../electron/cli/export';
import { loadFile } from '../../../electron/cli/load';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { quoteIdent } from '../../../shared/engine/sql';
import { decodeToUtf8 } from '../../../shared/import/encoding';
import type { Encoding, ImportResult } from '../../../shared/import/types';
import { csvRecords } from '../../helpers/csv-records';
import { CSV_SPECTRUM_DIR } from '../../helpers/standards';
import { FIXTURES, tempDir } from '../import/helpers';
import { ownStderr, runCli } from './run-cli';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const fixtures = readdirSync(FIXTURES)
  .filter((f) => /\.(csv|tsv|txt|json|ndjson)$/.test(f))
  .map((f) => path.join(FIXTURES, f));
const spectrum = readdirSync(path.join(CSV_SPECTRUM_DIR, 'csvs'))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => path.join(CSV_SPECTRUM_DIR, 'csvs', f));

let engine: NodeEngine;
let outDir: string;
const spectrumDir = tempDir('meshlens-astext-spectrum-');
beforeAll(async () => {
  engine = await NodeEngine.create();
  outDir = tempDir('meshlens-astext-');
  // Two runs: csv-spectrum and the fixtures share file names (simple.csv is not among the fixtures, but
  // keeping them apart keeps each output's name predictable).
  for (const [files, dir] of [
    [fixtures, outDir],
    [spectrum, spectrumDir],
  ] as const) {
    const run = await runCli(['export', ...files, '--out-dir', dir, '--as-text']);
    expect(run.code, run.stderr).toBe(0);
    expect(ownStderr(run).split('\n')).toHaveLength(files.length);
  }
});
afterAll(async () => {
  await engine.close();
});

function exported(dir: string, input: string): string[][] {
  const text = readFileSync(path.join(dir, `${outputBase(input)}.csv`), 'utf8');
  return csvRecords(text).map((r) => r.fields);
}

async function keptLines(r: ImportResult): Promise<number[]> {
  return (await engine.query(`SELECT __line FROM ${quoteIdent(r.tableName)} ORDER BY __line`)).rows.map((x) => Number(x.__line));
}

/** Position of each kept column among the file's fields (the raw table keeps them in file order). */
async function fieldIndexes(r: ImportResult): Promise<number[]> {
  const rawCols = (await engine.query(`SELECT * FROM ${quoteIdent(r.rawTableName)} LIMIT 0`)).columns.map((c) => c.name).filter((n) => !n.startsWith('__'));
  return r.columns.map((c) => rawCols.indexOf(c.name));
}

function decodedText(file: string, encoding: Encoding | 'binary'): string {
  const bytes = new Uint8Array(readFileSync(file));
  const text = new TextDecoder().decode(decodeToUtf8(bytes, encoding === 'binary' ? undefined : encoding).utf8);
  return text.includes('\n') ? text : text.replace(/\r/g, '\n');
}

describe('export --as-text: csv-spectrum', () => {
  it.each(spectrum.map((f) => [path.basename(f), f]))('%s equals its JSON twin cell for cell', async (_name, file) => {
    const expected = JSON.parse(readFileSync(path.join(CSV_SPECTRUM_DIR, 'json', path.basename(file).replace(/\.csv$/, '.json')), 'utf8')) as Record<string, string>[];
    const [header, ...rows] = exported(spectrumDir, file);
    expect(header).toEqual(Object.keys(expected[0]!));
    expect(rows).toEqual(expected.map((e) => header!.map((h) => e[h])));
  });
});

describe('export --as-text: import fixtures', () => {
  it.each(fixtures.map((f) => [path.basename(f), f]))('%s keeps every kept cell\'s original text', async (_name, file) => {
    const r = await loadFile(engine, file);
    const [header, ...rows] = exported(outDir, file);
    expect(header).toEqual(r.columns.map((c) => c.name));
    expect(rows).toHaveLength(r.rows);
    if (r.format === 'json' || r.format === 'ndjson') {
      const raw = await engine.query(`SELECT ${r.columns.map((c) => `coalesce(${quoteIdent(c.name)}, '') AS ${quoteIdent(c.name)}`).join(', ')} FROM ${quoteIdent(r.rawTableName)} ORDER BY __line`);
      expect(rows).toEqual(raw.rows.map((x) => r.columns.map((c) => x[c.name])));
      return;
    }
    const idx = await fieldIndexes(r);
    const dialect = { delimiter: r.delimiter!, quote: r.quote ?? '"', escape: r.escape ?? 'double', width: idx.length };
    const records = new Map(csvRecords(decodedText(file, r.encoding), dialect).map((rec) => [rec.line, rec.fields]));
    const expected = (await keptLines(r)).map((line) => idx.map((i) => records.get(line)?.[i] ?? ''));
    expect(rows).toEqual(expected);
  });

  it('keeps $74.69, 28/01/2018, 2.81%, "1,234.50", " --" and 08123 exactly as written; the Total row is left out', () => {
    expect(exported(outDir, path.join(FIXTURES, 'currency-dmy-dates-percent-original-text.csv'))).toEqual([
      ['Date', 'Campaign', 'Cost', 'CTR', 'Conversions', 'Zip'],
      ['28/01/2018', 'Brand', '$74.69', '2.81%', '1,234.50', '08123'],
      ['29/01/2018', 'Generic, EU', '$1.05', '0.40%', ' --', '00501'],
    ]);
  });
});
