/**
 * derived_metric_mismatch names the first row that disagrees (line, stated, recomputed). That row is read
 * only once a rate is a finding: a file whose rates add up pays for no extra scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { derivedMetricMismatch } from '../../../shared/checks/metrics';
import { runChecks } from '../../../shared/checks/runner';
import type { Finding } from '../../../shared/checks/types';
import { loadFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

async function run(fixture: string): Promise<{ findings: Finding[]; sent: string[] }> {
  const { dataset } = await loadFixture(engine, fixture);
  const sent: string[] = [];
  const recording = new Proxy(engine, {
    get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
  });
  const findings = await runChecks(recording, dataset, { referenceDate: '2026-01-25' }, {}, [derivedMetricMismatch]);
  return { findings, sent };
}

describe('derived_metric_mismatch example row', () => {
  it('reads no example row when every rate adds up', async () => {
    const { findings, sent } = await run('google-ads-clean.csv');
    expect(findings).toEqual([]);
    expect(sent.some((sql) => sql.includes('min(t."__line") FILTER'))).toBe(false);
  });

  it('names the first disagreeing row once a rate is a finding', async () => {
    const { findings, sent } = await run('derived-metric-mismatch-edited-rates.csv');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const example = f.details?.example as { line: number } | undefined;
      expect(example?.line).toBe(f.sample[0]?.line);
      expect(f.message).toContain(`line ${example?.line} states`);
    }
    expect(sent.filter((sql) => sql.includes('min(t."__line") FILTER'))).toHaveLength(1);
  });
});
