/**
 * `--workspace FILE.meshlens`: what the user decided in the app, read by the CLI from the same file the app
 * saves (shared/workspace). A file named on the command line is matched to the workspace's dataset by its
 * path (as saved), else by its file name when exactly one dataset has it.
 */
import { readOptionFile } from './load';
import path from 'node:path';
import { baseName, parseWorkspace } from '../../shared/workspace';
import type { Workspace, WorkspaceDataset } from '../../shared/workspace';
import type { ImportOptions } from '../../shared/import/types';
import { isRole } from '../../shared/semantics/describe';
import type { RoleOverrides } from '../../shared/semantics/describe';
import { UsageError } from './types';

export function readWorkspaceFile(file: string): Workspace {
  const text = readOptionFile('workspace', file);
  const parsed = parseWorkspace(text, `The workspace ${file}`);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.workspace;
}

/** The workspace's dataset for a file on the command line, or undefined when the workspace does not hold it. */
export function workspaceDatasetFor(workspace: Workspace, file: string): WorkspaceDataset | undefined {
  const resolved = path.resolve(file);
  const byPath = workspace.datasets.find((d) => path.resolve(d.path) === resolved);
  if (byPath) return byPath;
  const name = path.basename(file).toLowerCase();
  const byName = workspace.datasets.filter((d) => baseName(d.path).toLowerCase() === name);
  return byName.length === 1 ? byName[0] : undefined;
}

/** The dataset's saved import options under the ones given on the command line (the command line wins). */
export function importOptionsWith(dataset: WorkspaceDataset | undefined, flags: ImportOptions): ImportOptions {
  return { ...(dataset?.importOptions ?? {}), ...flags };
}

/** The roles the user set in the app; a role this build does not know is left out (guessed again). */
export function roleOverridesOf(dataset: WorkspaceDataset | undefined): RoleOverrides {
  return Object.fromEntries(Object.entries(dataset?.roleOverrides ?? {}).filter(([, role]) => isRole(role))) as RoleOverrides;
}
