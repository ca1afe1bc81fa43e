/**
 * Actions are module functions, so the worker, IPC callbacks and components can all call them.
 * They are the only code that writes to the store.
 */
import { CancelledError } from '../../../shared/engine/types';
import type { Progress } from '../../../shared/engine/types';
import type { ImportOptions, ImportResult } from '../../../shared/import/types';
import type { PolicyPack } from '../../../shared/mesh/policy-pack';
import { getEngine } from '../db';
import { dropTables as dropImportTables } from '../../../shared/import/drop';
import { isOutOfMemory, outOfMemoryMessage, tooLargeForBrowser } from '../db/size-limit';
import type { Dataset, DatasetFile } from './datasets-slice';
import type { Banner, Theme } from './ui-slice';
import { useStore } from './store';

const { setState, getState } = useStore;

// ---------------------------------------------------------------- ui

export function setScreen(screen: string): void {
  setState({ screen });
}

export function setActiveDataset(id: string | null): void {
  setState({ activeDatasetId: id });
}

export function setTheme(theme: Theme): void {
  try {
    globalThis.localStorage?.setItem('meshlens.theme', theme);
  } catch {
    /* storage unavailable: the choice lasts for this session */
  }
  setState({ theme });
}

let bannerId = 0;
export function showBanner(kind: Banner['kind'], message: string): number {
  const id = ++bannerId;
  setState((s) => ({ banners: [...s.banners, { id, kind, message }] }));
  // Notices go away by themselves; errors stay until dismissed.
  if (kind === 'info') setTimeout(() => dismissBanner(id), 12_000);
  return id;
}

export function dismissBanner(id: number): void {
  setState((s) => ({ banners: s.banners.filter((b) => b.id !== id) }));
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------- jobs

export interface JobContext {
  signal: AbortSignal;
  progress: (p: Progress) => void;
}

let jobId = 0;
const controllers = new Map<number, AbortController>();

/**
 * Run long work as a job: it shows as a progress bar with Cancel. Cancel aborts `signal` and interrupts
 * the statement running on the main connection; the job then rejects with CancelledError.
 */
export async function runJob<T>(label: string, datasetId: string | null, work: (ctx: JobContext) => Promise<T>): Promise<T> {
  const id = ++jobId;
  const controller = new AbortController();
  controllers.set(id, controller);
  setState((s) => ({ jobs: [...s.jobs, { id, label, datasetId, progress: null, startedAt: Date.now() }] }));
  const progress = (p: Progress) =>
    setState((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, progress: p } : j)) }));
  try {
    const value = await work({ signal: controller.signal, progress });
    if (controller.signal.aborted) throw new CancelledError();
    return value;
  } catch (e) {
    if (controller.signal.aborted) throw new CancelledError();
    throw e;
  } finally {
    controllers.delete(id);
    setState((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) }));
  }
}

export function cancelJob(id: number): void {
  const controller = controllers.get(id);
  if (!controller || controller.signal.aborted) return;
  controller.abort();
  void getEngine()
    .then((engine) => engine.cancel())
    .catch(() => undefined);
}

// ---------------------------------------------------------------- datasets

let datasetCounter = 0;
/** Import runs per dataset; a newer run makes older answers stale. */
const importRuns = new Map<string, number>();

function patchDataset(id: string, patch: Partial<Dataset> | ((d: Dataset) => Partial<Dataset>)): void {
  setState((s) => ({
    datasets: s.datasets.map((d) => (d.id === id ? { ...d, ...(typeof patch === 'function' ? patch(d) : patch) } : d)),
  }));
}

export function getDataset(id: string | null): Dataset | undefined {
  return id ? getState().datasets.find((d) => d.id === id) : undefined;
}

/**
 * Open files as new dataset tabs and start importing each (with `options[i]` when given, e.g. from a
 * workspace); the first becomes active and `screen` is shown.
 */
export function openFiles(files: DatasetFile[], screen = 'import', options: ImportOptions[] = []): string[] {
  const added: Dataset[] = files.map((file, i) => ({
    id: `ds-${++datasetCounter}`,
    name: file.name,
    file,
    options: { ...(options[i] ?? {}) },
    result: null,
    status: 'loading',
    error: null,
    progress: null,
    revision: 0,
    profile: null,
    findings: null,
  }));
  if (!added.length) return [];
  setState((s) => ({ datasets: [...s.datasets, ...added], activeDatasetId: added[0]!.id, screen }));
  for (const d of added) void importDataset(d.id);
  return added.map((d) => d.id);
}

async function dropTables(result: ImportResult | null, keep?: ImportResult): Promise<void> {
  if (!result) return;
  const names = [result.tableName, result.rawTableName].filter((n) => n && n !== keep?.tableName && n !== keep?.rawTableName);
  if (!names.length) return;
  await dropImportTables(await getEngine(), ...names);
}

/** (Re-)import a dataset with its current options. Resolves when done, failed or cancelled. */
export async function importDataset(id: string): Promise<void> {
  const dataset = getDataset(id);
  if (!dataset) return;
  const run = (importRuns.get(id) ?? 0) + 1;
  importRuns.set(id, run);
  const tooLarge = tooLargeForBrowser(dataset.name, dataset.file.blob?.size ?? dataset.file.bytes.length, dataset.file.bytes);
  if (tooLarge) {
    patchDataset(id, { status: 'error', error: tooLarge, progress: null });
    showBanner('error', tooLarge);
    return;
  }
  patchDataset(id, { status: 'loading', error: null, progress: null });
  const current = () => importRuns.get(id) === run && getDataset(id) !== undefined;
  try {
    const engine = await getEngine();
    const result = await runJob(`Loading ${dataset.name}`, id, ({ signal, progress }) =>
      engine.importFile(dataset.file, dataset.options, {
        signal,
        progress: (p) => {
          progress(p);
          if (current()) patchDataset(id, { progress: p });
        },
      }),
    );
    if (!current()) return;
    const previous = getDataset(id)?.result ?? null;
    patchDataset(id, (d) => ({
      result,
      status: 'ready',
      progress: null,
      revision: d.revision + 1,
      profile: null,
      findings: null,
    }));
    await dropTables(previous, result);
  } catch (e) {
    if (!current()) return;
    if (e instanceof CancelledError) {
      patchDataset(id, { status: 'cancelled', progress: null });
      showBanner('info', `Loading ${dataset.name} was cancelled. Nothing was changed; “Load again” on the Import screen retries.`);
    } else {
      const message = errorMessage(e);
      if (isOutOfMemory(message)) {
        const said = outOfMemoryMessage(dataset.name);
        patchDataset(id, { status: 'error', error: said, progress: null });
        showBanner('error', said);
        return;
      }
      patchDataset(id, { status: 'error', error: message, progress: null });
      showBanner('error', `Could not load ${dataset.name}: ${message}`);
    }
  }
}

/** Change import options (undefined = detect again) and re-import at once. */
export function setImportOptions(id: string, patch: Partial<ImportOptions>): Promise<void> {
  patchDataset(id, (d) => {
    const options: ImportOptions = { ...d.options, ...patch };
    for (const key of Object.keys(options) as (keyof ImportOptions)[]) {
      if (options[key] === undefined) delete options[key];
    }
    return { options };
  });
  return importDataset(id);
}

export async function closeDataset(id: string): Promise<void> {
  const dataset = getDataset(id);
  if (!dataset) return;
  importRuns.delete(id);
  setState((s) => {
    const datasets = s.datasets.filter((d) => d.id !== id);
    const activeDatasetId = s.activeDatasetId === id ? (datasets[datasets.length - 1]?.id ?? null) : s.activeDatasetId;
    return { datasets, activeDatasetId, screen: activeDatasetId ? s.screen : 'home' };
  });
  await dropTables(dataset.result);
}

/** Slots the profile and checks features fill. */
export function setProfile(id: string, profile: unknown): void {
  patchDataset(id, { profile });
}

export function setFindings(id: string, findings: unknown): void {
  patchDataset(id, { findings });
}

/** Apply this policy pack in the workspace (null: none). */
export function setPolicyPack(pack: PolicyPack | null): void {
  setState({ policyPack: pack });
}
