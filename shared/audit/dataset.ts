/** From an import to a checkable dataset: profile the typed table, read the roles, keep the stated range. */
import type { Engine, ProgressFn } from '../engine/types';
import type { Dataset } from '../checks/types';
import type { ImportResult } from '../import/types';
import { profileDaily, profileTable } from '../profile/profile';
import type { TableProfile } from '../profile/types';
import { describeColumns } from '../semantics/describe';
import type { ColumnMeta, RoleOverrides, Semantics } from '../semantics/describe';
import type { FileContext } from '../semantics/platform';
import { METRIC_ROLES } from '../semantics/roles';

export function columnMeta(result: Pick<ImportResult, 'columns'>): ColumnMeta[] {
  return result.columns.map((c) => ({
    name: c.name,
    originalName: c.originalName || c.name,
    type: c.type,
    percent: c.percent,
    placeholders: c.placeholders,
    unparsed: c.unparsed ?? 0,
    ...(c.currency ? { currency: c.currency } : {}),
  }));
}

/** What the fingerprint may read besides the headers: the lines above them and the file's name. */
export function fileContext(result: Pick<ImportResult, 'preamble' | 'path'>): FileContext {
  return { preamble: result.preamble ?? [], fileName: result.path.split(/[\\/]/).pop() ?? result.path };
}

export interface AnalysedDataset {
  dataset: Dataset;
  profile: TableProfile;
  semantics: Semantics;
}

/** Profile + semantics for an imported file, ready for runChecks. */
export async function analyseImport(
  engine: Engine,
  result: ImportResult,
  options: { name?: string; overrides?: RoleOverrides; progress?: ProgressFn } = {},
): Promise<AnalysedDataset> {
  const meta = columnMeta(result);
  options.progress?.({ stage: 'profile', fraction: 0 });
  const profile = await profileTable(engine, result.tableName, meta, { daily: false });
  const semantics = describeColumns(meta, profile.columns, options.overrides, fileContext(result));
  // The daily series follows the roles (which can come from values or overrides), not only header names.
  const metrics = semantics.columns
    .filter((c) => c.kind === 'number' && METRIC_ROLES.includes(c.role))
    .map((c) => c.name);
  if (semantics.primaryDate) {
    const daily = await profileDaily(engine, result.tableName, profile, semantics.primaryDate, metrics);
    if (daily) profile.daily = daily;
  }
  options.progress?.({ stage: 'profile', fraction: 1 });
  const dataset = datasetFor(result, profile, semantics, options.name ?? result.path.split(/[\\/]/).pop() ?? result.path);
  return { dataset, profile, semantics };
}

/**
 * The check runner's view of an imported file: the one place that says which of the import's facts the
 * checks read (the CLI through analyseImport, the app through its stored profile and roles).
 */
export function datasetFor(result: ImportResult, profile: TableProfile, semantics: Semantics, file: string): Dataset {
  return {
    file,
    tableName: result.tableName,
    rawTableName: result.rawTableName,
    rows: profile.rows,
    semantics,
    profile,
    ...(result.statedRange ? { statedRange: result.statedRange } : {}),
    ...(result.exportedOn ? { exportedOn: result.exportedOn } : {}),
    ...(result.summaryRows.length ? { summaryRows: result.summaryRows } : {}),
    ...(result.joinedAt?.length ? { joinedAt: result.joinedAt } : {}),
    decimalSeparator: result.decimalSeparator,
    importedColumns: result.columns,
  };
}
