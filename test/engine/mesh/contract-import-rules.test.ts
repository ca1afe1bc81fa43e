/**
 * contract_import_dropped_quality_rules: importing a contract set the card's name, owner and freshness but not
 * its quality rules; the card (and the check pack and the next export) kept only today's candidates, with
 * today's thresholds. Now the contract's rules come back as written: export → import → the same rules.
 * Real file, real DuckDB, the ODCS v3.1.0 JSON schema.
 */
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { makeCheckPack } from '../../../shared/mesh/check-pack';
import { contractToProduct, exportContractYaml, parseContract, unreadableRules } from '../../../shared/mesh/odcs';
import type { QualityObjective } from '../../../shared/mesh/product';
import { decisionsFromContract, productCandidates, productOf } from '../../../shared/mesh/product-state';
import type { ProductDecisions } from '../../../shared/mesh/product-state';
import type { DatasetFacts } from '../../../shared/mesh/types';
import { emptyWorkspace, parseWorkspace, serializeWorkspace } from '../../../shared/workspace';
import { validateOdcs } from '../../helpers/odcs-validator';
import { loadDemo } from './demo-loader';

let engine: NodeEngine;
let facts: DatasetFacts;
beforeAll(async () => {
  engine = await NodeEngine.create();
  facts = (await loadDemo(engine, 'google-ads-campaigns-2026-09.csv')).facts;
}, 240_000);
afterAll(async () => engine.close());

/** What a rule promises, without the observation that changes with every file. */
const promise = ({ observed: _o, basis: _b, ...rule }: QualityObjective) => rule;
const importYaml = (yaml: string): ProductDecisions => decisionsFromContract(contractToProduct(parseContract(yaml)));

describe('contract_import_dropped_quality_rules', () => {
  it('export → import → the same rules, on the card and in the check pack', () => {
    const candidates = productCandidates(facts).map((c) => c.objective.id);
    expect(candidates).toEqual(expect.arrayContaining(['row_volume', 'unique_grain', 'check_funnel_inversion']));
    const kept = ['row_volume', 'unique_grain', 'check_funnel_inversion'];
    const before = productOf(facts, { name: 'Google Ads daily', owner: 'Ads team', rules: kept });
    const yaml = exportContractYaml(before);
    expect(validateOdcs(parse(yaml)), JSON.stringify(validateOdcs.errors)).toBe(true);

    const imported = importYaml(yaml);
    const after = productOf(facts, imported);
    expect(after.objectives.map(promise)).toEqual(before.objectives.map(promise));
    expect(makeCheckPack(facts, after.objectives, 'pack').objectives.map(promise)).toEqual(before.objectives.map(promise));
    expect(importYaml(exportContractYaml(after)).contractRules!.map(promise)).toEqual(imported.contractRules!.map(promise));
  });

  it("rules written into the contract (a stricter threshold, a rule today's file does not suggest) come back as written", () => {
    const doc = parse(exportContractYaml(productOf(facts, { rules: ['row_volume'] }))) as {
      schema: { properties: { name: string; quality?: unknown[] }[]; quality?: unknown[] }[];
    };
    const table = doc.schema[0]!;
    table.quality = [
      ...(table.quality ?? []).map((q) => ((q as { id?: string }).id === 'row_volume' ? { ...(q as object), mustBeGreaterOrEqualTo: 100 } : q)),
      { id: 'cost_not_above_1000', type: 'sql', name: 'No day costs more than 1000', query: 'SELECT COUNT(*) FROM ${table} WHERE "Cost" > 1000', mustBeLessOrEqualTo: 0 },
    ];
    const campaign = table.properties.find((p) => p.name === 'Campaign')!;
    campaign.quality = [
      { id: 'campaign_rarely_empty', metric: 'nullValues', unit: 'percent', name: 'Campaign is empty in at most 5% of rows', mustBeLessOrEqualTo: 5 },
      { metric: 'invalidValues', name: 'Only known campaigns', arguments: { validValues: ['Brand - DE'] }, mustBe: 0 },
    ];
    const yaml = stringify(doc);
    expect(validateOdcs(parse(yaml)), JSON.stringify(validateOdcs.errors)).toBe(true);

    const product = productOf(facts, importYaml(yaml));
    const byId = Object.fromEntries(product.objectives.map((o) => [o.id, promise(o)]));
    expect(Object.keys(byId).sort()).toEqual(['campaign_rarely_empty', 'cost_not_above_1000', 'row_volume']);
    expect(byId.row_volume).toMatchObject({ kind: 'rowCount', min: 100 });
    expect(byId.cost_not_above_1000).toMatchObject({ kind: 'sql', max: 0 });
    expect(byId.campaign_rarely_empty).toMatchObject({ kind: 'nullPercent', column: 'Campaign', max: 5 });
    // A rule MeshLens cannot check is not kept, and the import names it instead of dropping it silently.
    expect(unreadableRules(parseContract(yaml))).toEqual(['Only known campaigns (Campaign)']);
    // The card offers them as the contract's, and the user can still untick one.
    expect(productCandidates(facts, importYaml(yaml)).filter((c) => c.source === 'contract').map((c) => c.objective.id)).toHaveLength(3);
    expect(productOf(facts, { ...importYaml(yaml), rules: ['row_volume'] }).objectives.map((o) => o.id)).toEqual(['row_volume']);
  });

  it('the imported rules are saved in the workspace and read back the same', () => {
    const decisions = importYaml(exportContractYaml(productOf(facts, { rules: ['row_volume', 'unique_grain'] })));
    const workspace = emptyWorkspace('w');
    workspace.datasets = [{ id: 'd1', path: '/data/ads.csv', name: 'ads.csv', importOptions: {}, roleOverrides: {}, product: { ...decisions }, walkthroughs: {} }];
    const reread = parseWorkspace(serializeWorkspace(workspace));
    expect(reread.ok).toBe(true);
    const product = reread.ok ? reread.workspace.datasets[0]!.product! : {};
    expect(productOf(facts, product).objectives).toEqual(productOf(facts, decisions).objectives);
  });
});
