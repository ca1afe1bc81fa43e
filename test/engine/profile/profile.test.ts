/** profileTable on tables built with SQL in the importer's shape (`__line` first), with real duckdb-wasm. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import type { Engine } from '../../../shared/engine/types';
import { profileTable } from '../../../shared/profile/profile';
import type { TableProfile } from '../../../shared/profile/types';

let engine: NodeEngine;
let profile: TableProfile;
let queries = 0;

const SHA = 'a'.repeat(64);
const MD5 = 'b'.repeat(32);

beforeAll(async () => {
  engine = await NodeEngine.create();
  // 100 rows: line 2..101. clicks 1..100 with 10 NULLs; dates over 10 days with days 4 and 5 missing.
  await engine.exec(`CREATE TABLE p AS SELECT
      (i + 1)::INTEGER AS __line,
      CASE WHEN i % 10 = 0 THEN NULL ELSE i END::BIGINT AS "Clicks",
      (i * 1.5)::DOUBLE AS "Cost",
      (DATE '2026-01-01' + [0, 1, 2, 5, 6, 7, 8, 9][(i % 8) + 1]::INTEGER) AS "Day",
      CASE WHEN i = 1 THEN 'not-an-email' ELSE 'user' || i || '@example.com' END AS "Email",
      CASE WHEN i % 20 = 0 THEN '${MD5}' ELSE '${SHA}' END AS hashed,
      'https://shop.example.com/p?utm_source=google&utm_medium=cpc&id=' || i AS "Final URL",
      ['+49 30 1234567', '(030) 123 4567', '+1 415 555 0100', '555-123-4567'][(i % 4) + 1] AS phone,
      ['DE', 'FR', 'US', 'GB'][(i % 4) + 1] AS country,
      ['EUR', 'USD'][(i % 2) + 1] AS currency,
      CASE WHEN i <= 60 THEN 'Brand' WHEN i <= 90 THEN 'Sale' ELSE 'Promo' END AS "Campaign",
      (i % 2 = 0) AS flag
    FROM range(1, 101) r(i)`);
  const counting: Engine = Object.create(engine);
  counting.query = (sql) => {
    queries++;
    return engine.query(sql);
  };
  profile = await profileTable(counting, 'p');
});
afterAll(async () => {
  await engine.close();
});

const col = (name: string) => profile.columns.find((c) => c.name === name)!;

describe('profileTable', () => {
  it('skips bookkeeping columns and profiles each user column', () => {
    expect(profile.rows).toBe(100);
    expect(profile.columns.map((c) => c.name)).toEqual([
      'Clicks',
      'Cost',
      'Day',
      'Email',
      'hashed',
      'Final URL',
      'phone',
      'country',
      'currency',
      'Campaign',
      'flag',
    ]);
  });

  it('uses a handful of scans, not one query per statistic per column', () => {
    expect(queries).toBeLessThanOrEqual(6);
  });

  it('numbers: count, NULLs, distinct, min, max, mean, quartiles, stddev, histogram', () => {
    const c = col('Clicks');
    expect(c.kind).toBe('number');
    expect(c.count).toBe(90);
    expect(c.nulls).toBe(10);
    expect(c.nullShare).toBeCloseTo(0.1);
    expect(c.distinct).toBe(90);
    expect(c.min).toBe(1);
    expect(c.max).toBe(99);
    expect(c.mean).toBeCloseTo(50, 5);
    expect(c.median).toBeGreaterThanOrEqual(49);
    expect(c.median).toBeLessThanOrEqual(51);
    expect(c.q1).toBeGreaterThanOrEqual(24);
    expect(c.q1).toBeLessThanOrEqual(27);
    expect(c.q3).toBeGreaterThanOrEqual(73);
    expect(c.q3).toBeLessThanOrEqual(76);
    expect(c.stddev).toBeGreaterThan(28);
    expect(c.stddev).toBeLessThan(30);
    expect(c.histogram).toHaveLength(20);
    expect(c.histogram!.reduce((a, b) => a + b.count, 0)).toBe(90);
    expect(c.histogram![0]!.start).toBe(1);
  });

  it('dates: min, max and day coverage', () => {
    const d = col('Day');
    expect(d.kind).toBe('date');
    expect(d.min).toBe('2026-01-01');
    expect(d.max).toBe('2026-01-10');
    expect(d.spanDays).toBe(10);
    expect(d.distinctDays).toBe(8);
    expect(d.dayCoverage).toBeCloseTo(0.8);
  });

  it('text: top values with counts and string lengths', () => {
    const c = col('Campaign');
    expect(c.topValues).toEqual([
      { value: 'Brand', count: 60 },
      { value: 'Sale', count: 30 },
      { value: 'Promo', count: 10 },
    ]);
    expect(c.length).toEqual({ min: 4, max: 5, mean: 4.7 });
    expect(col('flag').topValues).toHaveLength(2);
  });

  it('detects patterns and their share', () => {
    expect(col('Email').pattern).toBe('email');
    expect(col('Email').patternShare).toBeCloseTo(0.99);
    expect(col('hashed').pattern).toBe('sha256');
    expect(col('hashed').patternCounts).toEqual({ sha256: 95, md5: 5 });
    expect(col('Final URL').pattern).toBe('url_utm');
    expect(col('phone').pattern).toBe('phone');
    expect(col('phone').patternShare).toBe(1);
    expect(col('country').pattern).toBe('country_code');
    expect(col('currency').pattern).toBe('currency_code');
    expect(col('Campaign').pattern).toBeNull();
  });

  it('rows and key metrics per day', () => {
    expect(profile.daily?.column).toBe('Day');
    expect(profile.daily?.metrics).toEqual(['Clicks', 'Cost']);
    expect(profile.daily?.points).toHaveLength(8);
    const total = profile.daily!.points.reduce((a, p) => a + p.rows, 0);
    expect(total).toBe(100);
    const cost = profile.daily!.points.reduce((a, p) => a + (p.metrics.Cost ?? 0), 0);
    expect(cost).toBeCloseTo(1.5 * 5050, 6);
  });

  it('medians_were_approximations_shown_as_medians: median and quartiles match an independent computation', async () => {
    // A skewed column where approx_quantile's sketch drifts off the true median (the issue saw 6.87 for 7).
    const values = [
      ...Array.from({ length: 40 }, (_, i) => 1 + (i % 7)),
      ...Array.from({ length: 21 }, () => 7),
      ...Array.from({ length: 39 }, (_, i) => 8 + i * 3.3),
    ];
    await engine.exec(
      `CREATE TABLE med AS SELECT unnest([${values.join(',')}]::DOUBLE[]) AS "Conversions", 1 AS __line`,
    );
    const sorted = [...values].sort((a, b) => a - b);
    // Linear interpolation between closest ranks: the definition of quantile_cont (and of R type 7).
    const quantile = (q: number) => {
      const h = (sorted.length - 1) * q;
      const lo = Math.floor(h);
      return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
    };
    const c = (await profileTable(engine, 'med')).columns.find((x) => x.name === 'Conversions')!;
    expect(c.median).toBe(quantile(0.5));
    expect(c.median).toBe(7);
    expect(c.q1).toBeCloseTo(quantile(0.25), 12);
    expect(c.q3).toBeCloseTo(quantile(0.75), 12);
    expect(c.quantilesApprox).toBeUndefined();
    expect(col('Clicks').median).toBe(50);
  });

  it('labels median and quartiles as approximate above the exact limit', async () => {
    const p = await profileTable(engine, 'p', undefined, { exactQuantileLimit: 10 });
    const c = p.columns.find((x) => x.name === 'Clicks')!;
    expect(c.quantilesApprox).toBe(true);
    expect(c.median).toBeGreaterThan(45);
    expect(col('Clicks').quantilesApprox).toBeUndefined();
  });

  it('approximates distinct counts on big tables and says so', async () => {
    const p = await profileTable(engine, 'p', undefined, { exactDistinctLimit: 10 });
    expect(p.columns[0]!.distinctApprox).toBe(true);
    expect(p.columns[0]!.distinct).toBeGreaterThan(80);
    expect(p.columns[0]!.distinct).toBeLessThanOrEqual(90);
  });
});
