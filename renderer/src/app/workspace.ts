/**
 * Workspaces (.meshlens JSON): which files were open and with which import options. The data itself is
 * never copied into the workspace; files are read again by path (Electron) or opened again (browser).
 */
import { z } from 'zod';
import { getBridge } from '../bridge';
import { openFiles, showBanner, useStore, setImportOptions } from '../store';
import type { ImportOptions } from '../../../shared/import/types';

const WorkspaceSchema = z.object({
  app: z.literal('meshlens'),
  version: z.literal(1),
  datasets: z.array(z.object({ name: z.string(), path: z.string(), options: z.record(z.string(), z.unknown()) })),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export function currentWorkspace(): Workspace {
  return {
    app: 'meshlens',
    version: 1,
    datasets: useStore.getState().datasets.map((d) => ({ name: d.name, path: d.file.path, options: { ...d.options } })),
  };
}

export async function saveWorkspace(): Promise<void> {
  const result = await getBridge().saveWorkspace(JSON.stringify(currentWorkspace(), null, 2));
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
  let workspace: Workspace;
  try {
    workspace = WorkspaceSchema.parse(JSON.parse(opened.value.json));
  } catch {
    showBanner('error', `${opened.value.path} is not a MeshLens workspace. Nothing was opened.`);
    return;
  }
  const missing: string[] = [];
  for (const entry of workspace.datasets) {
    const file = await bridge.readFile(entry.path);
    if (!file.ok) {
      missing.push(entry.name);
      continue;
    }
    const [id] = openFiles([file.value]);
    if (id && Object.keys(entry.options).length) void setImportOptions(id, entry.options as ImportOptions);
  }
  if (missing.length) {
    showBanner(
      'info',
      `Workspace ${opened.value.path}: ${missing.join(', ')} could not be read here. Open ${missing.length > 1 ? 'them' : 'it'} again with “Open files”.`,
    );
  }
}
