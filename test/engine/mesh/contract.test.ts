import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { runContract } from '../../../shared/mesh/contract-run';
import { DEMO_FILES } from '../../../shared/mesh/demo';
import { contractToProduct, exportContractYaml, parseContract, ContractError } from '../../../shared/mesh/odcs';
import { suggestProduct } from '../../../shared/mesh/product';
import { acceptedObjectives, candidateRules } from '../../../shared/mesh/candidate-rules';
import { parse } from 'yaml';
import { checkRunnerFor } from '../../../shared/mesh/analyse';
import { loadAllDemos, loadBytes, PLAIN_CSV, REFERENCE_DATE } from './demo-loader';
import type { Loaded } from './demo-loader';
import { ODCS_DIR } from '../../helpers/standards';

const schema = JSON.parse(readFileSync(path.join(ODCS_DIR, 'odcs-json-schema-v3.1.0.json'), 'utf8'));
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let engine: NodeEngine;
let demos: Map<string, Loaded>;
let plain: Loaded;

beforeAll(async () => {
  engine = await NodeEngine.create();
  demos = await loadAllDemos(engine);
  plain = await loadBytes(engine, 'plain.csv', new TextEncoder().encode(PLAIN_CSV));
}, 240_000); // five demo files imported and audited on a shared CPU
afterAll(async () => engine.close());

function expectValid(yamlText: string) {
  const ok = validate(parse(yamlText));
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
}

describe('ODCS export', () => {
  it('validates against the ODCS v3.1.0 JSON schema for every demo dataset and a plain CSV', () => {
    for (const f of DEMO_FILES) expectValid(exportContractYaml(suggestProduct(demos.get(f.file)!.facts, { consumers: ['CMO dashboard'] })));
    expectValid(exportContractYaml(suggestProduct(plain.facts)));
  });

  it('the validator does reject a broken contract (the test can fail)', () => {
    const doc = parse(exportContractYaml(suggestProduct(plain.facts))) as Record<string, unknown>;
    delete doc.status;
    expect(validate(doc)).toBe(false);
    const doc2 = parse(exportContractYaml(suggestProduct(demos.get(DEMO_FILES[0]!.file)!.facts))) as { schema: { properties: { logicalType: string }[] }[] };
    doc2.schema[0]!.properties[0]!.logicalType = 'datetime';
    expect(validate(doc2)).toBe(false);
  });

  it('export → import → export is stable', () => {
    for (const f of DEMO_FILES) {
      const suggested = suggestProduct(demos.get(f.file)!.facts, { consumers: ['CMO dashboard', 'Finance'], owner: 'Jana Roth' });
      // An accepted freshness promise travels; the suggestion's basis is today's file's, not the contract's.
      const product = { ...suggested, freshness: { ...suggested.freshness, accepted: true, basis: null } };
      const first = exportContractYaml(product);
      const back = contractToProduct(parseContract(first));
      expect(back).toEqual(product);
      expect(exportContractYaml(back)).toBe(first);
      const unaccepted = exportContractYaml(suggested);
      expect(exportContractYaml(contractToProduct(parseContract(unaccepted)))).toBe(unaccepted);
    }
  });

  it('maps the accepted rules to ODCS quality rules; findings are offered, not copied in', () => {
    const facts = demos.get('google-ads-campaigns-2026-09.csv')!.facts;
    const doc = parse(exportContractYaml(suggestProduct(facts))) as {
      schema: { quality: { id: string; type: string; metric?: string; query?: string; description: string }[]; properties: { name: string; required: boolean; unique: boolean; logicalType: string; primaryKey?: boolean }[] }[];
    };
    const obj = doc.schema[0]!;
    const ids = obj.quality.map((q) => q.id);
    expect(ids).toEqual(['unique_grain', 'row_volume', 'no_funnel_inversions', 'spend_not_negative']);
    // Bug: contracts copied today's findings in as rules ("Fix and keep fixed: …"), false ones included.
    expect(ids.some((id) => id.startsWith('check_'))).toBe(false);
    const offered = candidateRules(facts).filter((c) => c.source === 'finding');
    expect(offered.map((c) => c.objective.id)).toContain('check_funnel_inversion');
    expect(offered.every((c) => !c.suggested)).toBe(true);
    // Row count and key rules state their basis.
    expect(obj.quality.find((q) => q.id === 'row_volume')!.description).toMatch(/^Half of the 117 rows in google-ads-campaigns-2026-09\.csv/);
    expect(obj.quality.find((q) => q.id === 'unique_grain')!.description).toMatch(/^Natural key: /);
    expect(obj.properties.find((p) => p.name === 'Day')).toMatchObject({ logicalType: 'date', required: true, unique: false, primaryKey: true });
    expect(obj.properties.find((p) => p.name === 'Campaign')).toMatchObject({ logicalType: 'string', required: false });
  });

  it('an accepted finding becomes a rule MeshLens runs by check id', () => {
    const facts = demos.get('google-ads-campaigns-2026-09.csv')!.facts;
    const candidates = candidateRules(facts);
    const product = { ...suggestProduct(facts), objectives: acceptedObjectives(candidates, [...candidates.filter((c) => c.suggested).map((c) => c.objective.id), 'check_funnel_inversion']) };
    const doc = parse(exportContractYaml(product)) as { schema: { quality: { id: string; type: string; implementation?: string }[] }[] };
    expect(doc.schema[0]!.quality.find((q) => q.id === 'check_funnel_inversion')).toMatchObject({ type: 'custom', implementation: 'funnel_inversion' });
  });
});

describe('ODCS import', () => {
  it('reads the two example contracts from the standard', () => {
    const full = parseContract(readFileSync(path.join(ODCS_DIR, 'full-example.odcs.yaml'), 'utf8'));
    expect(full.schema).toHaveLength(2);
    const p = contractToProduct(full);
    expect(p.columns.map((c) => c.name)).toEqual(['txn_ref_dt', 'rcvr_id', 'rcvr_cntry_code']);
    expect(p.objectives.map((o) => o.kind)).toEqual(['nullPercent', 'rowCount']);
    expect(p.owner).toBe('daustin');
    const cv = parseContract(readFileSync(path.join(ODCS_DIR, 'column-validity.odcs.yaml'), 'utf8'));
    expect(contractToProduct(cv).columns[0]).toMatchObject({ name: 'air_quality_status', logicalType: 'string' });
  });

  it('runs the standard’s column-validity rule against real data', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE air AS SELECT * FROM (VALUES (1, 'good'), (2, 'n/a'), (3, 'bad'), (4, ''), (5, 'good')) t("__line", air_quality_status)`);
    const cv = parseContract(readFileSync(path.join(ODCS_DIR, 'column-validity.odcs.yaml'), 'utf8'));
    const rep = await runContract(engine, { path: 'air.csv', tableName: 'air', rows: 5, columns: [{ name: 'air_quality_status', type: 'VARCHAR' }] }, cv);
    expect(rep.drift).toEqual([]);
    // validValues ["", null, "n/a"]: 'good', 'bad', 'good' are not in the list → 3 of 5 rows = 60% > 5%.
    expect(rep.rules).toHaveLength(1);
    expect(rep.rules[0]).toMatchObject({ status: 'fail', actual: 60, expected: '≤ 5 percent' });
  });

  it('refuses files that are not ODCS, with a one-line reason', () => {
    expect(() => parseContract('kind: Nope\n')).toThrow(ContractError);
    expect(() => parseContract('a: [\n')).toThrow(/not valid YAML/);
    expect(() => parseContract('apiVersion: v2.2.0\nkind: DataContract\nid: x\nversion: 1\nstatus: x\n')).toThrow();
  });
});

describe('running a contract on an export', () => {
  const sept = () => demos.get('google-ads-campaigns-2026-09.csv')!;

  it('on the file it was made from: no drift, only today’s known violation fails', async () => {
    const contract = parseContract(exportContractYaml(suggestProduct(sept().facts)));
    const rep = await runContract(engine, sept().result, contract, { checks: checkRunnerFor(engine, sept().result, { referenceDate: REFERENCE_DATE }) });
    expect(rep.drift).toEqual([]);
    const failing = rep.rules.filter((r) => r.status === 'fail').map((r) => r.id);
    // The funnel rule promises zero; today's file still has the inversion the checks found.
    expect(failing).toEqual(['no_funnel_inversions']);
    expect(rep.rules.find((r) => r.id === 'no_funnel_inversions')!.actual).toBe(1);
    expect(rep.rules.find((r) => r.id === 'null_campaign')).toMatchObject({ status: 'pass', actual: 0.85 });
    expect(rep.rules.every((r) => r.status !== 'not-run')).toBe(true);
  });

  it('on next month’s file: a new column is drift but not breaking', async () => {
    const contract = parseContract(exportContractYaml(suggestProduct(sept().facts)));
    const rep = await runContract(engine, demos.get('google-ads-campaigns-2026-10.csv')!.result, contract);
    expect(rep.drift).toEqual([expect.objectContaining({ column: 'Conv. value', change: 'extra', breaking: false })]);
    expect(rep.breakingChanges).toBe(0);
    expect(rep.rules.find((r) => r.id === 'no_funnel_inversions')!.status).toBe('pass');
    expect(rep.rules.find((r) => r.id === 'unique_grain')).toMatchObject({ status: 'pass', actual: 0 });
  });

  it('on a changed file: a renamed column and a column turned to text are breaking changes', async () => {
    const contract = parseContract(exportContractYaml(suggestProduct(sept().facts)));
    const text = new TextDecoder('utf-16le').decode(readFileSync(path.join(__dirname, '../../../assets/demo/google-ads-campaigns-2026-09.csv')).subarray(2));
    const changed = text.replace('\tCost\t', '\tCost (EUR)\t').replace(/\t([\d,]+)\t([\d.]+%)/, '\tmany\t$2');
    const loaded = await loadBytes(engine, 'changed.csv', new TextEncoder().encode(changed));
    const rep = await runContract(engine, loaded.result, contract);
    const byCol = Object.fromEntries(rep.drift.map((d) => [d.column, d]));
    expect(byCol.Cost).toMatchObject({ change: 'missing', breaking: true });
    expect(byCol['Cost (EUR)']).toMatchObject({ change: 'extra', breaking: false });
    expect(byCol.Clicks).toMatchObject({ change: 'retyped', expected: 'integer', actual: 'string', breaking: true });
    expect(rep.breakingChanges).toBe(2);
    expect(rep.ok).toBe(false);
    expect(rep.rules.find((r) => r.id === 'null_cost')).toMatchObject({ status: 'not-run', message: 'skipped: column "Cost" is missing.' });
    // Bug: the rule that used the removed column reported "The query failed: Binder Error: Referenced column … not found".
    expect(rep.rules.find((r) => r.id === 'spend_not_negative')).toMatchObject({ status: 'not-run', message: 'skipped: column "Cost" is missing.' });
    for (const r of rep.rules) expect(r.message).not.toMatch(/Binder Error|not found/);
  });

  it('runs only single SELECT queries from a contract', async () => {
    const contract = parseContract(exportContractYaml(suggestProduct(sept().facts)));
    const q = contract.schema![0]!.quality![0]!;
    Object.assign(q, { type: 'sql', query: "COPY (SELECT 1) TO '/tmp/x.csv'", mustBe: 0 });
    delete q.metric;
    const rep = await runContract(engine, sept().result, contract);
    expect(rep.rules.find((r) => r.id === q.id)).toMatchObject({ status: 'not-run' });
  });
});
