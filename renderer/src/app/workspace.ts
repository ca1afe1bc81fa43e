/**
 * Workspaces (.meshlens, the format in shared/workspace): which files were open and with which import
 * options. Files are read again by path (Electron) or opened again (browser); a dataset embedded in the
 * workspace as Parquet is used when its file cannot be read.
 */
import { emptyWorkspace, extractEmbedded, parseWorkspace, serializeWorkspace, WORKSPACE_EXTENSION } from '../../../shared/workspace';
import type { Workspace, WorkspaceDataset } from '../../../shared/workspace';
import type { Answers } from '../../../shared/mesh/walkthroughs';
import type { LabelChoices } from '../../../shared/checks/label-fixes';
import type { RoleOverrides } from '../../../shared/semantics/describe';
import { emptyDecisions } from '../../../shared/mesh/workshop';
import { getBridge } from '../bridge';
import { electronApi, relinkFile } from '../bridge/electron-bridge';
import type { OpenedFile } from '../bridge';
import { openFiles, setPolicyPack, showBanner, useStore, errorMessage } from '../store';
import { setReconcileConfig } from '../store/mesh-actions';
import type { ReconcileConfig } from '../../../shared/reconcile/config';
import { profileStateOf } from '../store/analysis-slice';
import { initialWorkshop } from '../store/mesh-slice';
import { landingScreen } from '../features/registry';

/** Everything the user decided, as a workspace: files and import options, roles, products, walkthroughs, workshop. */
export function currentWorkspace(name = 'MeshLens workspace'): Workspace {
  const s = useStore.getState();
  const workspace = emptyWorkspace(name);
  workspace.datasets = s.datasets.map((d) => {
    const product = s.products[d.id];
    const walkthroughs = Object.fromEntries(
      Object.values(s.walkthroughs[d.id] ?? {}).map((p) => [p.walkthroughId, { step: p.step, completed: p.completed, updatedAt: p.updatedAt, answers: p.answers }]),
    );
    return {
      id: d.id,
      path: d.file.path || d.name,
      name: d.name,
      importOptions: { ...d.options },
      roleOverrides: { ...(profileStateOf(d)?.overrides ?? s.savedRoles[d.id] ?? {}) },
      ...(product ? { product: { ...product } } : {}),
      ...(hasChoices(s.labelChoices[d.id]) ? { labelChoices: s.labelChoices[d.id] } : {}),
      walkthroughs,
    };
  });
  const w = s.workshop;
  workspace.workshop = { current: w.current, startedAt: w.startedAt, policies: w.decisions.policies, notes: w.decisions.notes };
  if (s.policyPack) workspace.policyPack = s.policyPack;
  if (s.reconcile.sources.length || s.reconcile.truth || s.reconcile.on) workspace.reconcile = s.reconcile;
  return workspace;
}

const hasChoices = (c: LabelChoices | undefined): c is LabelChoices => !!c && Object.values(c).some((col) => Object.keys(col).length > 0);

/** A cheap key of what the workspace holds, so autosave writes only after a real change. */
export function workspaceSnapshot(): string {
  const s = useStore.getState();
  return JSON.stringify([
    s.datasets.map((d) => [d.file.path, d.options, profileStateOf(d)?.overrides ?? null]),
    s.products,
    s.labelChoices,
    s.walkthroughs,
    s.workshop.current,
    s.workshop.startedAt,
    s.workshop.decisions,
    s.policyPack,
    s.reconcile,
  ]);
}

/** Put a reopened dataset's decisions back into the store under its new id. */
export function restoreDecisions(entry: WorkspaceDataset, id: string): void {
  useStore.setState((s) => ({
    products: entry.product ? { ...s.products, [id]: entry.product } : s.products,
    labelChoices: entry.labelChoices ? { ...s.labelChoices, [id]: entry.labelChoices } : s.labelChoices,
    savedRoles: Object.keys(entry.roleOverrides).length ? { ...s.savedRoles, [id]: entry.roleOverrides as RoleOverrides } : s.savedRoles,
    walkthroughs: {
      ...s.walkthroughs,
      [id]: Object.fromEntries(
        Object.entries(entry.walkthroughs).map(([walkthroughId, p]) => [
          walkthroughId,
          { walkthroughId, dataset: entry.name, step: p.step, completed: p.completed, updatedAt: p.updatedAt, answers: p.answers as Answers },
        ]),
      ),
    },
  }));
}

export function restoreWorkshop(workspace: Workspace): void {
  const w = workspace.workshop;
  if (!w) return;
  const base = emptyDecisions();
  const policies = base.policies.map((p) => w.policies.find((x) => x.policyId === p.policyId) ?? p);
  useStore.setState({ workshop: { ...initialWorkshop(), current: w.current, startedAt: w.startedAt, decisions: { policies, notes: w.notes } } });
}

export async function saveWorkspace(): Promise<void> {
  const datasets = useStore.getState().datasets;
  const name = datasets.length === 1 ? datasets[0]!.name.replace(/\.[^.]+$/, '') : 'workspace';
  const result = await getBridge().saveWorkspace(serializeWorkspace(currentWorkspace(name)), `${name}${WORKSPACE_EXTENSION}`);
  if (result.ok) showBanner('info', `Workspace saved as ${result.value}.`);
  else showBanner('error', `The workspace was not saved: ${result.error}`);
}

/** Open a workspace (a recent one by path, or ask) and reopen its files with their options. */
export async function openWorkspace(path?: string): Promise<void> {
  const bridge = getBridge();
  const opened = await bridge.openWorkspace(path);
  if (!opened) return;
  if (!opened.ok) {
    showBanner('error', opened.error);
    return;
  }
  const parsed = parseWorkspace(opened.value.json, opened.value.path);
  if (!parsed.ok) {
    showBanner('error', parsed.message);
    return;
  }
  setPolicyPack(parsed.workspace.policyPack ?? null);
  setReconcileConfig((parsed.workspace.reconcile as ReconcileConfig | undefined) ?? { sources: [] });
  const missing: string[] = [];
  const relinked: string[] = [];
  for (const entry of parsed.workspace.datasets) {
    let file: OpenedFile | null = null;
    const read = await bridge.readFile(entry.path);
    if (read.ok) file = read.value;
    else if (entry.embedded) {
      try {
        file = { name: `${entry.name.replace(/\.[^.]+$/, '')}.parquet`, path: entry.path, bytes: extractEmbedded(entry) };
      } catch (e) {
        showBanner('error', errorMessage(e));
      }
    }
    if (!file && electronApi()) {
      // The file moved or was deleted: ask where it is now (the dialog names the old path).
      file = await relink(entry.path, relinked);
    }
    if (!file) {
      missing.push(entry.name);
      continue;
    }
    const [id] = openFiles([file], landingScreen(), [entry.importOptions]);
    if (id) restoreDecisions(entry, id);
  }
  restoreWorkshop(parsed.workspace);
  if (relinked.length) {
    showBanner('info', `Relinked ${relinked.join(', ')}. Save the workspace to keep the new location${relinked.length > 1 ? 's' : ''}.`);
  }
  if (missing.length) {
    showBanner(
      'info',
      `Workspace ${opened.value.path}: ${missing.join(', ')} could not be read here. Open ${missing.length > 1 ? 'them' : 'it'} again with “Open files”.`,
    );
  }
}

/** Ask the user to locate a moved file, then read it from its new place. Null when they cancel. */
export async function relink(oldPath: string, relinked: string[]): Promise<OpenedFile | null> {
  const chosen = await relinkFile(oldPath);
  if (!chosen.ok) {
    showBanner('error', `Could not relink ${oldPath}: ${chosen.error}`);
    return null;
  }
  if (!chosen.value) return null;
  const read = await getBridge().readFile(chosen.value);
  if (!read.ok) {
    showBanner('error', `Could not read ${chosen.value}: ${read.error}`);
    return null;
  }
  relinked.push(`${oldPath} → ${chosen.value}`);
  return read.value;
}
