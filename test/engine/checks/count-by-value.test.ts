/**
 * The runner counts a predicate that reads one text column with few distinct values over those values,
 * weighted by their rows. The counts and sampled lines must be those of counting row by row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { CATALOGUE } from '../../../shared/checks/catalogue';
import { runChecks } from '../../../shared/checks/runner';
import { byCheck, loadFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

/** The engine, with every query it is sent written down. */
function recorded(e: NodeEngine): { sent: string[]; recording: NodeEngine } {
  const sent: string[] = [];
  const recording = new Proxy(e, {
    get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
  });
  return { sent, recording };
}

describe('predicates counted by value', () => {
  it('a placeholder and an e-mail address in 4 campaigns over 200 rows: 50 rows each, as row by row', async () => {
    const { dataset } = await loadFixture(engine, 'placeholder-and-email-in-few-campaigns.csv');
    const { sent, recording } = recorded(engine);
    const findings = await runChecks(recording, dataset, { referenceDate: '2026-03-01' });
    expect(sent.some((sql) => sql.includes('sum("__rows")') && sql.includes('(not set)'))).toBe(true);
    const [placeholder] = byCheck(findings, 'placeholder_values');
    expect(placeholder?.rows).toBe(50);
    expect(placeholder?.sample.slice(0, 3).map((s) => s.line)).toEqual([4, 8, 12]);
    const [pii] = byCheck(findings, 'pii_detected');
    expect(pii?.rows).toBe(50);
    expect(pii?.sample.slice(0, 3).map((s) => s.line)).toEqual([5, 9, 13]);
    const direct = await engine.query(
      `SELECT count(*) FILTER (WHERE "Campaign" = '(not set)') AS p, count(*) FILTER (WHERE contains("Campaign", '@')) AS e FROM ${JSON.stringify(dataset.tableName)}`,
    );
    expect([Number(direct.rows[0]?.p), Number(direct.rows[0]?.e)]).toEqual([50, 50]);
  });

  it('a label column is grouped once per run: its values, read for inconsistent_labels, are what every pass counts by value', async () => {
    const { dataset } = await loadFixture(engine, 'placeholder-and-email-in-few-campaigns.csv');
    // A copied profile (a saved workspace, a worker message) has no kept values: the checks group the column.
    const copied = { ...dataset, profile: structuredClone(dataset.profile) };
    const { sent, recording } = recorded(engine);
    const findings = await runChecks(recording, copied, { referenceDate: '2026-03-01' });
    const byCampaign = /GROUP BY t\."Campaign"(?!,)|SELECT t\."Campaign", count\(\*\) AS "__rows"/;
    expect(sent.filter((sql) => byCampaign.test(sql))).toHaveLength(1);
    expect(sent.filter((sql) => sql.includes('sum("__rows")') && sql.includes('(VALUES ')).length).toBeGreaterThan(0);
    const alone = await runChecks(engine, copied, { referenceDate: '2026-03-01' }, {}, CATALOGUE.filter((c) => c.id !== 'inconsistent_labels'));
    expect(byCheck(findings, 'placeholder_values')).toEqual(byCheck(alone, 'placeholder_values'));
    expect(byCheck(findings, 'pii_detected')).toEqual(byCheck(alone, 'pii_detected'));
  });

  it('label_values_grouped_by_profile_and_checks: the checks read the values the profile grouped, and find the same', async () => {
    const { dataset } = await loadFixture(engine, 'placeholder-and-email-in-few-campaigns.csv');
    const { sent, recording } = recorded(engine);
    const findings = await runChecks(recording, dataset, { referenceDate: '2026-03-01' });
    expect(sent.filter((sql) => /GROUP BY t\."Campaign"|SELECT t\."Campaign", count\(\*\)/.test(sql))).toEqual([]);
    expect(sent.filter((sql) => sql.includes('sum("__rows")') && sql.includes('(VALUES ')).length).toBeGreaterThan(0);
    const copied = { ...dataset, profile: structuredClone(dataset.profile) };
    expect(findings).toEqual(await runChecks(engine, copied, { referenceDate: '2026-03-01' }));
  });
});
