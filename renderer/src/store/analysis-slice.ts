/**
 * Profile + audit of a dataset, run as a job (progress bar with Cancel; every query runs in the database
 * worker). Results live in the dataset's `profile` and `findings` slots (see datasets-slice.ts), typed here.
 * Role overrides re-run the checks only, not the profile.
 */
import { CancelledError } from '../../../shared/engine/types';
import type { Engine } from '../../../shared/engine/types';
import { runChecks } from '../../../shared/checks/runner';
import type { CheckConfig, Dataset as CheckDataset, Finding } from '../../../shared/checks/types';
import { analyseImport, columnMeta, datasetFor, fileContext } from '../../../shared/audit/dataset';
import { scoreDataset } from '../../../shared/audit/score';
import type { DatasetScore } from '../../../shared/audit/score';
import type { TableProfile } from '../../../shared/profile/types';
import { describeColumns } from '../../../shared/semantics/describe';
import type { RoleOverrides, Semantics } from '../../../shared/semantics/describe';
import type { Role } from '../../../shared/semantics/roles';
import type { ImportResult } from '../../../shared/import/types';
import { getEngine } from '../db';
import { errorMessage, getDataset, runJob, setFindings, setProfile, showBanner } from './actions';
import type { Dataset } from './datasets-slice';
import { useStore } from './store';

export type AnalysisStatus = 'running' | 'done' | 'cancelled' | 'error';

/** What the `profile` slot of a dataset holds. */
export interface ProfileState {
  kind: 'meshlens.profile';
  /** The dataset revision (import) this belongs to. */
  revision: number;
  status: AnalysisStatus;
  error?: string;
  profile?: TableProfile;
  semantics?: Semantics;
  /** Roles as detected, before the user's overrides. */
  detected?: Record<string, Role>;
  overrides: RoleOverrides;
}

/** What the `findings` slot of a dataset holds. */
export interface AuditState {
  kind: 'meshlens.audit';
  revision: number;
  status: AnalysisStatus;
  error?: string;
  findings: Finding[];
  /** 0-100 quality score, per dimension too, with the deduction of each finding (shared/audit/score.ts). */
  score?: DatasetScore;
  /** Checks that could not run on this table (reported, never fatal). */
  checkErrors: Array<{ check: string; message: string }>;
  referenceDate: string;
}

export function profileStateOf(d: Dataset | undefined): ProfileState | null {
  const p = d?.profile as ProfileState | null | undefined;
  return p && p.kind === 'meshlens.profile' && p.revision === d?.revision ? p : null;
}

export function auditStateOf(d: Dataset | undefined): AuditState | null {
  const a = d?.findings as AuditState | null | undefined;
  return a && a.kind === 'meshlens.audit' && a.revision === d?.revision ? a : null;
}

/** The check runner's view of a dataset. */
export function checkDataset(
  result: ImportResult,
  profile: TableProfile,
  semantics: Semantics,
  name: string,
): CheckDataset {
  return datasetFor(result, profile, semantics, name);
}

export function semanticsFor(
  result: ImportResult,
  profile: TableProfile,
  overrides: RoleOverrides,
): Semantics {
  return describeColumns(columnMeta(result), profile.columns, overrides, fileContext(result));
}

/** Checks config in effect (the reference date is "today" unless set). */
export const analysisConfig: { current: CheckConfig } = { current: {} };

const runs = new Map<string, number>();

async function audit(
  engine: Engine,
  id: string,
  revision: number,
  state: ProfileState,
  signal: AbortSignal,
  progress: (p: { stage: string; fraction?: number; detail?: string }) => void,
) {
  const dataset = getDataset(id);
  if (!dataset?.result || !state.profile || !state.semantics) return;
  const checkErrors: AuditState['checkErrors'] = [];
  const config = analysisConfig.current;
  const findings = await runChecks(
    engine,
    checkDataset(dataset.result, state.profile, state.semantics, dataset.name),
    config,
    {
      signal,
      progress: (p) =>
        progress({
          ...p,
          stage: 'Running checks',
          fraction: p.fraction === undefined ? undefined : 0.5 + p.fraction / 2,
        }),
      onCheckError: (check, e) => checkErrors.push({ check, message: errorMessage(e) }),
    },
  );
  const result: AuditState = {
    kind: 'meshlens.audit',
    revision,
    status: 'done',
    findings,
    score: scoreDataset(dataset.name, state.profile.rows, findings),
    checkErrors,
    referenceDate: config.referenceDate ?? new Date().toISOString().slice(0, 10),
  };
  return result;
}

/**
 * Profile and audit a dataset (or only audit, when `reuseProfile` and a profile exists). Stale answers
 * (a newer import or run started meanwhile) are dropped.
 */
export async function analyseDataset(id: string, options: { reuseProfile?: boolean } = {}): Promise<void> {
  const dataset = getDataset(id);
  if (!dataset?.result || dataset.status !== 'ready') return;
  const revision = dataset.revision;
  const run = (runs.get(id) ?? 0) + 1;
  runs.set(id, run);
  const current = () => runs.get(id) === run && getDataset(id)?.revision === revision;
  const previous = profileStateOf(dataset);
  // Roles as the user last set them: this import's, else the ones saved in the workspace.
  const overrides = previous?.overrides ?? useStore.getState().savedRoles[id] ?? {};
  const reuse = options.reuseProfile && previous?.profile ? previous : null;
  const result = dataset.result;
  if (!reuse)
    setProfile(id, {
      kind: 'meshlens.profile',
      revision,
      status: 'running',
      overrides,
    } satisfies ProfileState);
  setFindings(id, {
    kind: 'meshlens.audit',
    revision,
    status: 'running',
    findings: auditStateOf(dataset)?.findings ?? [],
    checkErrors: [],
    referenceDate: '',
  } satisfies AuditState);
  try {
    const engine = await getEngine();
    await runJob(
      reuse ? `Re-running checks on ${dataset.name}` : `Profiling and auditing ${dataset.name}`,
      id,
      async ({ signal, progress }) => {
        let state: ProfileState;
        if (reuse?.profile) {
          state = { ...reuse, semantics: semanticsFor(result, reuse.profile, overrides), status: 'done' };
        } else {
          progress({
            stage: 'Profiling columns',
            fraction: 0.05,
            detail: `${result.columns.length} columns`,
          });
          const analysed = await analyseImport(engine, result, { name: dataset.name, overrides });
          if (signal.aborted) throw new CancelledError();
          const { profile } = analysed;
          const detected = Object.fromEntries(
            semanticsFor(result, profile, {}).columns.map((c) => [c.name, c.role]),
          );
          state = {
            kind: 'meshlens.profile',
            revision,
            status: 'done',
            profile,
            semantics: analysed.semantics,
            detected,
            overrides,
          };
        }
        if (!current()) return;
        setProfile(id, state);
        progress({ stage: 'Running checks', fraction: 0.5 });
        const audited = await audit(engine, id, revision, state, signal, progress);
        if (signal.aborted) throw new CancelledError();
        if (audited && current()) setFindings(id, audited);
      },
    );
  } catch (e) {
    if (!current()) return;
    const status: AnalysisStatus = e instanceof CancelledError ? 'cancelled' : 'error';
    const error = status === 'error' ? errorMessage(e) : undefined;
    const d = getDataset(id);
    const p = profileStateOf(d);
    if (!p || p.status === 'running')
      setProfile(id, {
        kind: 'meshlens.profile',
        revision,
        status,
        overrides,
        ...(error ? { error } : {}),
      } satisfies ProfileState);
    setFindings(id, {
      kind: 'meshlens.audit',
      revision,
      status,
      findings: [],
      checkErrors: [],
      referenceDate: '',
      ...(error ? { error } : {}),
    } satisfies AuditState);
    if (status === 'error') showBanner('error', `Could not audit ${dataset.name}: ${error}`);
  }
}

/** Start the analysis once per import; screens call this when they open. Cancelled runs stay cancelled. */
export function ensureAnalysis(id: string | null): void {
  const d = getDataset(id);
  if (!d || d.status !== 'ready' || !d.result) return;
  const p = profileStateOf(d);
  if (p) return;
  void analyseDataset(id!);
}

/** Change a column's role (null = back to detected) and re-run the checks. */
export function setColumnRole(id: string, column: string, role: Role | null): Promise<void> {
  const d = getDataset(id);
  const p = profileStateOf(d);
  if (!d || !p) return Promise.resolve();
  const overrides: RoleOverrides = { ...p.overrides };
  if (role === null) delete overrides[column];
  else overrides[column] = role;
  const semantics = p.profile && d.result ? semanticsFor(d.result, p.profile, overrides) : p.semantics;
  setProfile(id, { ...p, overrides, ...(semantics ? { semantics } : {}) } satisfies ProfileState);
  return analyseDataset(id, { reuseProfile: true });
}
