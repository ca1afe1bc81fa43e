/**
 * Bug: sample_changed_between_runs. derived_metric_mismatch (rate scale and decimals) and invalid_format
 * (which text columns hold numbers or dates) read big tables through `USING SAMPLE n ROWS`, which draws a
 * new reservoir on every run, so two audits of one file could decide differently. lineSample picks rows by
 * their line: the same rows on every run and on both engines, spread over the whole table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeEngine } from '../../../electron/engine/native-engine';
import { NodeEngine } from '../../../electron/engine/node-engine';
import type { Engine } from '../../../shared/engine/types';
import { lineSample } from '../../../shared/engine/sql';

const ROWS = 120_000;
const engines: { name: string; engine: Engine }[] = [];

beforeAll(async () => {
  engines.push({ name: 'wasm', engine: await NodeEngine.create() }, { name: 'native', engine: await NativeEngine.create() });
  for (const { engine } of engines) {
    await engine.exec(`CREATE TABLE s AS SELECT (i + 4)::INTEGER AS __line, i % 97 AS v FROM range(${ROWS}) r(i)`);
  }
}, 120_000);
afterAll(async () => {
  for (const { engine } of engines) await engine.close();
});

async function picked(engine: Engine): Promise<number[]> {
  const r = await engine.query(`SELECT __line FROM ${lineSample('s', ROWS, 20_000)} ORDER BY __line`);
  return r.rows.map((x) => Number(x.__line));
}

describe('sample_changed_between_runs', () => {
  it('picks the same lines on every run and on both engines', async () => {
    const runs = await Promise.all(engines.flatMap(({ engine }) => [picked(engine), picked(engine)]));
    for (const r of runs.slice(1)) expect(r).toEqual(runs[0]);
  });

  it('picks about the target, spread over the whole table', async () => {
    const lines = await picked(engines[0]!.engine);
    expect(lines.length).toBeGreaterThan(20_000 * 0.9);
    expect(lines.length).toBeLessThan(20_000 * 1.1);
    // Every tenth of the table is represented in proportion.
    for (let part = 0; part < 10; part++) {
      const lo = 4 + (part * ROWS) / 10;
      const inPart = lines.filter((l) => l >= lo && l < lo + ROWS / 10).length;
      expect(inPart).toBeGreaterThan(lines.length / 10 / 1.3);
      expect(inPart).toBeLessThan((lines.length / 10) * 1.3);
    }
  });

  it('takes every row of a table smaller than the target', async () => {
    const r = await engines[1]!.engine.query(`SELECT count(*) AS n FROM ${lineSample('s', ROWS, ROWS * 2)}`);
    expect(Number(r.rows[0]!.n)).toBe(ROWS);
  });
});
