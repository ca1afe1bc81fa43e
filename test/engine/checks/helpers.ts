/** Load a fixture from test/fixtures/checks with the real importer, profile it, run the catalogue. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import type { AnalysedDataset } from '../../../shared/audit/dataset';
import { runChecks } from '../../../shared/checks/runner';
import type { CheckConfig, Finding } from '../../../shared/checks/types';
import { importFile } from '../../../shared/import/index';
import type { RoleOverrides } from '../../../shared/semantics/describe';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/checks');

export async function loadFixture(
  engine: NodeEngine,
  name: string,
  overrides?: RoleOverrides,
): Promise<AnalysedDataset> {
  const file = path.join(FIXTURES, name);
  const result = await importFile(engine, { path: file, name, bytes: new Uint8Array(readFileSync(file)) });
  return analyseImport(engine, result, overrides ? { overrides } : {});
}

export async function auditFixture(
  engine: NodeEngine,
  name: string,
  config: CheckConfig = {},
  overrides?: RoleOverrides,
): Promise<{ findings: Finding[]; analysed: AnalysedDataset }> {
  const analysed = await loadFixture(engine, name, overrides);
  const errors: string[] = [];
  const findings = await runChecks(
    engine,
    analysed.dataset,
    { referenceDate: '2026-01-25', ...config },
    { onCheckError: (id, e) => errors.push(`${id}: ${String(e)}`) },
  );
  if (errors.length) throw new Error(`checks failed on ${name}: ${errors.join('; ')}`);
  return { findings, analysed };
}

export const byCheck = (findings: Finding[], id: string): Finding[] => findings.filter((f) => f.check === id);
