/**
 * Contracts worth keeping: YAML every reader reads the same, no uniqueness promised on a measure, and rule
 * semantics that match ODCS and the tools that run contracts (Great Expectations, datacontract-cli).
 */
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { runContract } from '../../../shared/mesh/contract-run';
import { DEMO_FILES } from '../../../shared/mesh/demo';
import { contractToProduct, exportContractYaml, parseContract, productToContract } from '../../../shared/mesh/odcs';
import type { DataProduct } from '../../../shared/mesh/product';
import { suggestProduct } from '../../../shared/mesh/product';
import type { DatasetFacts } from '../../../shared/mesh/types';
import { validateOdcs } from '../../helpers/odcs-validator';
import { loadAllDemos, loadBytes, PLAIN_CSV } from './demo-loader';
import type { Loaded } from './demo-loader';

const validate = validateOdcs;

let engine: NodeEngine;
let demos: Map<string, Loaded>;
let plain: Loaded;

beforeAll(async () => {
  engine = await NodeEngine.create();
  demos = await loadAllDemos(engine);
  plain = await loadBytes(engine, 'plain.csv', new TextEncoder().encode(PLAIN_CSV));
}, 240_000);
afterAll(async () => engine.close());

/** Strings a YAML 1.1 reader turns into something else. */
const TRICKY = ['2026-10-01', 'yes', 'No', 'on', 'OFF', 'y', '0o12', '012', '1e3', '~', 'null', '1_000', '190:20:30', '=', 'true'];

function trickyProduct(facts: DatasetFacts): DataProduct {
  const p = suggestProduct(facts, { owner: 'no', consumers: TRICKY, description: '2026-10-01' });
  p.columns[0]!.examples = ['2026-10-01', 'yes', '1e3'];
  return p;
}

function products(): DataProduct[] {
  return [...DEMO_FILES.map((f) => suggestProduct(demos.get(f.file)!.facts, { owner: 'Jana Roth', consumers: ['CMO dashboard'] })), suggestProduct(plain.facts), trickyProduct(plain.facts)];
}

describe('contract YAML every reader reads the same', () => {
  it('every exported contract parses identically in YAML 1.1 and YAML 1.2', () => {
    for (const p of products()) {
      const text = exportContractYaml(p);
      expect(parse(text, { version: '1.1' }), p.name).toEqual(parse(text, { version: '1.2' }));
    }
  });

  it('every exported contract validates against ODCS 3.1.0 after a YAML 1.1 parse (as PyYAML reads it)', () => {
    for (const p of products()) {
      const ok = validate(parse(exportContractYaml(p), { version: '1.1' }));
      expect(validate.errors ?? [], `${p.name}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the test can fail: plain YAML 1.2 output of the same contract reads differently in YAML 1.1 (bug: unquoted dates)', () => {
    const text = stringify(productToContract(trickyProduct(plain.facts)));
    expect(text).toMatch(/^\s*- 2026-10-01$/m);
    expect(parse(text, { version: '1.1' })).not.toEqual(parse(text, { version: '1.2' }));
    expect(validate(parse(text, { version: '1.1' }))).toBe(false);
  });

  it('the tricky values come back as the same strings', () => {
    const back = parseContract(exportContractYaml(trickyProduct(plain.facts)));
    expect(back.roles!.filter((r) => r.access === 'read').map((r) => r.description)).toEqual(TRICKY);
  });
});

describe('keys come from the natural key', () => {
  it('no measure is declared unique (bug: "Impressions values are unique", "Amount spent values are unique")', () => {
    for (const f of [...DEMO_FILES.map((d) => demos.get(d.file)!.facts), plain.facts]) {
      const doc = productToContract(suggestProduct(f)) as { schema: { properties: { name: string; unique: boolean; primaryKey?: boolean }[] }[] };
      for (const prop of doc.schema[0]!.properties) {
        const col = f.columns.find((c) => c.name === prop.name)!;
        if (prop.unique) expect(f.grain, `${f.name}: ${prop.name}`).toEqual([prop.name]);
        if (['spend', 'impressions', 'clicks', 'reach', 'conversions', 'revenue', 'amount', 'users'].includes(col.role ?? '')) {
          expect(prop.unique, `${f.name}: measure ${prop.name}`).toBe(false);
          expect(prop.primaryKey, `${f.name}: measure ${prop.name}`).toBeUndefined();
        }
      }
      const keys = doc.schema[0]!.properties.filter((p) => p.primaryKey).map((p) => p.name);
      expect(keys.sort()).toEqual([...f.grain].sort());
    }
  });

  it('personal-data columns carry a classification', () => {
    const crm = demos.get('crm-opportunities-2026-09.csv')!.facts;
    const doc = productToContract(suggestProduct(crm)) as { schema: { properties: { name: string; classification?: string }[] }[] };
    expect(doc.schema[0]!.properties.find((p) => p.name === 'owner_email')!.classification).toBe('restricted');
  });

  it('freshness states its basis, and is not promised without dates', () => {
    const suggested = suggestProduct(demos.get('google-ads-campaigns-2026-09.csv')!.facts);
    const ads = productToContract({ ...suggested, freshness: { ...suggested.freshness, accepted: true } }) as { slaProperties: { property: string; description: string }[] };
    expect(ads.slaProperties.find((s) => s.property === 'frequency')!.description).toMatch(/step between consecutive dates in the data from 2026-09-01 to 2026-09-30/);
    expect(productToContract(suggestProduct(plain.facts)).slaProperties).toBeUndefined();
  });

  it('Data product shows a freshness promise the user never accepted: a suggested promise is not written into the contract', () => {
    const suggested = suggestProduct(demos.get('google-ads-campaigns-2026-09.csv')!.facts);
    expect(suggested.freshness.accepted).toBe(false);
    expect(suggested.freshness.basis).toBe('suggested from the file: daily rows; newest day 2026-09-30');
    const doc = productToContract(suggested);
    expect(doc.slaProperties).toBeUndefined();
    expect(contractToProduct(parseContract(exportContractYaml(suggested))).freshness.accepted).toBe(false);
    const accepted = contractToProduct(parseContract(exportContractYaml({ ...suggested, freshness: { ...suggested.freshness, accepted: true } })));
    expect(accepted.freshness).toMatchObject({ frequencyDays: 1, latencyDays: 1, accepted: true });
  });
});

describe('rule semantics match ODCS and the tools that run contracts', () => {
  const source = { path: 't.csv', tableName: 'rules_t', rows: 5, columns: [{ name: 'code', type: 'VARCHAR' }, { name: 'score', type: 'DOUBLE' }, { name: 'n', type: 'BIGINT' }] };
  beforeAll(async () => {
    await engine.exec(`CREATE OR REPLACE TABLE rules_t AS SELECT * FROM (VALUES (1, 'abc', 1.0, 1), (2, 'xab', 2.5, 2), (3, 'ab', 1.0, 3), (4, NULL, NULL, 4), (5, 'zzz', 3.0, 5)) t("__line", code, score, n)`);
  });

  const contractWith = (property: string, quality: Record<string, unknown>[], extra: { name: string }[] = []) =>
    parseContract(
      stringify({
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 't',
        version: '1.0.0',
        status: 'active',
        schema: [{ name: 'rules_t', properties: [{ name: 'code', logicalType: 'string' }, { name: 'score', logicalType: 'number' }, { name: 'n', logicalType: 'integer' }, ...extra].map((p) => (p.name === property ? { ...p, quality } : p)) }],
      }),
    );
  const run = async (property: string, quality: Record<string, unknown>, extra: { name: string }[] = []) => (await runContract(engine, source, contractWith(property, [quality], extra))).rules[0]!;

  it('pattern searches: ^a matches values that start with a, "ab" anywhere, ^…$ the whole value', async () => {
    const rule = (pattern: string) => ({ id: 'p', metric: 'invalidValues', arguments: { pattern }, mustBe: 0 });
    expect(await run('code', rule('^a'))).toMatchObject({ status: 'fail', actual: 2 }); // xab, zzz (bug: a full match failed every value)
    expect(await run('code', rule('ab'))).toMatchObject({ status: 'fail', actual: 1 }); // zzz
    expect(await run('code', rule('^ab$'))).toMatchObject({ actual: 3 }); // abc, xab, zzz
  });

  it('an empty validValues list makes every non-null value invalid (bug: it was "not run")', async () => {
    expect(await run('code', { id: 'v', metric: 'invalidValues', arguments: { validValues: [] }, mustBe: 0 })).toMatchObject({ status: 'fail', actual: 4 });
  });

  it('validValues compares typed values: 1.0 is 1', async () => {
    expect(await run('score', { id: 'v', metric: 'invalidValues', arguments: { validValues: [1, 2.5, 3] }, mustBe: 0 })).toMatchObject({ status: 'pass', actual: 0 });
    expect(await run('n', { id: 'v', metric: 'invalidValues', arguments: { validValues: [1.0, 2, 3, 4] }, mustBe: 0 })).toMatchObject({ status: 'fail', actual: 1 });
    expect(await run('code', { id: 'v', metric: 'invalidValues', arguments: { validValues: ['abc', 'ab'] }, mustBe: 0 })).toMatchObject({ actual: 2 });
  });

  it('SQL rules fill {object} and {property} as well as ${table} and ${column}', async () => {
    for (const query of ['SELECT COUNT(*) FROM {object} WHERE {property} > 1', 'SELECT COUNT(*) FROM ${object} WHERE ${property} > 1', 'SELECT COUNT(*) FROM ${table} WHERE ${column} > 1'])
      expect(await run('score', { id: 's', type: 'sql', query, mustBe: 0 }), query).toMatchObject({ status: 'fail', actual: 2 });
  });

  it('a rule whose column is missing reports "skipped: column … is missing" and the file does not keep the contract', async () => {
    const missing = [{ name: 'gone' }];
    const library = await run('gone', { id: 'm', metric: 'nullValues', mustBe: 0 }, missing);
    expect(library).toMatchObject({ status: 'not-run', message: 'skipped: column "gone" is missing.' });
    const sql = await runContract(engine, source, { ...contractWith('code', [], missing), schema: [{ ...contractWith('code', [], missing).schema![0]!, quality: [{ id: 'q', type: 'sql', query: 'SELECT COUNT(*) FROM ${table} WHERE gone > 0', mustBe: 0 }] }] });
    expect(sql.rules.find((r) => r.id === 'q')).toMatchObject({ status: 'not-run', message: 'skipped: column "gone" is missing.' });
    const engineError = await run('code', { id: 'e', type: 'sql', query: 'SELECT COUNT(*) FROM ${table} WHERE nowhere > 0', mustBe: 0 });
    expect(engineError).toMatchObject({ status: 'not-run', message: 'skipped: column "nowhere" is missing.' });
  });

  it('a rule that could not run keeps the file from keeping the contract', async () => {
    const rep = await runContract(engine, source, contractWith('code', [{ id: 't', type: 'custom', engine: 'soda', implementation: 'x' }]));
    expect(rep).toMatchObject({ breakingChanges: 0, failedRules: 0, skippedRules: 1, ok: false });
    const kept = await runContract(engine, source, contractWith('code', [{ id: 'n', metric: 'nullValues', mustBeLessOrEqualTo: 1 }]));
    expect(kept).toMatchObject({ skippedRules: 0, ok: true });
  });
});
