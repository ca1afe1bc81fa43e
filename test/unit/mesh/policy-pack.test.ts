import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILT_IN_RULES } from '../../../shared/mesh/policies';
import { evaluatePolicyPack, policyMarkdown, policyPackProblems, policySummary } from '../../../shared/mesh/policy-eval';
import { emptyPolicyPack, parsePolicyPack, PolicyPackError, stringifyPolicyPack } from '../../../shared/mesh/policy-pack';
import { parseWorkspace, serializeWorkspace, emptyWorkspace } from '../../../shared/workspace';
import { EXAMPLE_PACK, TWO_POLICY_PACK_YAML } from '../../helpers/policy-packs';
import { ADS } from './facts-fixture';

describe('policy packs', () => {
  it('the example pack is the built-in rules, each proved by its own rule, plus a check-proved policy', () => {
    expect(EXAMPLE_PACK.policies.map((p) => p.id)).toEqual(expect.arrayContaining(BUILT_IN_RULES.map((r) => r.id)));
    for (const r of BUILT_IN_RULES) expect(EXAMPLE_PACK.policies.find((p) => p.id === r.id)!.provedBy).toEqual({ rule: r.id });
    expect(EXAMPLE_PACK.policies.some((p) => 'check' in p.provedBy)).toBe(true);
    expect(policyPackProblems(EXAMPLE_PACK)).toEqual([]);
  });

  it('writes YAML that YAML 1.1 and 1.2 readers read the same, and reads it back', () => {
    const pack = parsePolicyPack(TWO_POLICY_PACK_YAML);
    pack.policies[0]!.statement = 'yes';
    pack.policies[1]!.why = '2026-10-01';
    const text = stringifyPolicyPack(pack);
    expect(parse(text, { version: '1.1' })).toEqual(parse(text, { version: '1.2' }));
    expect(parsePolicyPack(text)).toEqual(pack);
  });

  it('refuses a pack with a clear reason: duplicate ids, missing severity, not YAML', () => {
    const dup = TWO_POLICY_PACK_YAML.replace('id: has_owner', 'id: funnel_holds');
    expect(() => parsePolicyPack(dup)).toThrow(/policy id "funnel_holds" is used twice/);
    expect(() => parsePolicyPack(TWO_POLICY_PACK_YAML.replace('    severity: warning\n', ''))).toThrow(PolicyPackError);
    expect(() => parsePolicyPack('policies: [')).toThrow(/not valid YAML/);
    expect(policyPackProblems(parsePolicyPack(TWO_POLICY_PACK_YAML.replace('check: funnel_inversion', 'check: no_such_check')))).toEqual([
      'funnel_holds: no check "no_such_check" in the MeshLens catalogue',
    ]);
  });

  it('a custom pack with two policies reports exactly those two, pass or fail from the product and the findings', () => {
    const pack = parsePolicyPack(TWO_POLICY_PACK_YAML);
    const noOwner = evaluatePolicyPack(pack, { facts: ADS, product: null });
    expect(noOwner.results.map((r) => [r.id, r.status])).toEqual([
      ['funnel_holds', 'fail'],
      ['has_owner', 'fail'],
    ]);
    const owned = evaluatePolicyPack(pack, { facts: { ...ADS, findings: [] }, product: { owner: 'Maria', columns: [], objectives: [] } });
    expect(owned.results.map((r) => [r.id, r.status])).toEqual([
      ['funnel_holds', 'pass'],
      ['has_owner', 'pass'],
    ]);
    expect(policySummary(owned)).toBe('ads.csv passes all 2 policies evaluated.');
  });

  it('an empty owner fails the owner policy (bug: governance passed on an owner nobody gave)', () => {
    const pack = parsePolicyPack(TWO_POLICY_PACK_YAML);
    const r = evaluatePolicyPack(pack, { facts: ADS, product: { owner: '  ', columns: [], objectives: [] } }, ['has_owner']);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ status: 'fail', detail: 'No owner has been named for this dataset.' });
  });

  it('an empty pack reports none (bug: with no policy ticked all seven were still evaluated)', () => {
    const r = evaluatePolicyPack(emptyPolicyPack('Nothing yet'), { facts: ADS, product: null });
    expect(r.results).toEqual([]);
    expect(policySummary(r)).toBe('No policies were evaluated: the pack "Nothing yet" has none chosen.');
    expect(evaluatePolicyPack(EXAMPLE_PACK, { facts: ADS, product: null }, []).results).toEqual([]);
  });

  it('speaks one vocabulary: pass and fail, never kept/broken/none (bug: wording drifts)', () => {
    const r = evaluatePolicyPack(EXAMPLE_PACK, { facts: ADS, product: null });
    const text = `${policySummary(r)}\n${policyMarkdown(r)}`;
    expect(text).not.toMatch(/\bkept\b|\bBROKEN\b|\bbreaks\b|none:|\bn\/a\b/i);
    expect(policySummary(r)).toMatch(/^ads\.csv fails \d+ of \d+ policies: /);
    for (const x of r.results) expect(['pass', 'fail']).toContain(x.status);
  });

  it('a contract rule proves a policy only when the contract run passed it', () => {
    const pack = parsePolicyPack(TWO_POLICY_PACK_YAML.replace('rule: required_owner', 'rule: unique_grain'));
    const product = { owner: 'x', columns: [], objectives: [{ id: 'unique_grain', kind: 'rowCount' as const, min: 1, title: 't', observed: 1 }] };
    const notRun = evaluatePolicyPack(pack, { facts: ADS, product }, ['has_owner']);
    expect(notRun.results[0]).toMatchObject({ status: 'fail', detail: 'Contract rule "unique_grain" has not been run on this file.' });
    const ran = evaluatePolicyPack(pack, { facts: ADS, product, contractRun: { rules: [{ id: 'unique_grain', status: 'pass', message: 'Holds.' }] } }, ['has_owner']);
    expect(ran.results[0]!.status).toBe('pass');
    const skipped = evaluatePolicyPack(pack, { facts: ADS, product, contractRun: { rules: [{ id: 'unique_grain', status: 'not-run', message: 'skipped: column "Day" is missing.' }] } }, ['has_owner']);
    expect(skipped.results[0]!.status).toBe('fail');
  });

  it('the workspace saves the pack and reads it back', () => {
    const ws = emptyWorkspace('w', new Date('2026-10-01T00:00:00Z'));
    ws.policyPack = EXAMPLE_PACK;
    const back = parseWorkspace(serializeWorkspace(ws));
    expect(back.ok && back.workspace.policyPack).toEqual(EXAMPLE_PACK);
    const without = parseWorkspace(serializeWorkspace(emptyWorkspace('w')));
    expect(without.ok && without.workspace.policyPack).toBeUndefined();
  });
});
