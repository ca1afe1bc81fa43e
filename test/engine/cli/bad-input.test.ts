/**
 * Bad input through the real CLI (child process): a clear one-line message with exit 2, or a correct
 * (possibly empty) load with warnings and exit 0. Never a hang (each run is killed after a deadline),
 * a crash, a stack trace, or a half-written output file.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BAD, tempDir } from '../import/helpers';
import { expectOneLineFailure, runCli } from './run-cli';
import type { CliRun } from './run-cli';

interface InspectFile {
  rows: number;
  headerLine: number | null;
  encoding: string;
  columns: { name: string; type: string; nulls: number }[];
  warnings: string[];
  log: string[];
}

function inspected(run: CliRun): InspectFile {
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { files: InspectFile[] }).files[0]!;
}

// Each run starts Node and duckdb-wasm; on a loaded shared machine that alone can take a minute.
vi.setConfig({ testTimeout: 300_000 });

const bad = (name: string) => path.join(BAD, name);
let dir: string;
beforeAll(() => {
  dir = tempDir('meshlens-bad-');
});

describe('refused with one clear line (exit 2)', () => {
  it.each([
    ['a missing path', () => path.join(dir, 'missing.csv'), /missing\.csv: no such file$/],
    ['a folder', () => (mkdirSync(path.join(dir, 'folder.csv'), { recursive: true }), path.join(dir, 'folder.csv')), /folder\.csv is a folder, not a file$/],
    ['a 0-byte file', () => bad('zero-bytes.csv'), /zero-bytes\.csv is empty \(0 bytes\); nothing to load\.$/],
    ['a PNG renamed .csv', () => bad('png-renamed.csv'), /png-renamed\.csv is a PNG image, not a data export; nothing was loaded\.$/],
    [
      'a zstd-compressed file (named, with the command that unpacks it; never "CSV Error on Line: 2")',
      () => (writeFileSync(path.join(dir, 'report.csv.zst'), Buffer.from('28b52ffd2408410000', 'hex')), path.join(dir, 'report.csv.zst')),
      /report\.csv\.zst is a zstd-compressed file: MeshLens reads \.gz and \.zip; decompress it first \(for example `zstd -d "report\.csv\.zst"`\)\. Nothing was loaded\.$/,
    ],
    ['a corrupt Parquet file', () => bad('corrupt.parquet'), /corrupt\.parquet is not a readable Parquet file \(.+\); nothing was loaded\.$/],
    ['a truncated Parquet file', () => bad('truncated.parquet'), /truncated\.parquet is not a readable Parquet file \(.+\); nothing was loaded\.$/],
    ['a text file named .parquet', () => bad('text-named.parquet'), /text-named\.parquet is not a valid Parquet file \(its magic bytes are missing: corrupt or truncated\); nothing was loaded\.$/],
  ])('%s', async (_what, file, message) => {
    const run = await runCli(['inspect', file(), '--json']);
    expect(expectOneLineFailure(run)).toMatch(new RegExp(`^meshlens inspect: .*${message.source}`));
  });

  it('a 100 MB single line (generated, not committed) is refused quickly', async () => {
    const file = path.join(dir, 'one-100mb-line.csv');
    const fd = openSync(file, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a,');
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const started = Date.now();
    const run = await runCli(['inspect', file], { timeoutMs: 120_000 });
    expect(expectOneLineFailure(run)).toBe('meshlens inspect: one-100mb-line.csv has no line break in its first 4 MB, so it is not a table export; nothing was loaded.');
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('loaded, possibly empty, with warnings (exit 0)', () => {
  it('a ZIP renamed .csv: the file inside is read, with a warning', async () => {
    const f = inspected(await runCli(['inspect', bad('zip-renamed.csv'), '--json']));
    expect([f.rows, f.columns.map((c) => c.name)]).toEqual([1, ['a', 'b']]);
    expect(f.warnings).toEqual(['zip-renamed.csv is named .csv but is really a ZIP archive; "report.csv" inside it was read.']);
  });

  it('a header-only file: 0 rows, the columns, a warning', async () => {
    const f = inspected(await runCli(['inspect', bad('header-only.csv'), '--json']));
    expect([f.rows, f.headerLine, f.columns.map((c) => c.name)]).toEqual([0, 1, ['Campaign', 'Clicks', 'Cost']]);
    expect(f.warnings).toEqual(['header-only.csv has a header but no data rows.']);
  });

  it('a file whose only row is "No data available.": 0 rows and the export\'s own words', async () => {
    const f = inspected(await runCli(['inspect', bad('no-data-available.csv'), '--json']));
    expect(f.rows).toBe(0);
    expect(f.warnings).toEqual(['The export says "No data available.": there are no data rows.']);
  });

  it('truncated UTF-16: every whole row kept, the dangling byte reported', async () => {
    const f = inspected(await runCli(['inspect', bad('truncated-utf16.csv'), '--json']));
    expect([f.encoding, f.rows, f.columns.map((c) => `${c.name}:${c.type}`)]).toEqual(['utf-16le', 2, ['Campaign:VARCHAR', 'Clicks:BIGINT']]);
    expect(f.warnings).toEqual([
      'The file ends in the middle of a character (odd number of bytes for UTF-16LE): it looks truncated. The last incomplete byte was ignored.',
    ]);
  });

  it('invalid UTF-8: read as Windows-1252 with the line of the first bad byte', async () => {
    const f = inspected(await runCli(['inspect', bad('invalid-utf8.csv'), '--json']));
    expect([f.encoding, f.rows]).toEqual(['windows-1252', 2]);
    expect(f.warnings[0]).toMatch(/^The file is not valid UTF-8 \(first invalid byte on line 2\)/);
  });

  it('unbalanced quotes: the broken line is read as plain text, the rest of the file is not swallowed', async () => {
    const f = inspected(await runCli(['inspect', bad('unbalanced-quotes.csv'), '--json']));
    expect([f.rows, f.columns.map((c) => `${c.name}:${c.type}:${c.nulls}`)]).toEqual([4, ['Campaign:VARCHAR:0', 'Clicks:BIGINT:0', 'Cost:DOUBLE:0']]);
    expect(f.warnings).toEqual(['Stray quote on line(s) 3: each was read as plain text on its own line (its quotes kept as text) instead of swallowing the lines after it.']);
  });

  it('duplicate headers: made unique and logged', async () => {
    const f = inspected(await runCli(['inspect', bad('duplicate-headers.csv'), '--json']));
    expect(f.columns.map((c) => c.name)).toEqual(['Clicks', 'Clicks_2', 'Clicks_3']);
    expect(f.log).toContain('Column 2 repeats the name "Clicks"; it is called "Clicks_2".');
  });

  it('10,000 columns (half text, with placeholders) load: no wasm out-of-memory, no quadratic planning', { timeout: 600_000 }, async () => {
    const file = path.join(dir, 'ten-thousand-columns.csv');
    const header = Array.from({ length: 10_000 }, (_, i) => `metric_${i}`).join(',');
    const cell = (i: number) => (i % 2 ? `name ${i}` : String(i));
    const row1 = Array.from({ length: 10_000 }, (_, i) => cell(i)).join(',');
    const row2 = Array.from({ length: 10_000 }, (_, i) => (i === 1 || i === 2 ? '--' : cell(i))).join(',');
    writeFileSync(file, `${header}\n${row1}\n${row2}\n`);
    const f = inspected(await runCli(['inspect', file, '--json'], { timeoutMs: 550_000 }));
    expect([f.rows, f.columns.length]).toEqual([2, 10_000]);
    expect(f.columns.slice(0, 3)).toMatchObject([
      { name: 'metric_0', type: 'BIGINT', nulls: 0 },
      { name: 'metric_1', type: 'VARCHAR', nulls: 1 },
      { name: 'metric_2', type: 'BIGINT', nulls: 1 },
    ]);
    expect(f.columns.slice(9_998)).toMatchObject([
      { name: 'metric_9998', type: 'BIGINT', nulls: 0 },
      { name: 'metric_9999', type: 'VARCHAR', nulls: 0 },
    ]);
  });
});

describe('export never leaves a half-written file', () => {
  it('into a missing folder: exit 2, nothing created', async () => {
    const out = path.join(dir, 'no-such-folder', 'x.csv');
    const run = await runCli(['export', bad('header-only.csv'), '--out', out]);
    expect(expectOneLineFailure(run)).toMatch(/^meshlens export: cannot write .*x\.csv: folder .*no-such-folder does not exist$/);
    expect(existsSync(path.dirname(out))).toBe(false);
  });

  it('onto a path that is a folder: exit 2, the folder untouched, no temporary file left', async () => {
    const outDir = path.join(dir, 'target-is-folder');
    const out = path.join(outDir, 'taken.csv');
    mkdirSync(out, { recursive: true });
    const run = await runCli(['export', path.join(BAD, 'unbalanced-quotes.csv'), '--out', out]);
    expect(expectOneLineFailure(run)).toMatch(/^meshlens export: /);
    expect(readdirSync(outDir)).toEqual(['taken.csv']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('from unreadable input: exit 2 and no output file', async () => {
    const out = path.join(dir, 'from-png.parquet');
    const run = await runCli(['export', bad('png-renamed.csv'), '--out', out]);
    expectOneLineFailure(run);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('from-png'))).toEqual([]);
  });

  it('with a bad --out extension: usage error', async () => {
    const run = await runCli(['export', bad('header-only.csv'), '--out', path.join(dir, 'x.xlsx')]);
    expect(expectOneLineFailure(run)).toBe('meshlens export: --out must end in .csv or .parquet');
  });
});
