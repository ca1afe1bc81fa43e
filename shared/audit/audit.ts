/** The audit of one or more imported files: profile, semantics, checks, score, in one report object. */
import { CATALOGUE } from '../checks/catalogue';
import { runChecks, todayIso } from '../checks/runner';
import type { RunHooks } from '../checks/runner';
import type { CheckDefinition, Finding } from '../checks/types';
import type { Engine } from '../engine/types';
import type { ImportResult } from '../import/types';
import type { Platform } from '../semantics/platform';
import type { Role } from '../semantics/roles';
import type { RoleOverrides } from '../semantics/describe';
import { productCardFacts } from '../mesh/product-card-facts';
import type { ProductCardFact } from '../mesh/product-card-facts';
import type { ProductDecisions } from '../mesh/product-state';
import type { AuditConfig } from './config';
import { analyseImport } from './dataset';
import type { AnalysedDataset } from './dataset';
import { scoreDataset, SCORING_EXPLANATION } from './score';
import type { DatasetScore } from './score';

export interface AuditInput {
  result: ImportResult;
  /** What `meshlens inspect --json` prints for this file (the lead's inspectObject). */
  inspect: unknown;
  /** Display name; default: the file name. */
  name?: string;
  /** The roles the user set for this file (a workspace's), over config.roles. */
  roles?: RoleOverrides;
  /** The file's data product as the user decided it (the workspace's), stated in the report. */
  product?: ProductDecisions;
}

export interface DatasetSummary extends DatasetScore {
  rows: number;
  platform: Platform;
  platformLabel: string;
  platformConfidence: number;
  /** Why the fingerprint named it (or did not): "from: Property line, 6 of 7 headers". */
  platformEvidence: string;
  roles: Record<string, Role>;
  naturalKey: string[];
  errors: number;
  warnings: number;
  infos: number;
  /** The data product the user set for this file, in the report's words; absent when none was given. */
  product?: ProductCardFact[];
}

export interface AuditReport {
  files: unknown[];
  findings: Finding[];
  summary: {
    errors: number;
    warnings: number;
    infos: number;
    /** Mean of the dataset scores. */
    score: number;
    scoring: string;
    referenceDate: string;
    datasets: DatasetSummary[];
    /** Checks that could not run on a file (odd table shapes): listed, never silent. */
    skipped: Array<{ file: string; check: string; reason: string }>;
  };
  /** The checks that ran (for JUnit and documentation). */
  checks: Array<Pick<CheckDefinition, 'id' | 'title' | 'dimension' | 'owner'>>;
}

const count = (fs: Finding[], s: Finding['severity']) => fs.filter((f) => f.severity === s).length;

/** One audited file as the checks saw it: what a contract or policy run on the same file reuses. */
export interface AuditedDataset extends AnalysedDataset {
  findings: Finding[];
}

export interface AuditHooks extends Omit<RunHooks, 'onCheckError'> {
  /** Called once per input, in order, after its checks ran. */
  analysed?: (index: number, audited: AuditedDataset) => void;
}

export async function auditImports(
  engine: Engine,
  inputs: AuditInput[],
  config: AuditConfig = {},
  hooks: AuditHooks = {},
): Promise<AuditReport> {
  const referenceDate = config.referenceDate ?? todayIso();
  const findings: Finding[] = [];
  const datasets: DatasetSummary[] = [];
  const skipped: AuditReport['summary']['skipped'] = [];
  const { analysed, ...runHooks } = hooks;
  for (const [index, input] of inputs.entries()) {
    const name = input.name ?? input.result.path.split(/[\\/]/).pop() ?? input.result.path;
    const analysis = await analyseImport(engine, input.result, {
      name,
      ...(input.roles || config.roles ? { overrides: { ...config.roles, ...input.roles } } : {}),
      ...(hooks.progress ? { progress: hooks.progress } : {}),
    });
    const { dataset, semantics } = analysis;
    const found = await runChecks(
      engine,
      dataset,
      { ...config, referenceDate },
      {
        ...runHooks,
        onCheckError: (check, err) =>
          skipped.push({
            file: name,
            check,
            reason: (err instanceof Error ? err.message : String(err)).split('\n')[0]!,
          }),
      },
    );
    findings.push(...found);
    analysed?.(index, { ...analysis, findings: found });
    datasets.push({
      ...scoreDataset(name, dataset.rows, found),
      rows: dataset.rows,
      platform: semantics.platform.platform,
      platformLabel: semantics.platform.label,
      platformConfidence: semantics.platform.confidence,
      platformEvidence: semantics.platform.because,
      roles: Object.fromEntries(
        semantics.columns.filter((c) => c.role !== 'unknown').map((c) => [c.name, c.role]),
      ),
      naturalKey: semantics.naturalKey,
      errors: count(found, 'error'),
      warnings: count(found, 'warning'),
      infos: count(found, 'info'),
      ...(input.product ? { product: productCardFacts(input.product) } : {}),
    });
  }
  const disabled = new Set(
    Object.entries(config.checks ?? {})
      .filter(([, v]) => v === false)
      .map(([k]) => k),
  );
  return {
    files: inputs.map((i) => i.inspect),
    findings,
    summary: {
      errors: count(findings, 'error'),
      warnings: count(findings, 'warning'),
      infos: count(findings, 'info'),
      score: datasets.length ? Math.round(datasets.reduce((a, d) => a + d.score, 0) / datasets.length) : 100,
      scoring: SCORING_EXPLANATION,
      referenceDate,
      datasets,
      skipped,
    },
    checks: CATALOGUE.filter((c) => !disabled.has(c.id)).map(({ id, title, dimension, owner }) => ({
      id,
      title,
      dimension,
      owner,
    })),
  };
}
