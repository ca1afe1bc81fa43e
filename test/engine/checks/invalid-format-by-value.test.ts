/**
 * invalid_format's number/date test on a text column with few distinct values runs per value, weighted by
 * the rows holding each (count.ts), with no sample: same count and lines as testing row by row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { runChecks } from '../../../shared/checks/runner';
import { byCheck, loadFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('invalid_format counted by value', () => {
  it('"high" in 5 of 200 bid levels (5 distinct values): 5 rows, parsed per value, no sample', async () => {
    const { dataset } = await loadFixture(engine, 'invalid-format-word-in-few-valued-number-column.csv');
    expect(dataset.semantics.columns.find((c) => c.name === 'Bid level')?.kind).toBe('text');
    const sent: string[] = [];
    const recording = new Proxy(engine, {
      get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
    });
    const findings = await runChecks(recording, dataset, { referenceDate: '2026-03-01' });
    const parsing = sent.filter((sql) => sql.includes('try_strptime'));
    expect(parsing.length).toBeGreaterThan(0);
    expect(parsing.every((sql) => sql.includes('sum("__rows")') && !sql.includes('USING SAMPLE'))).toBe(true);
    const [invalid] = byCheck(findings, 'invalid_format');
    expect(invalid?.rows).toBe(5);
    expect(invalid?.columns).toEqual(['Bid level']);
    expect(invalid?.sample.map((s) => s.line)).toEqual([41, 81, 121, 161, 201]);
    const direct = await engine.query(
      `SELECT count(*) FILTER (WHERE TRY_CAST("Bid level" AS DOUBLE) IS NULL) AS bad FROM ${JSON.stringify(dataset.tableName)}`,
    );
    expect(Number(direct.rows[0]?.bad)).toBe(5);
  });
});
