/**
 * values.ts reads medians, quartiles, histograms and (big tables) pattern counts from one GROUP BY per
 * column instead of quantile_cont, histogram() and a pattern sample. These tests hold it to the answers
 * of the direct computations, on both engines, bit for bit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeEngine } from '../../../electron/engine/native-engine';
import { NodeEngine } from '../../../electron/engine/node-engine';
import type { Engine } from '../../../shared/engine/types';
import { PATTERNS, patternPredicate } from '../../../shared/profile/patterns';
import { profileTable } from '../../../shared/profile/profile';
import type { TableProfile } from '../../../shared/profile/types';
import { isGrouped } from '../../../shared/profile/values';

const engines: Record<string, Engine> = {};

// 600 rows. "Clicks": few distinct integers with NULLs (grouped); "Cost": cents, many repeats (grouped);
// "Spend": unique doubles (quantile_cont); "Country": codes mixed with names and e-mails.
const TABLE = `CREATE TABLE v AS SELECT
    (i + 2)::INTEGER AS __line,
    CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 7919) % 37 - 5 END::BIGINT AS "Clicks",
    round(((i * 104729) % 200) / 7.0, 2)::DOUBLE AS "Cost",
    (i * 1.000123 + ((i * 31) % 17) / 3.0)::DOUBLE AS "Spend",
    ['DE', 'FR', 'us', 'IT', 'a@b.io', 'UK', NULL, 'EUR'][(i % 8) + 1] AS "Country"
  FROM range(600) r(i)`;

beforeAll(async () => {
  engines.native = await NativeEngine.create();
  engines.wasm = await NodeEngine.create();
  for (const e of Object.values(engines)) {
    await e.exec(TABLE);
    // q1 = 1205.64 · 0.75 + 1205.65 · 0.25: DuckDB gives 1205.6425, lo + (hi - lo) · d gives 1205.6425000000002.
    await e.exec(`CREATE TABLE w AS SELECT unnest([1205.6, 1205.64, 1205.65, 1205.7, 1205.8, 1205.9]::DOUBLE[]) AS "Cost"`);
  }
});
afterAll(async () => {
  for (const e of Object.values(engines)) await e.close();
});

const col = (p: TableProfile, name: string) => p.columns.find((c) => c.name === name)!;

describe.each(['native', 'wasm'])('value statistics on %s', (kind) => {
  it('median and quartiles from value counts equal quantile_cont, bit for bit', async () => {
    const e = engines[kind]!;
    const p = await profileTable(e, 'v', undefined, { daily: false });
    expect(isGrouped(col(p, 'Clicks'))).toBe(true);
    expect(isGrouped(col(p, 'Cost'))).toBe(true);
    expect(isGrouped(col(p, 'Spend'))).toBe(false);
    for (const name of ['Clicks', 'Cost', 'Spend']) {
      const q = (
        await e.query<{ a: number; b: number; c: number }>(
          `SELECT quantile_cont("${name}"::DOUBLE, 0.25) AS a, quantile_cont("${name}"::DOUBLE, 0.5) AS b, quantile_cont("${name}"::DOUBLE, 0.75) AS c FROM v`,
        )
      ).rows[0]!;
      const c = col(p, name);
      expect([c.q1, c.median, c.q3], name).toEqual([q.a, q.b, q.c]);
      expect(c.quantilesApprox).toBeUndefined();
    }
    const w = col(await profileTable(e, 'w', undefined, { daily: false }), 'Cost');
    expect(isGrouped(w)).toBe(true);
    expect(w.q1).toBe(1205.6425);
  });

  it('histograms count every non-NULL value once, in the bin of its value', async () => {
    const e = engines[kind]!;
    const p = await profileTable(e, 'v', undefined, { daily: false });
    for (const name of ['Clicks', 'Cost', 'Spend']) {
      const c = col(p, name);
      const lo = Number(c.min);
      const width = (Number(c.max) - lo) / 20;
      const direct = await e.query<{ b: number; n: number }>(
        `SELECT least(19, floor(("${name}"::DOUBLE - ${lo}) / ${width}))::INTEGER AS b, count(*)::BIGINT AS n FROM v WHERE "${name}" IS NOT NULL GROUP BY 1`,
      );
      const expected = Array.from({ length: 20 }, (_, b) => Number(direct.rows.find((r) => Number(r.b) === b)?.n ?? 0));
      expect(c.histogram!.map((h) => h.count), name).toEqual(expected);
      expect(c.histogram!.reduce((a, h) => a + h.count, 0)).toBe(c.count);
    }
  });

  it('top values are the most frequent values, ties at the cut broken by their text, as a direct ORDER BY', async () => {
    const e = engines[kind]!;
    for (const topK of [1, 3, 10]) {
      const p = await profileTable(e, 'v', undefined, { daily: false, topK });
      for (const name of ['Clicks', 'Cost', 'Country']) {
        const direct = await e.query<{ v: string; n: number }>(
          `SELECT "${name}"::VARCHAR AS v, count(*)::BIGINT AS n FROM v WHERE "${name}" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${topK}`,
        );
        const expected = direct.rows
          .map((r) => ({ value: r.v, count: Number(r.n) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
        expect(col(p, name).topValues, `${name} top ${topK}`).toEqual(expected);
      }
    }
  });

  it('the daily series of a timestamp column: rows and sums per day, in day order, as grouping by the day as text', async () => {
    const e = engines[kind]!;
    await e.exec(`CREATE OR REPLACE TABLE ts AS SELECT TIMESTAMP '2025-12-30 22:00:00' + INTERVAL (i * 7) HOUR AS "Day",
      (i % 13)::BIGINT AS "Clicks", round(i * 1.37 % 50, 2)::DOUBLE AS "Cost" FROM range(400) r(i)`);
    const p = await profileTable(e, 'ts', undefined, { dateColumn: 'Day', dailyMetrics: ['Clicks', 'Cost'] });
    const direct = await e.query<{ day: string; n: number; c: number; s: number }>(
      `SELECT "Day"::DATE::VARCHAR AS day, count(*)::BIGINT AS n, sum("Clicks")::DOUBLE AS c, sum("Cost")::DOUBLE AS s FROM ts GROUP BY 1 ORDER BY 1`,
    );
    expect(p.daily?.points).toEqual(
      direct.rows.map((r) => ({ date: r.day, rows: Number(r.n), metrics: { Clicks: r.c, Cost: r.s } })),
    );
    expect(p.daily?.points[0]?.date).toBe('2025-12-30');
  });

  it('a big table counts the patterns of a text column with few values exactly, not from a sample', async () => {
    const e = engines[kind]!;
    const p = await profileTable(e, 'v', undefined, { daily: false, patternSampleLimit: 10, exactDistinctLimit: 10 });
    const c = col(p, 'Country');
    expect(c.patternsSampled).toBeUndefined();
    const sums = PATTERNS.map((pat, j) => `count(*) FILTER (WHERE ${patternPredicate(pat, '"Country"')}) AS p${j}`);
    const exact = (await e.query(`SELECT ${sums.join(', ')} FROM v`)).rows[0]!;
    const expected = Object.fromEntries(PATTERNS.map((pat, j) => [pat, Number(exact[`p${j}`])]).filter(([, n]) => Number(n) > 0));
    expect(c.patternCounts).toEqual(expected);
    expect(c.patternCounts).toEqual({ country_code: 300, email: 75, currency_code: 75 });
    expect(c.pattern).toBe('country_code');
  });
});

it('both engines give the same profile', async () => {
  const [a, b] = await Promise.all(
    ['native', 'wasm'].map(async (k) => {
      const p = await profileTable(engines[k]!, 'v', undefined, { daily: false });
      return p.columns;
    }),
  );
  expect(a).toEqual(b);
});

it('wide tables are profiled in batches of columns with the same answers as one column at a time', async () => {
  const e = engines.native!;
  const cols = Array.from({ length: 30 }, (_, i) => (i % 3 ? `(r.i * ${i + 1}) % ${i + 5} AS "n${i}"` : `'v' || (r.i % ${i + 2}) AS "t${i}"`));
  await e.exec(`CREATE TABLE wide AS SELECT r.i::INTEGER AS __line, ${cols.join(', ')} FROM range(300) r(i)`);
  const all = await profileTable(e, 'wide', undefined, { daily: false });
  expect(all.columns).toHaveLength(30);
  for (const c of all.columns) {
    const alone = await profileTable(e, 'wide', [{ name: c.name, type: c.type }], { daily: false });
    expect(c, c.name).toEqual(alone.columns[0]);
  }
});
