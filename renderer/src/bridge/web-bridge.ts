/**
 * The Bridge in a plain browser: file inputs to open, Blob-URL downloads to save, localStorage for the
 * list of recent workspaces. Nothing leaves the machine.
 */
import { IMPORT_EXTENSIONS } from '../../../shared/import/types';
import type { Bridge, BridgeResult, MenuCommand, OpenedFile, RecentWorkspace } from './types';

const RECENT_KEY = 'meshlens.recentWorkspaces';
const MAX_RECENT = 8;

export async function readBrowserFiles(files: FileList | File[], pathOf: (f: File) => string = (f) => f.name): Promise<OpenedFile[]> {
  return Promise.all(
    Array.from(files).map(async (f) => ({ name: f.name, path: pathOf(f), bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** How much of a Blob-backed file the UI thread reads: the import preview shows the first lines only. */
export const HEAD_BYTES = 1 << 20;

/**
 * Chosen or dropped files as dataset sources: the File itself (`blob`, read whole by the database worker)
 * and only its first MB here, so opening a large file costs the UI thread next to nothing.
 */
export async function browserFileSources(
  files: FileList | File[],
  pathOf: (f: File) => string = (f) => f.name,
): Promise<(OpenedFile & { blob: Blob })[]> {
  return Promise.all(
    Array.from(files).map(async (f) => ({ name: f.name, path: pathOf(f), bytes: new Uint8Array(await f.slice(0, HEAD_BYTES).arrayBuffer()), blob: f })),
  );
}

/** Show the browser's file picker; resolves with the chosen files, or [] when the user cancels. */
function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

export function downloadBytes(name: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function readRecent(): RecentWorkspace[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (r): r is RecentWorkspace =>
            typeof r === 'object' && r !== null && typeof r.path === 'string' && typeof r.name === 'string' && typeof r.openedAt === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function rememberRecent(path: string, json: string): void {
  const recent = readRecent().filter((r) => r.path !== path);
  recent.unshift({ path, name: path.replace(/\.meshlens(\.json)?$/i, ''), openedAt: new Date().toISOString() });
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(recent.slice(0, MAX_RECENT)));
    // The browser cannot reopen a path, so the workspace text itself is kept for "recent".
    localStorage.setItem(`${RECENT_KEY}:${path}`, json);
  } catch {
    /* storage full or unavailable: recent list is a convenience */
  }
}

export const webBridge: Bridge = {
  kind: 'web',

  async openFiles() {
    return readBrowserFiles(await pickFiles(IMPORT_EXTENSIONS.map((e) => `.${e}`).join(','), true));
  },

  async saveFile(suggestedName, bytes, mime) {
    downloadBytes(suggestedName, bytes, mime);
    return suggestedName;
  },

  async saveWorkspace(json, path): Promise<BridgeResult<string>> {
    const name = path ?? 'workspace.meshlens';
    downloadBytes(name, new TextEncoder().encode(json), 'application/json');
    rememberRecent(name, json);
    return { ok: true, value: name };
  },

  async openWorkspace(path) {
    if (path) {
      const json = localStorage.getItem(`${RECENT_KEY}:${path}`);
      if (json === null) return { ok: false, error: `${path} is no longer in this browser's storage. Open it again.` };
      rememberRecent(path, json);
      return { ok: true, value: { path, json } };
    }
    const [file] = await pickFiles('.meshlens,.json', false);
    if (!file) return null;
    const json = await file.text();
    rememberRecent(file.name, json);
    return { ok: true, value: { path: file.name, json } };
  },

  async recentWorkspaces() {
    return readRecent();
  },

  async readFile(path) {
    return { ok: false, error: `The browser cannot read ${path} by itself: open the file again with “Open files”.` };
  },

  async exportPdf() {
    return { ok: false, error: 'PDF export is part of the desktop app. In the browser, use Print → Save as PDF on the HTML report.' };
  },

  onMenuCommand(_handler: (command: MenuCommand) => void) {
    // A browser page has no native menu.
    return () => undefined;
  },
};
