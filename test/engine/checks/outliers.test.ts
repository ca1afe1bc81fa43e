/**
 * metric_outliers on right-skewed daily series (lognormal conversions and revenue) with real duckdb-wasm:
 * a clean series raises nothing, a planted tenfold day is found and says how unusual it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { metricOutliers, normalQuantile, robustOutliers } from '../../../shared/checks/outliers';
import { runChecks } from '../../../shared/checks/runner';
import type { DailyOutlier } from '../../../shared/checks/outliers';
import { auditFixture, byCheck, FIXTURES } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

/** Day and one column of a fixture, read independently of the importer. */
function column(fixture: string, name: string) {
  const [head, ...lines] = readFileSync(path.join(FIXTURES, fixture), 'utf8').trim().split('\n');
  const i = head!.split(',').indexOf(name);
  return lines.map((l) => ({ date: l.split(',')[0]!, value: Number(l.split(',')[i]) }));
}

describe('outliers on skewed metrics', () => {
  it('outliers_on_skewed_metrics_cried_wolf: a clean lognormal series raises nothing', async () => {
    const { findings } = await auditFixture(engine, 'metric-outliers-lognormal-clean.csv', {
      referenceDate: '2026-03-02',
    });
    expect(byCheck(findings, 'metric_outliers')).toEqual([]);
    // The plain robust z-score on raw values flags ordinary busy days of the same file: the test can fail.
    const raw = [
      ...robustOutliers(column('metric-outliers-lognormal-clean.csv', 'Conversions'), { logScale: false }),
      ...robustOutliers(column('metric-outliers-lognormal-clean.csv', 'Revenue'), { logScale: false }),
    ];
    expect(raw.length).toBeGreaterThan(0);
  });

  it('finds a planted tenfold day and says how unusual it is', async () => {
    const { findings } = await auditFixture(engine, 'metric-outliers-tenfold-spike.csv', {
      referenceDate: '2026-03-02',
    });
    const found = byCheck(findings, 'metric_outliers');
    expect(found.map((f) => f.columns[0])).toEqual(['Conversions']);
    expect(found[0]!.sample.map((s) => s.line)).toEqual([42]);
    const day = (found[0]!.details!.days as DailyOutlier[])[0]!;
    expect(day).toMatchObject({ date: '2026-02-10', value: 890, direction: 'spike', logScale: true });
    expect(day.ratio).toBeGreaterThanOrEqual(10);
    expect(found[0]!.message).toMatch(
      /2026-02-10: 890, [\d.]+× the typical day of [\d.]+ \(robust z [\d.]+ on the log scale\)/,
    );
  });

  it('keeps the chance of a false alarm per series at 1 % whatever its length', () => {
    expect(normalQuantile(0.025)).toBeCloseTo(1.96, 2);
    expect(normalQuantile(0.01 / 120)).toBeCloseTo(3.77, 1);
  });

  it('needs a minimum history: 13 days are too few to know what is usual', () => {
    const series = column('metric-outliers-tenfold-spike.csv', 'Conversions');
    expect(robustOutliers(series.slice(30, 43))).toEqual([]);
    expect(robustOutliers(series.slice(28, 43)).map((o) => o.date)).toEqual(['2026-02-10']);
  });
});

describe('metric_outliers shares the profile scan', () => {
  it('reads the daily sums the profile already has, and finds the same days as reading them again', async () => {
    const { analysed, findings } = await auditFixture(engine, 'metric-outliers-tenfold-spike.csv', { referenceDate: '2026-03-01' });
    const ds = analysed.dataset;
    expect(ds.profile.daily?.points.length).toBeGreaterThan(0);
    const sent: string[] = [];
    const recording = new Proxy(engine, {
      get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
    });
    const withProfile = await runChecks(recording, ds, { referenceDate: '2026-03-01' }, {}, [metricOutliers]);
    expect(sent.filter((sql) => /GROUP BY/.test(sql))).toEqual([]);
    const { daily: _daily, ...withoutDaily } = ds.profile;
    const reread = await runChecks(engine, { ...ds, profile: withoutDaily }, { referenceDate: '2026-03-01' }, {}, [metricOutliers]);
    expect(reread).toEqual(withProfile);
    expect(withProfile).toEqual(byCheck(findings, 'metric_outliers'));
    expect(withProfile.length).toBeGreaterThan(0);
  });
});
