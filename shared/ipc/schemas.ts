/**
 * zod schemas for every request and response that crosses the Electron boundary, keyed by the
 * names in channels.ts. The main process parses every request with these before acting on it.
 */
import { z } from 'zod';
import type { InvokeName } from './channels';
import { MENU_COMMANDS } from './channels';

/** Largest workspace JSON accepted (portable workspaces carry base64 Parquet). */
export const MAX_WORKSPACE_CHARS = 512 * 1024 * 1024;
/** Largest file the renderer may save through saveFile. */
export const MAX_SAVE_BYTES = 1024 * 1024 * 1024;

/** An absolute path on any desktop OS: `/x`, `C:\x`, `C:/x` or `\\server\share`. No NUL bytes. */
export const absolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'path must be absolute');

/** A bare file name suggested for a save dialog: no folders, no NUL, no reserved characters. */
export const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/\0<>:"|?*]/.test(n) && n !== '.' && n !== '..', 'not a plain file name');

const uint8 = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes (Uint8Array)');
const bytes = uint8.refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large');
const workspaceJson = z.string().min(2).max(MAX_WORKSPACE_CHARS);
const empty = z.strictObject({});

export const openedFileSchema = z.strictObject({ name: z.string(), path: z.string(), bytes: uint8 });
export type OpenedFileValue = z.infer<typeof openedFileSchema>;

export const recentWorkspaceSchema = z.strictObject({ path: z.string(), name: z.string(), openedAt: z.string() });

export const datasetStatusSchema = z.strictObject({
  datasetId: z.string(),
  path: z.string(),
  /** ok: file found unchanged; changed: found but size/date differ; missing: not at its path; embedded: data is in the workspace. */
  status: z.enum(['ok', 'changed', 'missing', 'embedded']),
  /** A file with the same name found next to the workspace or in a sibling folder, proposed for relinking. */
  candidate: z.string().optional(),
  message: z.string(),
});
export type DatasetStatus = z.infer<typeof datasetStatusSchema>;

export const openedWorkspaceSchema = z.strictObject({
  path: z.string(),
  json: z.string(),
  datasets: z.array(datasetStatusSchema),
});
export type OpenedWorkspace = z.infer<typeof openedWorkspaceSchema>;

export const menuCommandSchema = z.enum(MENU_COMMANDS);

export const openPathsEventSchema = z.strictObject({
  paths: z.array(z.string()),
  /** os: double-click, command line, dock; recent: the Open Recent menu. */
  source: z.enum(['os', 'recent']),
});
export type OpenPathsEvent = z.infer<typeof openPathsEventSchema>;

export const contract = {
  openFiles: { request: z.strictObject({ title: z.string().max(200).optional() }), response: z.array(openedFileSchema) },
  saveFile: {
    request: z.strictObject({ suggestedName: fileName, bytes, mime: z.string().max(200) }),
    response: z.string().nullable(),
  },
  saveWorkspace: { request: z.strictObject({ json: workspaceJson, path: absolutePath }), response: z.string() },
  saveWorkspaceAs: {
    request: z.strictObject({ json: workspaceJson, suggestedName: fileName.optional() }),
    response: z.string().nullable(),
  },
  openWorkspace: { request: z.strictObject({ path: absolutePath.optional() }), response: openedWorkspaceSchema.nullable() },
  autosaveWorkspace: {
    request: z.strictObject({ json: workspaceJson, path: absolutePath.optional() }),
    response: z.string(),
  },
  recentWorkspaces: { request: empty, response: z.array(recentWorkspaceSchema) },
  checkDatasets: {
    request: z.strictObject({ json: workspaceJson, path: absolutePath.optional() }),
    response: z.array(datasetStatusSchema),
  },
  relinkFile: { request: z.strictObject({ oldPath: z.string().max(4096) }), response: z.string().nullable() },
  readFile: { request: z.strictObject({ path: absolutePath }), response: openedFileSchema },
  exportPdf: {
    request: z.strictObject({ suggestedName: fileName, landscape: z.boolean().optional() }),
    response: z.string().nullable(),
  },
  takePendingOpens: { request: empty, response: z.array(z.string()) },
  grantDroppedFile: { request: z.strictObject({ path: absolutePath }), response: z.boolean() },
} as const satisfies Record<InvokeName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<N extends InvokeName> = z.input<Contract[N]['request']>;
export type ResponseOf<N extends InvokeName> = z.output<Contract[N]['response']>;
