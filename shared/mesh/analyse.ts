/**
 * The bridge from the audit pipeline (profile → semantics → checks) to the mesh facts: roles from
 * shared/semantics, findings from shared/checks, the name-based guess only where semantics says nothing.
 */
import type { Engine } from '../engine/types';
import { analyseImport } from '../audit/dataset';
import { scoreDataset } from '../audit/score';
import { checkById } from '../checks/catalogue';
import { runChecks } from '../checks/runner';
import type { CheckConfig, Finding } from '../checks/types';
import type { ImportResult } from '../import/types';
import type { Semantics } from '../semantics/describe';
import type { Role } from '../semantics/roles';
import { readDatasetFacts } from './facts';
import { guessRole } from './roles';
import type { ColumnRole, DatasetFacts, MeshFinding } from './types';

const ROLE_MAP: Partial<Record<Role, ColumnRole>> = {
  date: 'date',
  campaign: 'campaign',
  campaign_id: 'id',
  ad_group: 'ad_group',
  channel: 'channel',
  medium: 'channel',
  source_medium: 'channel',
  source: 'source',
  impressions: 'impressions',
  reach: 'reach',
  clicks: 'clicks',
  link_clicks: 'clicks',
  spend: 'spend',
  conversions: 'conversions',
  revenue: 'revenue',
  currency: 'currency',
  email: 'email',
  record_id: 'id',
  hashed_id: 'id',
};

/** Column roles for the mesh layer: semantics first, then the header guess for roles semantics does not have. */
export function rolesFromSemantics(s: Semantics): Record<string, ColumnRole | null> {
  return Object.fromEntries(s.columns.map((c) => [c.name, ROLE_MAP[c.role] ?? guessRole(c.originalName) ?? guessRole(c.name)]));
}

export function meshFindings(findings: Finding[]): MeshFinding[] {
  return findings.map((f) => ({
    checkId: f.check,
    key: `${f.check}:${f.columns.join(',')}`,
    title: f.title,
    severity: f.severity,
    count: f.rows,
    ...(f.columns[0] ? { column: f.columns[0] } : {}),
    owner: f.owner,
    dimension: f.dimension,
  }));
}

/** Platform label from the semantics fingerprint, when it is confident. */
export function platformFromSemantics(s: Semantics): string | undefined {
  const p = s.platform;
  return p.platform !== 'generic' && p.confidence >= 0.5 ? p.label : undefined;
}

export interface MeshAnalysis {
  facts: DatasetFacts;
  findings: Finding[];
  semantics: Semantics;
}

/** Profile, read roles, run the checks and read the facts: everything a walkthrough or a contract needs. */
export async function analyseForMesh(engine: Engine, result: ImportResult, options: { name?: string; config?: CheckConfig } = {}): Promise<MeshAnalysis> {
  const { dataset, semantics } = await analyseImport(engine, result, { name: options.name });
  const findings = await runChecks(engine, dataset, options.config ?? {});
  // The fingerprint knows ad platforms and CRMs by name; for files it calls generic, the mesh guess stays.
  const platform = platformFromSemantics(semantics) && semantics.platform.platform !== 'audience_segment' ? platformFromSemantics(semantics) : undefined;
  const facts = await readDatasetFacts(engine, result, {
    name: dataset.file,
    roles: rolesFromSemantics(semantics),
    findings: meshFindings(findings),
    score: scoreDataset(dataset.file, result.rows, findings).score,
    ...(platform ? { platform } : {}),
  });
  return { facts, findings, semantics };
}

/**
 * Runs single MeshLens checks by id for contract rules of `type: custom, engine: meshlens`. The profile and
 * roles are read once, on the first rule that needs them.
 */
export function checkRunnerFor(engine: Engine, result: ImportResult, config: CheckConfig = {}): (checkId: string) => Promise<number | null> {
  let analysed: ReturnType<typeof analyseImport> | null = null;
  return async (checkId) => {
    const check = checkById(checkId);
    if (!check) return null;
    analysed ??= analyseImport(engine, result);
    const { dataset } = await analysed;
    const found = await runChecks(engine, dataset, config, {}, [check]);
    return found.filter((f) => f.severity !== 'info').reduce((s, f) => s + f.rows, 0);
  };
}
