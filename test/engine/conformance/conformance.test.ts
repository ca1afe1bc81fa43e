/**
 * The engine conformance suite: one suite, both engines. Every import, check, demo (contract) and
 * standards fixture goes through the real importer, profile, checks and contract on native DuckDB
 * (@duckdb/node-api, the CLI's default) and on duckdb-wasm (the app's engine, the CLI's `--engine wasm`),
 * and the two must agree on everything a user sees: the import result and log, every typed and raw cell
 * with its line number, the profile, the findings with their counts and sample lines, the contract report,
 * and the message of a file that cannot be loaded. This suite is what lets two engines live in one product.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeEngine } from '../../../electron/engine/native-engine';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { nodeParquet } from '../../../electron/engine/parquet-node';
import { runContractFile } from '../../../electron/cli/contract';
import { quoteIdent } from '../../../shared/engine/sql';
import type { Engine } from '../../../shared/engine/types';
import { exportTable } from '../../../shared/import/export';
import { importFile } from '../../../shared/import/index';
import { analyseForMesh } from '../../../shared/mesh/analyse';
import { exportContractYaml, parseContract } from '../../../shared/mesh/odcs';
import { suggestProduct } from '../../../shared/mesh/product';
import { CSV_SPECTRUM_DIR, REPO_ROOT } from '../../helpers/standards';
import { tempDir } from '../import/helpers';

const REFERENCE_DATE = '2026-01-25';
const dir = (d: string) => path.join(REPO_ROOT, d);
const list = (d: string, filter = (_: string) => true) =>
  readdirSync(dir(d))
    .filter((f) => !f.startsWith('.') && filter(f))
    .sort()
    .map((f) => path.join(d, f));

let wasm: NodeEngine;
let native: NativeEngine;
let parquetFixture: string;

/** A Parquet file with every common type, written once by parquet-wasm (not by either engine's reader). */
async function writeParquetFixture(engine: NodeEngine): Promise<string> {
  await engine.exec(`CREATE TABLE pq_src AS SELECT range::INTEGER AS n, 'row ' || range AS label, range * 1.5 AS spend,
    DATE '2026-01-01' + range::INTEGER AS day, range % 2 = 0 AS even, 9007199254740993 + range AS big_id FROM range(50)`);
  const file = path.join(tempDir('meshlens-conformance-'), 'types.parquet');
  writeFileSync(file, await nodeParquet.fromIPC(await engine.queryArrowIPC('SELECT * FROM pq_src ORDER BY n')));
  await engine.exec('DROP TABLE pq_src');
  return file;
}

beforeAll(async () => {
  wasm = await NodeEngine.create();
  native = await NativeEngine.create();
  parquetFixture = await writeParquetFixture(wasm);
}, 120_000);
afterAll(async () => {
  await wasm?.close();
  await native?.close();
});

/** Everything a user can see of one file on one engine, with the engine's own table names blanked. */
async function digest(engine: Engine, file: string): Promise<unknown> {
  const abs = path.isAbsolute(file) ? file : dir(file);
  const name = path.basename(abs);
  let result;
  try {
    result = await importFile(engine, { path: file, name, bytes: new Uint8Array(readFileSync(abs)) }, {}, { parquet: nodeParquet });
  } catch (err) {
    return { error: (err as Error).message };
  }
  const typed = (await engine.query(`SELECT * FROM ${quoteIdent(result.tableName)} ORDER BY __line`)).rows;
  const raw = (await engine.query(`SELECT * FROM ${quoteIdent(result.rawTableName)} ORDER BY __line`)).rows;
  const { facts, findings, semantics } = await analyseForMesh(engine, result, { name, config: { referenceDate: REFERENCE_DATE } });
  const contract = parseContract(exportContractYaml(suggestProduct(facts)));
  const report = await runContractFile(engine, result, contract, REFERENCE_DATE);
  const csv = new TextDecoder().decode(await exportTable(engine, result, 'csv'));
  const out = { result, typed, raw, facts, findings, semantics, report, csv };
  const text = JSON.stringify(out, (k, v: unknown) => (k === 'elapsedMs' ? 0 : v))
    .split(result.rawTableName)
    .join('<raw>')
    .split(result.tableName)
    .join('<table>');
  return JSON.parse(text);
}

const FIXTURES = [
  ...list('test/fixtures/import'),
  ...list('test/fixtures/bad'),
  ...list('test/fixtures/checks'),
  ...list('test/fixtures/e2e'),
  ...list('assets/demo', (f) => f.endsWith('.csv')),
  ...readdirSync(path.join(CSV_SPECTRUM_DIR, 'csvs'))
    .sort()
    .map((f) => path.join(CSV_SPECTRUM_DIR, 'csvs', f)),
];

describe('engine conformance: native DuckDB and duckdb-wasm give identical results', () => {
  it('the fixture list is not empty (the suite can fail)', () => {
    expect(FIXTURES.length).toBeGreaterThan(80);
  });

  it.each(FIXTURES)('%s', async (file) => {
    const w = await digest(wasm, file);
    const n = await digest(native, file);
    expect(n).toEqual(w);
  });

  it('a Parquet file: native reads it itself, wasm through parquet-wasm, same rows and types', async () => {
    const w = await digest(wasm, parquetFixture);
    const n = await digest(native, parquetFixture);
    expect(n).toEqual(w);
    expect((w as { typed: unknown[] }).typed).toHaveLength(50);
  });

  it('Parquet written by native DuckDB reads back the same on both engines', async () => {
    const r = await importFile(native, { path: 'x.csv', name: 'x.csv', bytes: new TextEncoder().encode('day,clicks\n2026-01-01,3\n2026-01-02,4\n') });
    const bytes = await exportTable(native, r, 'parquet');
    const file = path.join(tempDir('meshlens-conformance-'), 'out.parquet');
    writeFileSync(file, bytes);
    expect(await digest(native, file)).toEqual(await digest(wasm, file));
  });
});
