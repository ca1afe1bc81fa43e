/**
 * Reading and writing workspace text. Reading never throws: a damaged, foreign or newer file comes
 * back as a refusal with a message that says what happened and what to do, and the caller must not
 * write over that file.
 */
import type { z } from 'zod';
import type { Workspace, WorkspaceInput } from './schema';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, workspaceSchema } from './schema';
import { MIGRATIONS } from './migrations';

export type WorkspaceRefusal = 'corrupt' | 'not-a-workspace' | 'newer-version' | 'invalid';

export type ParsedWorkspace =
  | { ok: true; workspace: Workspace; migratedFrom?: number }
  | { ok: false; reason: WorkspaceRefusal; message: string; version?: number };

type RawDocument = Record<string, unknown> & { version: number };

const KEEP = 'MeshLens has not changed the file.';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`)
    .join('; ');
}

export function parseWorkspace(text: string, fileLabel = 'This workspace file'): ParsedWorkspace {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const empty = text.trim() === '';
    return {
      ok: false,
      reason: 'corrupt',
      message: `${fileLabel} is damaged: ${empty ? 'it is empty' : `it is not valid JSON (${detail})`}. ${KEEP} Open an autosaved copy or a backup instead.`,
    };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || (doc as Record<string, unknown>).format !== WORKSPACE_FORMAT) {
    return {
      ok: false,
      reason: 'not-a-workspace',
      message: `${fileLabel} is not a MeshLens workspace (it has no "format": "${WORKSPACE_FORMAT}" field). ${KEEP}`,
    };
  }
  const raw = doc as Record<string, unknown>;
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid', message: `${fileLabel} has no valid format version (found ${JSON.stringify(version)}). ${KEEP}` };
  }
  if (version > WORKSPACE_VERSION) {
    return {
      ok: false,
      reason: 'newer-version',
      version,
      message: `${fileLabel} was saved by a newer MeshLens (workspace format ${version}; this version reads up to ${WORKSPACE_VERSION}). Update MeshLens to open it. ${KEEP}`,
    };
  }
  let current = raw as RawDocument;
  for (let v = version; v < WORKSPACE_VERSION; v++) {
    const step = MIGRATIONS[v - 1];
    if (!step) return { ok: false, reason: 'invalid', version, message: `No way to upgrade workspace format ${v}. ${KEEP}` };
    current = step(current);
  }
  const result = workspaceSchema.safeParse(current);
  if (!result.success) {
    return { ok: false, reason: 'invalid', version, message: `${fileLabel} does not match the workspace format: ${describeIssues(result.error)}. ${KEEP}` };
  }
  const ids = new Set<string>();
  for (const d of result.data.datasets) {
    if (ids.has(d.id)) return { ok: false, reason: 'invalid', version, message: `${fileLabel} lists dataset id "${d.id}" twice. ${KEEP}` };
    ids.add(d.id);
  }
  return version === WORKSPACE_VERSION ? { ok: true, workspace: result.data } : { ok: true, workspace: result.data, migratedFrom: version };
}

/** Validated, pretty JSON with a trailing newline. Throws when the value is not a valid workspace. */
export function serializeWorkspace(workspace: WorkspaceInput, now?: Date): string {
  const parsed = workspaceSchema.parse(workspace);
  const out = now ? { ...parsed, updatedAt: now.toISOString() } : parsed;
  return JSON.stringify(out, null, 2) + '\n';
}
