/**
 * Workspace files on disk: save (atomic, validated, never over a damaged or newer file), open (with a
 * clear refusal for damaged or newer files), the recent list, autosave copies, and where each dataset
 * stands on disk (found, changed, missing, with a relink candidate when one is close by).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import type { DatasetStatus, OpenedWorkspace } from '../../shared/ipc/schemas';
import { recentWorkspaceSchema } from '../../shared/ipc/schemas';
import { parseWorkspace } from '../../shared/workspace/parse';
import type { Workspace } from '../../shared/workspace/schema';
import { WORKSPACE_EXTENSION } from '../../shared/workspace/schema';
import { atomicWriteFile } from './atomic-write';
import type { FileAccess } from './file-access';
import type { Logger } from './log';

export const MAX_RECENT = 10;
const MAX_WORKSPACE_BYTES = 768 * 1024 * 1024;

export type RecentWorkspaceEntry = z.infer<typeof recentWorkspaceSchema>;

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export function withWorkspaceExtension(path: string): string {
  return extname(path).toLowerCase() === WORKSPACE_EXTENSION ? path : path + WORKSPACE_EXTENSION;
}

export class WorkspaceFiles {
  readonly autosaveDir: string;
  private readonly recentFile: string;

  constructor(
    userDataDir: string,
    private readonly access: FileAccess,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.autosaveDir = join(userDataDir, 'autosave');
    this.recentFile = join(userDataDir, 'recent-workspaces.json');
    access.grantDirectory(this.autosaveDir);
  }

  private validate(json: string): Workspace {
    const parsed = parseWorkspace(json, 'The workspace to save');
    if (!parsed.ok) throw new WorkspaceError(parsed.message.replace(' MeshLens has not changed the file.', ' Nothing was written.'));
    return parsed.workspace;
  }

  /**
   * Save `json` to `path`. `chosenByUser` is true right after a save dialog (the OS already asked
   * about replacing a file); otherwise the path must be one this session opened or saved cleanly.
   * An existing file that is damaged, foreign or from a newer MeshLens is never replaced silently.
   */
  async save(json: string, path: string, chosenByUser = false): Promise<string> {
    const target = withWorkspaceExtension(path);
    if (!chosenByUser && !this.access.canWrite(target)) {
      throw new WorkspaceError(`MeshLens will not write to "${target}": it was not opened or chosen as a workspace in this session. Use Save As.`);
    }
    const workspace = this.validate(json);
    if (await exists(target)) {
      const current = parseWorkspace(await readFile(target, 'utf8'), `"${basename(target)}"`);
      if (!current.ok && (current.reason === 'newer-version' || !chosenByUser)) {
        this.log('warn', `workspace: refused to overwrite ${target}: ${current.reason}`);
        throw new WorkspaceError(`${current.message} Save under another name instead.`);
      }
    }
    await atomicWriteFile(target, json);
    this.access.grantWrite(target);
    await this.addRecent(target, workspace.name);
    return target;
  }

  /** Crash-safety copy in the app's data folder, one per workspace; the user's file is untouched. */
  async autosave(json: string, path?: string): Promise<string> {
    this.validate(json);
    await mkdir(this.autosaveDir, { recursive: true });
    const id = createHash('sha256')
      .update(path ?? 'untitled')
      .digest('hex')
      .slice(0, 12);
    const name = path ? basename(path, extname(path)) : 'untitled';
    const target = join(this.autosaveDir, `${name.replace(/[^\w.-]+/g, '_').slice(0, 60)}-${id}${WORKSPACE_EXTENSION}`);
    await atomicWriteFile(target, json);
    return target;
  }

  /** Read and check a workspace. A damaged or newer file is refused with its message and stays read-only. */
  async open(path: string): Promise<OpenedWorkspace> {
    let text: string;
    try {
      const info = await stat(path);
      if (info.size > MAX_WORKSPACE_BYTES) throw new WorkspaceError(`"${basename(path)}" is too large to be a workspace.`);
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new WorkspaceError(`The workspace "${path}" is no longer there. It may have been moved or renamed.`);
      }
      throw err;
    }
    const parsed = parseWorkspace(text, `"${basename(path)}"`);
    if (!parsed.ok) {
      this.access.revokeWrite(path);
      this.log('warn', `workspace: refused ${path}: ${parsed.reason}`);
      throw new WorkspaceError(parsed.message);
    }
    this.access.grantWrite(path);
    const datasets = await this.checkDatasets(parsed.workspace, path, true);
    await this.addRecent(path, parsed.workspace.name);
    return { path, json: text, datasets };
  }

  /**
   * Where each dataset's file is now. With `grant` (only for a workspace this process read from disk
   * in open()), found files and relink candidates become readable. A workspace sent by the renderer
   * never grants anything: otherwise a page could list any path and then read it.
   */
  async checkDatasets(workspace: Workspace, workspacePath?: string, grant = false): Promise<DatasetStatus[]> {
    const out: DatasetStatus[] = [];
    for (const d of workspace.datasets) {
      const info = await stat(d.path).catch(() => null);
      if (info?.isFile()) {
        if (grant) this.access.grantRead(d.path);
        const changed = d.fingerprint && (d.fingerprint.size !== info.size || Math.abs(d.fingerprint.mtimeMs - info.mtimeMs) > 1);
        out.push({
          datasetId: d.id,
          path: d.path,
          status: changed ? 'changed' : 'ok',
          message: changed ? `"${d.name}" changed on disk since it was last imported; it will be imported again.` : `"${d.name}" found.`,
        });
        continue;
      }
      if (d.embedded) {
        out.push({ datasetId: d.id, path: d.path, status: 'embedded', message: `"${d.name}" is not at its path; the copy stored in the workspace will be used.` });
        continue;
      }
      const candidate = workspacePath ? await findCandidate(basename(d.path), dirname(workspacePath)) : undefined;
      if (candidate && grant) this.access.grantRead(candidate);
      out.push({
        datasetId: d.id,
        path: d.path,
        status: 'missing',
        ...(candidate ? { candidate } : {}),
        message: candidate
          ? `"${d.name}" is not at ${d.path}. A file with the same name is at ${candidate}: relink to use it.`
          : `"${d.name}" is not at ${d.path}. It may have been moved or renamed: relink it to its new location.`,
      });
    }
    return out;
  }

  async recent(): Promise<RecentWorkspaceEntry[]> {
    try {
      const parsed = z.array(recentWorkspaceSchema).safeParse(JSON.parse(await readFile(this.recentFile, 'utf8')));
      if (!parsed.success) return [];
      for (const r of parsed.data) this.access.grantWrite(r.path);
      return parsed.data;
    } catch {
      return [];
    }
  }

  async addRecent(path: string, name: string): Promise<void> {
    const list = (await this.recent()).filter((r) => r.path !== path);
    list.unshift({ path, name: name || basename(path, extname(path)), openedAt: this.now().toISOString() });
    await mkdir(dirname(this.recentFile), { recursive: true });
    await atomicWriteFile(this.recentFile, JSON.stringify(list.slice(0, MAX_RECENT), null, 2) + '\n');
  }

  async clearRecent(): Promise<void> {
    await mkdir(dirname(this.recentFile), { recursive: true });
    await atomicWriteFile(this.recentFile, '[]\n');
  }
}

/** A file named `name` next to the workspace or one folder below it (the usual "moved the folder" case). */
async function findCandidate(name: string, workspaceDir: string): Promise<string | undefined> {
  const direct = join(workspaceDir, name);
  if ((await stat(direct).catch(() => null))?.isFile()) return direct;
  const entries = await readdir(workspaceDir, { withFileTypes: true }).catch(() => []);
  for (const e of entries.filter((x) => x.isDirectory() && !x.name.startsWith('.')).slice(0, 100)) {
    const p = join(workspaceDir, e.name, name);
    if ((await stat(p).catch(() => null))?.isFile()) return p;
  }
  return undefined;
}
