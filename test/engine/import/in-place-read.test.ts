/**
 * A clean file on disk is read where it lies by native DuckDB (shared/import/in-place.ts) instead of a copy
 * of its rows: same table, same original text, same log as the copied read, and the user's file untouched.
 * Files the in-place read could misread fall back to the copy.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../electron/cli/load';
import { quoteIdent } from '../../../shared/engine/sql';
import type { Engine } from '../../../shared/engine/types';
import { importFile } from '../../../shared/import';
import type { ImportResult } from '../../../shared/import/types';
import { ROOT, withBothEngines } from './helpers';

const engines = withBothEngines();
const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-in-place-'));

/** Imports `file`, noting whether a statement read the file on disk and whether rows were copied. */
async function load(engine: Engine, file: string, diskPath?: string): Promise<{ r: ImportResult; inPlace: boolean; copied: boolean; snapshot: string }> {
  let inPlace = false;
  let copied = false;
  const spy: Engine = Object.create(engine) as Engine;
  spy.exec = async (sql: string) => {
    if (sql.startsWith('CREATE TABLE') && sql.includes(`read_csv('${file.replace(/'/g, "''")}'`)) inPlace = true;
    return engine.exec(sql);
  };
  spy.registerFile = async (name: string, bytes: Uint8Array) => {
    copied = true;
    return engine.registerFile(name, bytes);
  };
  const bytes = new Uint8Array(readFileSync(file));
  const r = await importFile(spy, { path: file, name: path.basename(file), bytes, ...(diskPath ? { diskPath } : {}) });
  const rows = (await engine.query(`SELECT * FROM ${quoteIdent(r.tableName)} ORDER BY __line`)).rows;
  const raw = (await engine.query(`SELECT * FROM ${quoteIdent(r.rawTableName)} ORDER BY __line`)).rows;
  const snapshot = JSON.stringify({ ...r, tableName: '', rawTableName: '', rows, raw }, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return { r, inPlace, copied, snapshot };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('reading a clean file in place (native DuckDB)', () => {
  it('a Google Ads export with title rows is read in place, with the same table, original text and log as the copied rows', async () => {
    const file = path.join(ROOT, 'test/fixtures/platforms/Campaign report.csv');
    const before = sha(file);
    const copy = await load(engines.native, file);
    const here = await load(engines.native, file, file);
    expect(copy.inPlace).toBe(false);
    expect(here.inPlace).toBe(true);
    expect(here.copied).toBe(false);
    expect(here.snapshot).toBe(copy.snapshot);
    expect(here.r.rows).toBeGreaterThan(0);
    expect(sha(file)).toBe(before);
  });

  it('the CLI hands the importer the file’s absolute path', () => {
    const file = path.relative(process.cwd(), path.join(ROOT, 'test/fixtures/platforms/Campaign report.csv'));
    expect(readInput(file).diskPath).toBe(path.resolve(file));
  });

  it('in_place_read_gave_other_rows: a lone CR above the header makes DuckDB count lines differently, so the copied rows are read', async () => {
    const file = path.join(dir, 'lone-cr.csv');
    writeFileSync(file, 'Title\rmore\nDay,Clicks,Campaign\n2026-01-01,1,Brand\n2026-01-02,5,Generic\n');
    const copy = await load(engines.native, file);
    const here = await load(engines.native, file, file);
    expect(here.inPlace).toBe(true);
    expect(here.copied).toBe(true);
    expect(here.snapshot).toBe(copy.snapshot);
    expect(here.r.rows).toBe(2);
  });

  it.each([
    ['a quoted line break above the header', 'multi-line-title.csv', '"Report\nfor January"\nDay,Clicks\n2026-01-01,1\n2026-01-02,5\n'],
    ['delimiter-only rows under the table', 'trailing-commas.csv', 'Day,Clicks\n2026-01-01,1\n2026-01-02,5\n,\n,\n'],
    ['a byte order mark', 'bom.csv', '\uFEFFDay,Clicks\n2026-01-01,1\n2026-01-02,5\n'],
    ['glob characters in the path', 'report[1].csv', 'Day,Clicks\n2026-01-01,1\n2026-01-02,5\n'],
  ])('not read in place: %s (same result through the copy)', async (_, name, text) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const copy = await load(engines.native, file);
    const here = await load(engines.native, file, file);
    expect(here.inPlace).toBe(false);
    expect(here.snapshot).toBe(copy.snapshot);
  });

  it('duckdb-wasm never reads the disk: the rows are copied', async () => {
    const file = path.join(ROOT, 'test/fixtures/platforms/Campaign report.csv');
    const here = await load(engines.wasm, file, file);
    expect(here.inPlace).toBe(false);
    expect(here.copied).toBe(true);
  });
});
