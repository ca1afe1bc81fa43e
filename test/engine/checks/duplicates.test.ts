/**
 * duplicate_rows and duplicate_keys find their rows with hash aggregates and look for exact copies only
 * among rows that share a hash. They must report exactly the rows the plain definition reports: a window
 * over every column (which copy of a row is this?) and one over the key (which row of its key is this?).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { quoteIdent } from '../../../shared/engine/sql';
import { runChecks } from '../../../shared/checks/runner';
import { duplicateKeys, duplicateRows } from '../../../shared/checks/uniqueness';
import { auditFixture, byCheck, loadFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const FIXTURE = 'duplicate-keys-exact-copies-and-changed-rows.csv';

describe('duplicate rows and keys among exact copies, changed rows and empty keys', () => {
  it('a row that repeats its key with other numbers is a duplicate key; an exact copy is a duplicate row only', async () => {
    const { findings } = await auditFixture(engine, FIXTURE);
    const [rows] = byCheck(findings, 'duplicate_rows');
    expect(rows?.rows).toBe(5);
    expect(rows?.sample.map((s) => [s.line, s.values.first_line])).toEqual([
      [4, 2],
      [6, 5],
      [8, 7],
      [11, 10],
      [14, 2],
    ]);
    const [keys] = byCheck(findings, 'duplicate_keys');
    expect(keys?.rows).toBe(3);
    expect(keys?.sample.map((s) => [s.line, s.values.first_line])).toEqual([
      [5, 2],
      [12, 3],
      [13, 7],
    ]);
    expect(Object.keys(keys!.sample[0]!.values)).toEqual(['Day', 'Campaign', 'Ad group', 'first_line']);
  });

  it('duplicate_rows and duplicate_keys ask once per run which row hashes two rows share', async () => {
    const { dataset } = await loadFixture(engine, 'duplicate-keys-overlapping-export.csv');
    const sent: string[] = [];
    const recording = new Proxy(engine, {
      get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
    });
    const found = await runChecks(recording, dataset, { referenceDate: '2026-01-25' }, {}, [duplicateRows, duplicateKeys]);
    expect(found.map((f) => [f.check, f.rows])).toEqual([['duplicate_keys', 3]]);
    expect(sent.filter((sql) => sql.includes('lag(h) OVER (ORDER BY h)'))).toHaveLength(1);
  });

  it('with no exact copies, duplicate_keys groups the key once: the listing counts its rows over the repeated keys and reads only the first rows', async () => {
    const { dataset } = await loadFixture(engine, 'duplicate-keys-overlapping-export.csv');
    const sent: string[] = [];
    const recording = new Proxy(engine, {
      get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
    });
    const found = await runChecks(recording, dataset, { referenceDate: '2026-01-25' }, {}, [duplicateKeys]);
    expect(found.map((f) => [f.check, f.rows])).toEqual([['duplicate_keys', 3]]);
    const grouped = sent.filter((sql) => sql.includes('GROUP BY t."Day"'));
    expect(grouped).toHaveLength(1);
    expect(grouped[0]).toContain('WITH k AS');
    expect(grouped[0]).not.toContain('count(*) OVER ()');
  });

  it('duplicate_keys shows each row its own key value: a float key whose 0 and -0 are one key is not shown as one', async () => {
    const { dataset } = await loadFixture(engine, 'duplicate-keys-overlapping-export.csv');
    await engine.exec(
      `CREATE OR REPLACE TABLE float_key AS SELECT * REPLACE (CASE WHEN "__line" % 2 = 0 THEN '-0' ELSE '0' END::DOUBLE AS "Clicks") FROM ${quoteIdent(dataset.tableName)}`,
    );
    const columns = dataset.semantics.columns.map((c) => (c.name === 'Clicks' ? { ...c, type: 'DOUBLE' } : c));
    const floatKey = { ...dataset, tableName: 'float_key', semantics: { ...dataset.semantics, columns, naturalKey: ['Clicks'] } };
    const [keys] = await runChecks(engine, floatKey, { referenceDate: '2026-01-25' }, {}, [duplicateKeys]);
    expect(keys?.rows).toBe(dataset.rows - 1);
    const negative = (v: unknown) => Object.is(v, -0);
    expect(keys!.sample.map((s) => negative(s.values.Clicks))).toEqual(keys!.sample.map((s) => s.line % 2 === 0));
    expect(keys!.sample.some((s) => negative(s.values.Clicks)) && keys!.sample.some((s) => !negative(s.values.Clicks))).toBe(true);
  });

  const fixtures = [
    FIXTURE,
    'duplicate-rows-appended-export.csv',
    'duplicate-keys-overlapping-export.csv',
    'duplicate-keys-contact-email-case.csv',
  ];
  for (const name of fixtures) {
    it(`reports the lines the window definition reports: ${name}`, async () => {
      const { dataset } = await loadFixture(engine, name);
      const { findings } = await auditFixture(engine, name);
      const t = (c: string) => `t.${quoteIdent(c)}`;
      const all = dataset.semantics.columns.map((c) => t(c.name)).join(', ');
      const keyCols = dataset.semantics.columns.filter((c) => dataset.semantics.naturalKey.includes(c.name));
      const key = keyCols.map((c) => (c.role === 'email' ? `lower(trim(${t(c.name)}))` : t(c.name))).join(', ');
      const lines = async (sql: string) => (await engine.query(sql)).rows.map((r) => Number(r.l));
      const copies = await lines(
        `SELECT l FROM (SELECT t."__line" AS l, row_number() OVER (PARTITION BY ${all} ORDER BY t."__line") AS n FROM ${quoteIdent(dataset.tableName)} t) WHERE n > 1 ORDER BY l`,
      );
      const found = (id: string) => byCheck(findings, id)[0]?.sample.map((s) => s.line) ?? [];
      expect(found('duplicate_rows')).toEqual(copies.slice(0, 20));
      if (!keyCols.length) return;
      const notNull = keyCols.map((c) => `${t(c.name)} IS NOT NULL`).join(' AND ');
      const keyed = await lines(
        `SELECT l FROM (SELECT t."__line" AS l, row_number() OVER (PARTITION BY ${key} ORDER BY t."__line") AS k,
         row_number() OVER (PARTITION BY ${all} ORDER BY t."__line") AS n FROM ${quoteIdent(dataset.tableName)} t WHERE ${notNull})
         WHERE k > 1 AND n = 1 ORDER BY l`,
      );
      expect(found('duplicate_keys')).toEqual(keyed.slice(0, 20));
      expect(byCheck(findings, 'duplicate_keys')[0]?.rows ?? 0).toBe(keyed.length);
    });
  }
});
