/**
 * Round trips through the real CLI: file → `meshlens export --out x.csv|x.parquet` → import again.
 * Every value must come back the same; Parquet must also keep every column type. (CSV keeps the types
 * too for these files, since numbers are written plainly and dates as ISO; the percent flag is not kept,
 * because the exported CSV holds 2.81, not "2.81%".)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadFile } from '../../../electron/cli/load';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { quoteIdent } from '../../../shared/engine/sql';
import type { Row } from '../../../shared/engine/types';
import type { ImportResult } from '../../../shared/import/types';
import { fixture, tempDir } from '../import/helpers';
import { ownStderr, runCli } from './run-cli';
import { CSV_SPECTRUM_DIR } from '../../helpers/standards';

// Each CLI run starts Node and duckdb-wasm; on a loaded shared machine that alone can take a minute.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

let engine: NodeEngine;
let dir: string;
beforeAll(async () => {
  engine = await NodeEngine.create();
  dir = tempDir('meshlens-roundtrip-');
});
afterAll(async () => {
  await engine.close();
});

async function values(r: ImportResult): Promise<Row[]> {
  const cols = r.columns.map((c) => quoteIdent(c.name)).join(', ');
  return (await engine.query(`SELECT ${cols} FROM ${quoteIdent(r.tableName)} ORDER BY __line`)).rows;
}

const FILES = [
  'google-ads-utf16le-tab-title-totals.csv',
  'google-ads-comma-quoted-numbers-bounded-percent.csv',
  'semicolon-decimal-comma-euro.csv',
  'hubspot-epoch-ms.csv',
  'ids-above-2-pow-53.csv',
  'windows-1252-accents.csv',
  'microsoft-ads-simple.csv',
  // Quotes and line breaks inside values must survive CSV quoting on the way out.
  path.join(CSV_SPECTRUM_DIR, 'csvs/quotes_and_newlines.csv'),
];

describe.each(['csv', 'parquet'] as const)('export to %s and read back', (format) => {
  it.each(FILES)(`%s keeps every value${format === 'parquet' ? ' and type' : ''}`, async (name) => {
    const input = path.isAbsolute(name) ? name : fixture(name);
    const original = await loadFile(engine, input);
    const out = path.join(dir, `${path.basename(name).replace(/\.[^.]+$/, '')}.${format}`);
    const run = await runCli(['export', input, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(ownStderr(run)).toBe(`wrote ${original.rows} row(s) to ${out}`);
    expect(existsSync(out)).toBe(true);
    if (format === 'csv') {
      const text = readFileSync(out, 'utf8');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.split('\n')[0]).toBe(original.columns.map((c) => (/[",\n]/.test(c.name) ? `"${c.name.replace(/"/g, '""')}"` : c.name)).join(','));
    }
    const back = await loadFile(engine, out);
    expect(back.rows).toBe(original.rows);
    expect(back.summaryRows).toEqual([]);
    expect(back.columns.map((c) => c.name)).toEqual(original.columns.map((c) => c.name));
    expect(back.columns.map((c) => c.type)).toEqual(original.columns.map((c) => c.type));
    expect(await values(back)).toEqual(await values(original));
  });
});

it('exported CSV writes numbers plainly, NULL as empty, and quotes only where needed', async () => {
  const out = path.join(dir, 'plain.csv');
  const run = await runCli(['export', fixture('google-ads-utf16le-tab-title-totals.csv'), '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  expect(readFileSync(out, 'utf8').split('\n')).toEqual([
    'Campaign status,Campaign,Campaign ID,Currency code,Impr.,Clicks,CTR,Avg. CPC,Cost,Conversions',
    'Enabled,Brand - Search,20123456781,EUR,9380,1234,13.16,0.42,518.28,45.0',
    'Enabled,Generic - Search,20123456782,EUR,12001,402,3.35,1.1,442.2,12.5',
    'Paused,Display - Remarketing,20123456783,EUR,150220,,,,0.0,0.0',
    'Enabled,Performance Max,20123456784,EUR,1250300,3011,0.24,0.35,1053.85,',
    '',
  ]);
});
