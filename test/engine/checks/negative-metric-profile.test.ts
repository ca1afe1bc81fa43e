/**
 * negative_metric reads the profile's exact minimum: a column whose smallest value is zero or more has no
 * negative value, so its condition is not counted over the rows. The findings must be those of counting
 * every metric column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { runChecks } from '../../../shared/checks/runner';
import type { Dataset } from '../../../shared/checks/types';
import { byCheck, loadFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

/** The same dataset with a profile that knows no minimum: every metric column is counted. */
function withoutMinimums(dataset: Dataset): Dataset {
  const profile = structuredClone(dataset.profile);
  for (const c of profile.columns) c.min = null;
  return { ...dataset, profile };
}

describe('negative metrics and the profile minimum', () => {
  for (const fixture of ['negative-metric-refund-row.csv', 'google-ads-clean.csv']) {
    it(`${fixture}: only columns whose minimum is below zero are counted, with the same findings`, async () => {
      const { dataset } = await loadFixture(engine, fixture);
      const sent: string[] = [];
      const recording = new Proxy(engine, {
        get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
      });
      const findings = await runChecks(recording, dataset, { referenceDate: '2026-01-25' });
      const negativeColumns = dataset.profile.columns.filter((c) => typeof c.min === 'number' && c.min < 0).map((c) => c.name);
      const counted = [...sent.join('\n').matchAll(/t\."([^"]+)" < 0\)/g)].map((m) => m[1]);
      expect(new Set(counted)).toEqual(new Set(negativeColumns));
      expect(findings).toEqual(await runChecks(engine, withoutMinimums(dataset), { referenceDate: '2026-01-25' }));
      expect(byCheck(findings, 'negative_metric').map((f) => f.columns)).toEqual(
        fixture.startsWith('negative') ? [['Cost']] : [],
      );
    });
  }
});
