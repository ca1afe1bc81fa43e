/**
 * One semantics per dataset, through the real store and real duckdb-wasm: after the user changes a column's
 * role, Findings, the mesh facts (walkthroughs, product card) and "Run this contract" all count the same rows.
 * (Before: Findings showed the corrected count while the contract run re-detected the roles and measured the
 * old one.) The renderer's database worker is replaced by the Node engine running the same importer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeEngine } from '../../electron/engine/node-engine';
import { importFile } from '../../shared/import';
import type { ImportOptions } from '../../shared/import/types';
import { parseContract } from '../../shared/mesh/odcs';

let node: NodeEngine;
vi.mock('../../renderer/src/db', () => ({
  getEngine: async () =>
    Object.assign(Object.create(node) as NodeEngine, {
      importFile: (file: { path: string; name: string; bytes: Uint8Array }, options?: ImportOptions) => importFile(node, file, options),
    }),
}));

const { getDataset, openFiles } = await import('../../renderer/src/store');
const { analyseDataset, auditStateOf, setColumnRole } = await import('../../renderer/src/store/analysis-slice');
const { readFacts, runContractOnDataset } = await import('../../renderer/src/store/mesh-data');

const FILE = 'funnel-inversion-clicks-above-impressions.csv';
const CONTRACT = parseContract(`apiVersion: v3.1.0
kind: DataContract
id: funnel
version: 1.0.0
status: draft
schema:
  - name: ads
    properties:
      - name: Clicks
      - name: Impr.
    quality:
      - id: funnel
        name: Clicks never exceed impressions
        type: custom
        engine: meshlens
        implementation: funnel_inversion
`);

beforeAll(async () => {
  node = await NodeEngine.create();
}, 60_000);
afterAll(async () => node.close());

async function loaded(): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../fixtures/checks', FILE)));
  const [id] = openFiles([{ name: FILE, path: FILE, bytes }], 'findings');
  await vi.waitFor(() => expect(getDataset(id!)?.status).toBe('ready'), { timeout: 60_000, interval: 50 });
  await analyseDataset(id!);
  return id!;
}

const findingRows = (id: string) =>
  (auditStateOf(getDataset(id))?.findings ?? []).filter((f) => f.check === 'funnel_inversion' && f.severity !== 'info').reduce((s, f) => s + f.rows, 0);

describe('change a role: the contract run and the findings show the same count', () => {
  it('after the user changes a role, Findings, the mesh facts and the contract run count the same rows', async () => {
    const id = await loaded();
    const detected = findingRows(id);
    expect(detected).toBeGreaterThan(0);
    expect((await runContractOnDataset(id, CONTRACT)).rules.find((r) => r.id === 'funnel')!.actual).toBe(detected);

    // The user says "Impr." is not impressions: the funnel check has nothing to compare any more.
    await setColumnRole(id, 'Impr.', 'unknown');
    const corrected = findingRows(id);
    expect(corrected).not.toBe(detected);
    const rule = (await runContractOnDataset(id, CONTRACT)).rules.find((r) => r.id === 'funnel')!;
    expect(rule.actual).toBe(corrected);
    const facts = await readFacts(getDataset(id)!);
    expect(facts.findings.filter((f) => f.checkId === 'funnel_inversion').reduce((s, f) => s + f.count, 0)).toBe(corrected);
    expect(facts.columns.find((c) => c.name === 'Impr.')!.role).not.toBe('impressions');
  }, 120_000);
});
