/**
 * Many files in one run: `inspect` and `export --out-dir` go on past a bad file. Each file gets its own
 * result or its own `{ path, error }`; the exit code is 2 when any failed; stderr holds one line per failure
 * and one summary line. Also: `--version`, and bin/meshlens.mjs running from the sources.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture, tempDir } from '../import/helpers';
import { ownStderr, ROOT, runCli } from './run-cli';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

let dir: string;
let files: string[];
beforeAll(() => {
  dir = tempDir('meshlens-many-');
  const corrupt = path.join(dir, 'corrupt.csv');
  writeFileSync(corrupt, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')); // a PNG renamed .csv
  writeFileSync(path.join(dir, 'microsoft-ads-simple.csv'), readFileSync(fixture('microsoft-ads-simple.csv')));
  files = [fixture('microsoft-ads-simple.csv'), fixture('tiktok-ads-simple.csv'), corrupt, path.join(dir, 'missing.csv'), fixture('meta-ads-utf8-bom.csv')];
});

interface Inspected {
  path: string;
  rows?: number;
  error?: string;
}

describe('inspect with a corrupt file in the middle', () => {
  it('reports every other file, gives each failure its own entry, exits 2 with one stderr line per failure', async () => {
    const run = await runCli(['inspect', ...files, '--json']);
    expect(run.code).toBe(2);
    const out = (JSON.parse(run.stdout) as { files: Inspected[] }).files;
    expect(out.map((f) => f.path)).toEqual(files);
    expect(out.map((f) => (f.error ? 'error' : f.rows))).toEqual([2, 2, 'error', 'error', 2]);
    expect(out[2]).toEqual({ path: files[2], error: 'corrupt.csv is a PNG image, not a data export; nothing was loaded.' });
    expect(out[3]).toEqual({ path: files[3], error: `${files[3]}: no such file` });
    expect(ownStderr(run).split('\n')).toEqual([
      'meshlens inspect: corrupt.csv is a PNG image, not a data export; nothing was loaded.',
      `meshlens inspect: ${files[3]}: no such file`,
      'meshlens inspect: 2 of 5 file(s) failed; the other 3 were processed.',
    ]);
  });

  it('the text report has every good file and a "not loaded" line for each bad one', async () => {
    const run = await runCli(['inspect', ...files]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${files[2]}\n  not loaded: corrupt.csv is a PNG image, not a data export; nothing was loaded.\n`);
    for (const f of [files[0], files[1], files[4]]) expect(run.stdout).toContain(`${f}\n  CSV, utf-8`);
  });

  it('all files good: exit 0 and nothing on stderr', async () => {
    const run = await runCli(['inspect', files[0]!, files[1]!, '--json']);
    expect([run.code, ownStderr(run)]).toEqual([0, '']);
  });
});

describe('export --out-dir', () => {
  it('writes one file per good input, named after it, and reports the bad one', async () => {
    const out = tempDir('meshlens-many-out-');
    const twin = path.join(dir, 'microsoft-ads-simple.csv'); // same base name as files[0]: gets "-2"
    const run = await runCli(['export', files[0]!, files[2]!, twin, files[4]!, '--out-dir', out, '--format', 'parquet']);
    expect(run.code).toBe(2);
    expect(ownStderr(run).split('\n')).toEqual([
      `wrote 2 row(s) to ${path.join(out, 'microsoft-ads-simple.parquet')}`,
      `wrote 2 row(s) to ${path.join(out, 'microsoft-ads-simple-2.parquet')}`,
      `wrote 2 row(s) to ${path.join(out, 'meta-ads-utf8-bom.parquet')}`,
      'meshlens export: corrupt.csv is a PNG image, not a data export; nothing was loaded.',
      'meshlens export: 1 of 4 file(s) failed; the other 3 were processed.',
    ]);
    expect(existsSync(path.join(out, 'corrupt.parquet'))).toBe(false);
  });

  it('refuses to write over an input file', async () => {
    const run = await runCli(['export', path.join(dir, 'microsoft-ads-simple.csv'), files[1]!, '--out-dir', dir]);
    expect(run.code).toBe(2);
    const input = path.join(dir, 'microsoft-ads-simple.csv');
    expect(ownStderr(run).split('\n')).toEqual([
      `wrote 2 row(s) to ${path.join(dir, 'tiktok-ads-simple.csv')}`,
      `meshlens export: ${input}: the output ${input} would overwrite the input (MeshLens never modifies your file); nothing was written`,
      'meshlens export: 1 of 2 file(s) failed; the other 1 were processed.',
    ]);
  });

  it('usage: --out takes one file, --out-dir a folder that exists', async () => {
    const one = await runCli(['export', files[0]!, files[1]!, '--out', path.join(dir, 'x.csv')]);
    expect([one.code, ownStderr(one)]).toEqual([2, 'meshlens export: --out takes exactly one input file; use --out-dir DIR for several']);
    const none = await runCli(['export', files[0]!, '--out-dir', path.join(dir, 'nope')]);
    expect([none.code, ownStderr(none)]).toEqual([2, `meshlens export: cannot write to ${path.join(dir, 'nope')}: folder ${path.resolve(dir, 'nope')} does not exist`]);
  });
});

describe('the command itself', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    expect([run.code, run.stdout]).toEqual([0, `${version}\n`]);
  });

  it('MESHLENS_FROM_SOURCE=1 runs the TypeScript sources (the same answers as the bundle)', async () => {
    const run = await runCli(['inspect', files[0]!, '--json'], { env: { MESHLENS_FROM_SOURCE: '1', MESHLENS_CLI_BUNDLE: '' } });
    expect(run.code, run.stderr).toBe(0);
    const bundled = await runCli(['inspect', files[0]!, '--json']);
    expect(run.stdout).toBe(bundled.stdout);
  });
});
