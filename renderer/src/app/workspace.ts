/**
 * Workspaces (.meshlens, the format in shared/workspace): which files were open and with which import
 * options. Files are read again by path (Electron) or opened again (browser); a dataset embedded in the
 * workspace as Parquet is used when its file cannot be read.
 */
import { emptyWorkspace, extractEmbedded, parseWorkspace, serializeWorkspace, WORKSPACE_EXTENSION } from '../../../shared/workspace';
import type { Workspace } from '../../../shared/workspace';
import { getBridge } from '../bridge';
import { electronApi, relinkFile } from '../bridge/electron-bridge';
import type { OpenedFile } from '../bridge';
import { openFiles, setPolicyPack, showBanner, useStore, errorMessage } from '../store';
import { landingScreen } from '../features/registry';

export function currentWorkspace(name = 'MeshLens workspace'): Workspace {
  const workspace = emptyWorkspace(name);
  workspace.datasets = useStore.getState().datasets.map((d) => ({
    id: d.id,
    path: d.file.path || d.name,
    name: d.name,
    importOptions: { ...d.options },
    roleOverrides: {},
  }));
  const pack = useStore.getState().policyPack;
  if (pack) workspace.policyPack = pack;
  return workspace;
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
    openFiles([file], landingScreen(), [entry.importOptions]);
  }
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
