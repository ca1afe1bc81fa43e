/**
 * spill_files_went_to_the_working_folder: native DuckDB spills tables larger than its memory limit to
 * `temp_directory`, which defaulted to `.tmp` in the folder the user ran `meshlens` from. The engine's
 * private temporary folder holds them now, and closing the engine removes it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NativeEngine } from '../../../electron/engine/native-engine';

let engine: NativeEngine;
let spill = '';

beforeAll(async () => {
  engine = await NativeEngine.create();
  spill = String((await engine.query(`SELECT current_setting('temp_directory') AS d`)).rows[0]!.d);
});
afterAll(async () => {
  await engine.close();
});

it('spill_files_went_to_the_working_folder: a query bigger than the memory limit spills into the engine folder', async () => {
  expect(spill).toMatch(/meshlens-native-[^/\\]+[/\\]spill$/);
  // 60 MB of sort data against a 20 MB limit: it only completes by spilling.
  await engine.exec(`SET memory_limit = '20MB'; SET threads = 1`);
  await engine.exec(`CREATE TABLE big AS SELECT i, md5(i::VARCHAR) || md5((i + 1)::VARCHAR) AS s FROM range(800000) r(i)`);
  const sorted = await engine.query<{ s: string }>(`SELECT s FROM (SELECT s FROM big ORDER BY s) LIMIT 1 OFFSET 400000`);
  expect(sorted.rows).toHaveLength(1);
  expect(existsSync('.tmp') && readdirSync('.tmp').length > 0).toBe(false);
  await engine.close();
  expect(existsSync(spill)).toBe(false);
  engine = await NativeEngine.create();
});
