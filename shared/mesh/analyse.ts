/**
 * The bridge from the audit pipeline (profile → semantics → checks) to the mesh facts: roles from
 * shared/semantics, findings from shared/checks, the name-based guess only where semantics says nothing.
 */
import type { Engine } from '../engine/types';
import { analyseImport } from '../audit/dataset';
import { scoreDataset } from '../audit/score';
import { checkById } from '../checks/catalogue';
import { personalDataClassification } from '../checks/personal-data';
import { runChecks } from '../checks/runner';
import type { CheckConfig, Dataset as CheckDataset, Finding } from '../checks/types';
import type { ImportResult } from '../import/types';
import type { Semantics } from '../semantics/describe';
import { readDatasetFacts } from './facts';
import { meshRole } from './roles';
import type { TableProfile } from '../profile/types';
import type { ColumnRole, DatasetFacts, DateCoverage, MeshFinding } from './types';


/** Column roles for the mesh layer, from the semantics roles (one guesser, user overrides included). */
export function rolesFromSemantics(s: Semantics): Record<string, ColumnRole | null> {
  // One guesser: a role the user set is final, and no header guess brings back a role they took away.
  return Object.fromEntries(s.columns.map((c) => [c.name, meshRole(c.role, c.originalName)]));
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

/**
 * The period of a dataset from its profile: the semantics' main date column (else the date column with the
 * most days), with the same first and last day, span and days present as the Columns screen and the report.
 */
export function coverageFromProfile(profile: TableProfile, semantics?: Semantics): DateCoverage | null {
  const dates = profile.columns.filter((c) => c.kind === 'date' && c.min !== null && c.max !== null && c.count > 0);
  const column =
    dates.find((c) => c.name === semantics?.primaryDate && (c.distinctDays ?? 0) > 1) ??
    [...dates].sort((a, b) => (b.distinctDays ?? 0) - (a.distinctDays ?? 0))[0];
  if (!column) return null;
  const days = column.spanDays ?? 1;
  const distinctDates = column.distinctDays ?? 1;
  return {
    column: column.name,
    start: String(column.min).slice(0, 10),
    end: String(column.max).slice(0, 10),
    days,
    distinctDates,
    missingDays: Math.max(0, days - distinctDates),
    stepDays: distinctDates > 1 ? Math.max(1, Math.round((days - 1) / (distinctDates - 1))) : 1,
  };
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
  /** The dataset the checks ran on (profile and roles), e.g. for exporting the check pack. */
  dataset: CheckDataset;
}

/** Profile, read roles, run the checks and read the facts: everything a walkthrough or a contract needs. */
export async function analyseForMesh(engine: Engine, result: ImportResult, options: { name?: string; config?: CheckConfig } = {}): Promise<MeshAnalysis> {
  const { dataset, semantics } = await analyseImport(engine, result, { name: options.name });
  const findings = await runChecks(engine, dataset, options.config ?? {});
  return meshAnalysisOf(engine, result, { dataset, semantics, findings });
}

/** The facts of a file that was already profiled and checked (an audit): no second profile or check run. */
export async function meshAnalysisOf(
  engine: Engine,
  result: ImportResult,
  audited: Pick<MeshAnalysis, 'dataset' | 'semantics' | 'findings'>,
): Promise<MeshAnalysis> {
  const { dataset, semantics, findings } = audited;
  const dates = coverageFromProfile(dataset.profile, semantics);
  // The fingerprint knows ad platforms and CRMs by name; for files it calls generic, the mesh guess stays.
  const platform = platformFromSemantics(semantics) && semantics.platform.platform !== 'audience_segment' ? platformFromSemantics(semantics) : undefined;
  const facts = await readDatasetFacts(engine, result, {
    name: dataset.file,
    roles: rolesFromSemantics(semantics),
    personal: personalDataClassification(semantics),
    findings: meshFindings(findings),
    score: scoreDataset(dataset.file, result.rows, findings).score,
    ...(platform ? { platform } : {}),
    dates,
  });
  return { facts, findings, semantics, dataset };
}

/**
 * Runs single MeshLens checks by id for contract rules of `type: custom, engine: meshlens`. Pass the dataset
 * as the app audited it (with the user's roles) so a rule counts exactly what Findings shows; without it the
 * profile and detected roles are read once, on the first rule that needs them (the CLI).
 */
export function checkRunnerFor(
  engine: Engine,
  result: ImportResult,
  config: CheckConfig = {},
  audited?: CheckDataset,
): (checkId: string) => Promise<number | null> {
  let analysed: Promise<CheckDataset> | null = audited ? Promise.resolve(audited) : null;
  return async (checkId) => {
    const check = checkById(checkId);
    if (!check) return null;
    analysed ??= analyseImport(engine, result).then((a) => a.dataset);
    const dataset = await analysed;
    const found = await runChecks(engine, dataset, config, {}, [check]);
    return found.filter((f) => f.severity !== 'info').reduce((s, f) => s + f.rows, 0);
  };
}
