/**
 * Native open and save dialogs. Every path the user picks here becomes readable (or writable) for
 * the renderer through FileAccess; nothing else does.
 */
import type { BrowserWindow, FileFilter } from 'electron';
import { dialog } from 'electron';
import { basename, extname } from 'node:path';
import { IMPORT_EXTENSIONS } from '../../shared/import/types';
import { WORKSPACE_EXTENSION } from '../../shared/workspace/schema';

export const DATA_FILTERS: FileFilter[] = [
  { name: 'Marketing exports', extensions: [...IMPORT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];
export const WORKSPACE_FILTERS: FileFilter[] = [{ name: 'MeshLens workspace', extensions: [WORKSPACE_EXTENSION.slice(1)] }];

const FILTERS_BY_EXTENSION: Record<string, FileFilter> = {
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.html': { name: 'HTML report', extensions: ['html'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] },
  '.yaml': { name: 'YAML', extensions: ['yaml', 'yml'] },
  '.yml': { name: 'YAML', extensions: ['yaml', 'yml'] },
  '.md': { name: 'Markdown', extensions: ['md'] },
  '.parquet': { name: 'Parquet', extensions: ['parquet'] },
  '.zip': { name: 'Zip archive', extensions: ['zip'] },
  '.meshlens': WORKSPACE_FILTERS[0]!,
};

export function filtersFor(suggestedName: string): FileFilter[] {
  const f = FILTERS_BY_EXTENSION[extname(suggestedName).toLowerCase()];
  return f ? [f, { name: 'All files', extensions: ['*'] }] : [{ name: 'All files', extensions: ['*'] }];
}

export async function chooseDataFiles(win: BrowserWindow | null, title = 'Open marketing exports'): Promise<string[]> {
  const options = { title, properties: ['openFile' as const, 'multiSelections' as const], filters: DATA_FILTERS };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export async function chooseWorkspaceToOpen(win: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open workspace', properties: ['openFile' as const], filters: WORKSPACE_FILTERS };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export async function chooseSavePath(win: BrowserWindow | null, suggestedName: string, title = 'Save'): Promise<string | null> {
  const options = { title, defaultPath: basename(suggestedName), filters: filtersFor(suggestedName), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function chooseRelinkTarget(win: BrowserWindow | null, oldPath: string): Promise<string | null> {
  const ext = extname(oldPath).slice(1);
  const options = {
    title: `Where is ${basename(oldPath)} now?`,
    properties: ['openFile' as const],
    filters: ext ? [{ name: `${ext.toUpperCase()} files`, extensions: [ext] }, ...DATA_FILTERS] : DATA_FILTERS,
  };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
