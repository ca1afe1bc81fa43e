/**
 * personal_data_classified_twice: the `personal_data` finding read roles, while the product card, the
 * contract's `restricted` classification and the PII policies ran their own cell test (any cell that looked
 * like an e-mail or a phone number). Now one classification (personalDataClassification, the user's roles)
 * is carried in the mesh facts and every consumer reads it. Real files, real DuckDB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { personalDataClassification } from '../../../shared/checks/personal-data';
import { runChecks } from '../../../shared/checks/runner';
import { importFile } from '../../../shared/import';
import { meshAnalysisOf } from '../../../shared/mesh/analyse';
import { productToContract } from '../../../shared/mesh/odcs';
import { builtInRule } from '../../../shared/mesh/policies';
import { suggestProduct } from '../../../shared/mesh/product';
import type { RoleOverrides } from '../../../shared/semantics/describe';
import { DEMO_DIR } from './demo-loader';
import { FIXTURES } from '../checks/helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
}, 120_000);
afterAll(async () => engine.close());

async function analyse(file: string, overrides: RoleOverrides = {}) {
  const result = await importFile(engine, { path: file, name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
  const { dataset, semantics } = await analyseImport(engine, result, { overrides });
  const findings = await runChecks(engine, dataset, { referenceDate: '2026-10-05' });
  const mesh = await meshAnalysisOf(engine, result, { dataset, semantics, findings });
  const product = suggestProduct(mesh.facts);
  const contract = productToContract(product) as { schema: { properties: { name: string; classification?: string }[] }[] };
  return {
    ...mesh,
    classified: personalDataClassification(semantics).columns.map((c) => c.name),
    inFacts: mesh.facts.columns.filter((c) => c.personal).map((c) => c.name),
    restricted: product.columns.filter((c) => c.classification === 'restricted').map((c) => c.name),
    inContract: contract.schema[0]!.properties.filter((p) => p.classification === 'restricted').map((p) => p.name),
    policy: (id: string) => builtInRule(id)!.evaluate({ facts: mesh.facts, product: { owner: 'x', columns: product.columns, objectives: [] } }),
  };
}

const FILES = [
  path.join(FIXTURES, 'hubspot-contacts-clean.csv'),
  path.join(FIXTURES, 'pii-email-in-campaign.csv'),
  path.join(FIXTURES, 'pii-unhashed-audience-upload.csv'),
  path.join(FIXTURES, 'pii-raw-email-in-hashed-column.csv'),
  path.join(FIXTURES, 'audience-hashed-clean.csv'),
  path.join(DEMO_DIR, 'crm-opportunities-2026-09.csv'),
  path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv'),
];

describe('personal_data_classified_twice', () => {
  it.each(FILES.map((f) => [path.basename(f), f]))('%s: the facts, the product card, the contract and the finding name the same columns', async (_, file) => {
    const a = await analyse(file);
    expect(a.inFacts).toEqual(a.classified);
    expect(a.restricted).toEqual(a.classified);
    expect(a.inContract).toEqual(a.classified);
    const finding = a.findings.find((f) => f.check === 'personal_data');
    if (a.semantics.platform.platform !== 'audience_segment') expect(finding?.columns ?? []).toEqual(a.classified);
    expect(a.policy('pii_classified').status).toBe('pass');
  });

  it('a campaign name holding one e-mail no longer makes the campaign column "restricted"; the e-mail policy still fails on it through pii_detected', async () => {
    const a = await analyse(path.join(FIXTURES, 'pii-email-in-campaign.csv'));
    expect(a.classified).toEqual([]);
    expect(a.restricted).toEqual([]);
    expect(a.findings.some((f) => f.check === 'pii_detected' && f.columns[0] === 'Session campaign')).toBe(true);
    expect(a.policy('pii_no_email_addresses')).toMatchObject({ status: 'fail', columns: ['Session campaign'] });
    expect(a.policy('pii_no_phone_numbers').status).toBe('pass');
  });

  it('contacts: e-mail, phone and names are classified once, and a role the user takes away is taken away everywhere', async () => {
    const file = path.join(FIXTURES, 'pii-unhashed-audience-upload.csv');
    const a = await analyse(file);
    expect(a.classified).toEqual(['email', 'phone']);
    expect(a.policy('pii_no_phone_numbers')).toMatchObject({ status: 'fail', columns: ['phone'] });
    const b = await analyse(file, { phone: 'unknown' });
    expect(b.classified).toEqual(['email']);
    expect(b.restricted).toEqual(['email']);
    expect(b.inContract).toEqual(['email']);
    expect(b.policy('pii_no_phone_numbers').status).toBe('pass');
  });
});
