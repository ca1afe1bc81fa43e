/**
 * The `.meshlens` workspace file: a versioned JSON document. It holds where the data is and what the
 * user decided about it, never the data itself, unless the user asks for a portable workspace
 * (then each dataset carries its table as base64 Parquet).
 */
import { z } from 'zod';
import type { ImportOptions } from '../import/types';
import { policyPackSchema } from '../mesh/policy-pack';
import type { QualityObjective } from '../mesh/product';
import { RECON_DOMAINS } from '../reconcile/types';

export const WORKSPACE_FORMAT = 'meshlens-workspace';
/** The format version this build writes and the newest it can read. */
export const WORKSPACE_VERSION = 2;
export const WORKSPACE_EXTENSION = '.meshlens';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

export const importOptionsSchema = z.strictObject({
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  delimiter: z.string().min(1).max(4).optional(),
  headerLine: z.int().min(1).optional(),
  quote: z.enum(['"', "'", '']).optional(),
  escape: z.enum(['double', 'backslash']).optional(),
  headerRows: z.int().min(0).max(3).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  dateOrder: z.enum(['YMD', 'MDY', 'DMY']).optional(),
  tableIndex: z.int().min(0).optional(),
  sheet: z.string().optional(),
  keepSummaryRows: z.boolean().optional(),
}) satisfies z.ZodType<ImportOptions>;

export const embeddedDataSchema = z.strictObject({
  format: z.literal('parquet'),
  /** The dataset's typed table as a Parquet file, base64. */
  base64: z.string(),
  byteLength: z.int().min(0),
  /** Name of the table the bytes came from, for the log. */
  table: z.string().optional(),
});

/** A walkthrough answer: text, a list, or a map (finding → domain). */
const answerSchema = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]);

export const walkthroughProgressSchema = z.strictObject({
  step: z.int().min(0),
  completed: z.boolean(),
  updatedAt: isoDate,
  answers: z.record(z.string(), answerSchema).default({}),
});

const objectiveBase = { id: z.string().min(1), title: z.string(), basis: z.string().optional() };

/** A contract rule as the product card holds it (shared/mesh/product.ts QualityObjective). */
export const qualityObjectiveSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...objectiveBase, kind: z.literal('nullPercent'), column: z.string(), max: z.number(), observed: z.number() }),
  z.strictObject({ ...objectiveBase, kind: z.literal('duplicateRows'), columns: z.array(z.string()), max: z.number(), observed: z.number() }),
  z.strictObject({ ...objectiveBase, kind: z.literal('rowCount'), min: z.number(), observed: z.number() }),
  z.strictObject({ ...objectiveBase, kind: z.literal('sql'), query: z.string(), max: z.number(), observed: z.number().nullable() }),
  z.strictObject({ ...objectiveBase, kind: z.literal('check'), checkId: z.string(), observed: z.number().nullable() }),
]) satisfies z.ZodType<QualityObjective>;

/**
 * The dataset's one data product: only what the user decided (shared/mesh/product-state.ts). Unknown
 * fields are kept, so a newer card field survives a round trip through this build.
 */
export const productDecisionsSchema = z.looseObject({
  name: z.string().optional(),
  owner: z.string().optional(),
  domain: z.string().optional(),
  consumers: z.array(z.string()).optional(),
  description: z.string().optional(),
  usage: z.string().optional(),
  status: z.enum(['draft', 'proposed', 'active', 'deprecated', 'retired']).optional(),
  version: z.string().optional(),
  freshness: z.strictObject({ frequencyDays: z.number().min(1), latencyDays: z.number().min(0) }).optional(),
  columns: z
    .record(z.string(), z.strictObject({ meaning: z.string().optional(), required: z.boolean().optional(), unique: z.boolean().optional() }))
    .optional(),
  /** Contract rules kept, by id, from the candidates today's file suggests. */
  rules: z.array(z.string()).optional(),
  policies: z.array(z.string()).optional(),
  /** Quality rules read from an imported contract, as it states them. */
  contractRules: z.array(qualityObjectiveSchema).optional(),
});

export const datasetSchema = z.strictObject({
  id: z.string().min(1),
  /** Absolute path of the source file when the workspace was saved. */
  path: z.string().min(1),
  name: z.string(),
  /** Size and modification time when last imported, to tell the user the file changed since. */
  fingerprint: z.strictObject({ size: z.int().min(0), mtimeMs: z.number() }).optional(),
  /** Only the options the user changed; everything else is detected again on open. */
  importOptions: importOptionsSchema.default({}),
  /** Column name → role chosen by the user (e.g. `spend`, `campaign`, `none`). */
  roleOverrides: z.record(z.string(), z.string()).default({}),
  embedded: embeddedDataSchema.optional(),
  /** The data product built on this dataset (name, owner, consumers, … as the user decided them). */
  product: productDecisionsSchema.optional(),
  /** Label clusters: column → suggested canonical spelling → the spelling the user chose (shared/checks/label-fixes.ts). */
  labelChoices: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** Walkthrough id → progress and answers on this dataset. */
  walkthroughs: z.record(z.string(), walkthroughProgressSchema).default({}),
});

export const checkConfigSchema = z.strictObject({
  /** Check ids switched off. */
  disabled: z.array(z.string()).default([]),
  /** Check id → severity chosen by the user. */
  severity: z.record(z.string(), z.enum(['error', 'warning', 'info'])).default({}),
  /** Named thresholds (e.g. `freshness_days`). */
  thresholds: z.record(z.string(), z.number()).default({}),
});

export const ownerSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
  team: z.string().optional(),
});

export const domainSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  ownerId: z.string().optional(),
  description: z.string().optional(),
});

export const noteSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string(),
  createdAt: isoDate,
  datasetId: z.string().optional(),
  checkId: z.string().optional(),
  column: z.string().optional(),
});

/** Workshop mode: where the facilitator is on the agenda, the running timer and the group's decisions. */
export const workshopSchema = z.strictObject({
  current: z.int().min(0).default(0),
  /** When the current item's timer was started (ms since 1970), null when it is not running. */
  startedAt: z.number().nullable().default(null),
  policies: z.array(z.strictObject({ policyId: z.string(), adopted: z.boolean(), note: z.string() })).default([]),
  notes: z.string().default(''),
});

/** The reconciliation settings, as `meshlens reconcile --config` reads them (shared/reconcile/config.ts). */
export const reconcileSchema = z.strictObject({
  truth: z.string().optional(),
  on: z.array(z.string()).optional(),
  metric: z.string().optional(),
  testStart: z.string().optional(),
  sources: z.array(
    z.strictObject({ file: z.string().min(1), domain: z.enum(RECON_DOMAINS).optional(), currency: z.string().optional(), timeZone: z.string().optional() }),
  ),
  checks: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

export const workspaceSchema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_VERSION),
  name: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  datasets: z.array(datasetSchema).default([]),
  checks: checkConfigSchema.default({ disabled: [], severity: {}, thresholds: {} }),
  owners: z.array(ownerSchema).default([]),
  domains: z.array(domainSchema).default([]),
  notes: z.array(noteSchema).default([]),
  workshop: workshopSchema.optional(),
  /** The organisation's policy pack this workspace applies (shared/mesh/policy-pack.ts); absent: none chosen. */
  policyPack: policyPackSchema.optional(),
  /** The Reconcile screen's settings; absent: none given. */
  reconcile: reconcileSchema.optional(),
});

export type Workspace = z.output<typeof workspaceSchema>;
export type WorkspaceInput = z.input<typeof workspaceSchema>;
export type WorkspaceDataset = z.output<typeof datasetSchema>;
export type EmbeddedData = z.output<typeof embeddedDataSchema>;
export type WorkspaceProduct = z.output<typeof productDecisionsSchema>;
export type WorkspaceWalkthrough = z.output<typeof walkthroughProgressSchema>;
export type WorkspaceWorkshop = z.output<typeof workshopSchema>;

export function emptyWorkspace(name: string, now: Date = new Date()): Workspace {
  const at = now.toISOString();
  return workspaceSchema.parse({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, name, createdAt: at, updatedAt: at });
}
