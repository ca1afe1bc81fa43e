/**
 * Pure operations on a workspace's datasets: relinking a moved file, telling what is missing, and
 * embedding or extracting Parquet bytes for portable workspaces. Disk access lives in electron/main.
 */
import { decodeBase64, encodeBase64 } from './base64';
import type { Workspace, WorkspaceDataset } from './schema';

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

export function isParquet(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  return PARQUET_MAGIC.every((b, i) => bytes[i] === b && bytes[bytes.length - 4 + i] === b);
}

/** The file name part of a path written on any OS. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** Point a dataset at its new location. Options and roles stay; the old fingerprint is dropped. */
export function relinkDataset(workspace: Workspace, datasetId: string, newPath: string): Workspace {
  const index = workspace.datasets.findIndex((d) => d.id === datasetId);
  if (index < 0) throw new Error(`The workspace has no dataset "${datasetId}".`);
  const datasets = workspace.datasets.map((d, i) => {
    if (i !== index) return d;
    const { fingerprint: _old, ...rest } = d;
    return { ...rest, path: newPath };
  });
  return { ...workspace, datasets };
}

/** Relink every dataset whose path is `oldPath` (the same file can back several datasets). */
export function relinkPath(workspace: Workspace, oldPath: string, newPath: string): { workspace: Workspace; relinked: string[] } {
  let next = workspace;
  const relinked: string[] = [];
  for (const d of workspace.datasets) {
    if (d.path === oldPath) {
      next = relinkDataset(next, d.id, newPath);
      relinked.push(d.id);
    }
  }
  return { workspace: next, relinked };
}

/** Datasets whose source file is gone and that have no embedded copy to fall back on. */
export function missingDatasets(workspace: Workspace, exists: (path: string) => boolean): WorkspaceDataset[] {
  return workspace.datasets.filter((d) => !d.embedded && !exists(d.path));
}

/** Portable workspace: keep the dataset's table inside the file as base64 Parquet. */
export function embedDataset(workspace: Workspace, datasetId: string, parquet: Uint8Array, table?: string): Workspace {
  if (!isParquet(parquet)) throw new Error('Embedded data must be a Parquet file (it should start and end with "PAR1").');
  if (!workspace.datasets.some((d) => d.id === datasetId)) throw new Error(`The workspace has no dataset "${datasetId}".`);
  const embedded = { format: 'parquet' as const, base64: encodeBase64(parquet), byteLength: parquet.byteLength, ...(table ? { table } : {}) };
  return { ...workspace, datasets: workspace.datasets.map((d) => (d.id === datasetId ? { ...d, embedded } : d)) };
}

/** Drop every embedded copy (turn a portable workspace back into a plain one). */
export function stripEmbedded(workspace: Workspace): Workspace {
  return {
    ...workspace,
    datasets: workspace.datasets.map((d) => {
      const { embedded: _e, ...rest } = d;
      return rest;
    }),
  };
}

/** The embedded Parquet bytes, checked against the recorded length and the Parquet magic. */
export function extractEmbedded(dataset: WorkspaceDataset): Uint8Array {
  if (!dataset.embedded) throw new Error(`Dataset "${dataset.name}" has no embedded data.`);
  const bytes = decodeBase64(dataset.embedded.base64);
  if (bytes.byteLength !== dataset.embedded.byteLength) {
    throw new Error(`The embedded copy of "${dataset.name}" is truncated (${bytes.byteLength} of ${dataset.embedded.byteLength} bytes).`);
  }
  if (!isParquet(bytes)) throw new Error(`The embedded copy of "${dataset.name}" is not a readable Parquet file.`);
  return bytes;
}
