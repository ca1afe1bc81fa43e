/** The attribution sandbox and the incrementality test read real files: a GA4 conversion-path export, the demo geo test. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { creditChannels } from '../../../shared/reconcile/attribution-models';
import { diffInDiff, liftSentence } from '../../../shared/reconcile/lift';
import { readConversionPaths, readTest } from '../../../shared/reconcile/readers';
import { loadSource } from './helpers';

const DEMO = path.resolve(__dirname, '../../../assets/demo');

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('conversion paths from a GA4 export', () => {
  it('reads the path, key events, revenue and days columns and credits the channels', async () => {
    const src = await loadSource(engine, 'ga4-conversion-paths.csv');
    const read = await readConversionPaths(engine, src.dataset);
    if ('reason' in read) throw new Error(read.reason);
    expect(read.columns).toEqual({
      path: 'Default channel group',
      conversions: 'Key events',
      revenue: 'Purchase revenue',
      days: 'Days to key event',
    });
    expect(read.paths.map((p) => [p.channels.length, p.conversions, p.revenue, p.days, p.line])).toEqual([
      [3, 10, 1000, 14, 10],
      [2, 4, 200, 7, 11],
      [1, 6, 300, 0, 12],
    ]);
    const credit = creditChannels(read.paths);
    expect(credit.channels.find((c) => c.channel === 'Direct')!.conversions.last_click).toBe(14);
  });

  it('says why an ads export is not a path export', async () => {
    const src = await loadSource(engine, 'google-ads-march.csv');
    expect(await readConversionPaths(engine, src.dataset)).toEqual({ reason: expect.stringMatching(/no channel path column/) });
  });
});

describe('the demo geo holdout', () => {
  it('finds the test and control groups, the test start and the Meta claim; the interval covers the planted lift', async () => {
    const src = await loadSource(engine, 'geo-test-meta-2026-09.csv', DEMO);
    const t = await readTest(engine, src.dataset);
    if ('reason' in t) throw new Error(t.reason);
    expect(t.groups).toEqual({ test: ['test'], control: ['control'] });
    expect(t.testStart).toBe('2026-09-15');
    expect(t.days).toHaveLength(30);
    expect(t.columns).toMatchObject({ conversions: 'orders', claimed: 'meta_claimed_purchases', region: 'region' });
    const est = diffInDiff(t.days, t.testStart!);
    // Planted: 1.5 more orders per test region and day over 16 days in 4 regions = 96.
    expect(est.low).toBeLessThanOrEqual(96);
    expect(est.high).toBeGreaterThanOrEqual(96);
    expect(est.low).toBeGreaterThan(0);
    expect(t.claimed).toBeGreaterThan(est.high);
    expect(liftSentence(est, { platform: 'Meta', claimed: t.claimed! })).toMatch(/^Meta claimed \d+; the test shows -?\d+ \(-?\d+–\d+\) more than control/);
  });
});
