/**
 * Open Data Contract Standard v3.1.0: the data product card ⇄ an `.odcs.yaml` contract.
 * Export writes only fields the ODCS JSON schema allows (tests validate every export against it);
 * import reads any v3.x contract loosely, keeping what MeshLens can run.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import type { DataProduct, LogicalType, ProductColumn, QualityObjective } from './product';
import { slug } from './product';
import { stringifyPortable } from './yaml-portable';

const looseRecord = z.record(z.string(), z.unknown());
const qualitySchema = looseRecord;
const propertySchema = z.looseObject({
  name: z.string(),
  id: z.string().optional(),
  physicalName: z.string().optional(),
  logicalType: z.string().optional(),
  physicalType: z.string().optional(),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  description: z.string().optional(),
  classification: z.string().optional(),
  primaryKey: z.boolean().optional(),
  primaryKeyPosition: z.number().optional(),
  examples: z.array(z.unknown()).optional(),
  quality: z.array(qualitySchema).optional(),
});
const schemaObjectSchema = z.looseObject({
  name: z.string(),
  physicalName: z.string().optional(),
  businessName: z.string().optional(),
  description: z.string().optional(),
  dataGranularityDescription: z.string().optional(),
  properties: z.array(propertySchema).optional(),
  quality: z.array(qualitySchema).optional(),
});
const customPropertySchema = z.looseObject({ property: z.string(), value: z.unknown() });
const contractSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.literal('DataContract'),
  id: z.string(),
  version: z.string(),
  status: z.string(),
  name: z.string().optional(),
  domain: z.string().optional(),
  dataProduct: z.string().optional(),
  description: z.looseObject({ purpose: z.string().optional(), usage: z.string().optional(), limitations: z.string().optional() }).optional(),
  schema: z.array(schemaObjectSchema).optional(),
  team: z.union([z.looseObject({ name: z.string().optional(), members: z.array(looseRecord).optional() }), z.array(looseRecord)]).optional(),
  roles: z.array(z.looseObject({ role: z.string(), access: z.string().optional(), description: z.string().optional() })).optional(),
  slaProperties: z.array(z.looseObject({ property: z.string(), value: z.unknown(), unit: z.string().optional() })).optional(),
  customProperties: z.array(customPropertySchema).optional(),
});

export type OdcsQuality = Record<string, unknown>;
export type OdcsProperty = z.infer<typeof propertySchema>;
export type OdcsSchemaObject = z.infer<typeof schemaObjectSchema>;
export type OdcsContract = z.infer<typeof contractSchema>;

export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

/** Parse `.odcs.yaml` text. Throws ContractError with a one-line reason when it is not an ODCS contract. */
export function parseContract(text: string): OdcsContract {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new ContractError(`not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const r = contractSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ContractError(`not an ODCS contract: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem'}`);
  }
  if (!r.data.apiVersion.startsWith('v3')) throw new ContractError(`ODCS ${r.data.apiVersion} is not supported; MeshLens reads v3.x`);
  return r.data;
}

const dimensionOf: Record<QualityObjective['kind'], string> = {
  nullPercent: 'completeness',
  duplicateRows: 'uniqueness',
  rowCount: 'completeness',
  sql: 'accuracy',
  check: 'accuracy',
};

function objectiveToQuality(o: QualityObjective): OdcsQuality {
  const common: OdcsQuality = { id: o.id, name: o.title, description: o.basis ?? o.title, dimension: dimensionOf[o.kind], severity: 'error' };
  const observed = o.observed === null ? [] : [{ property: 'observedAtExport', value: o.observed }];
  const extra = observed.length ? { customProperties: observed } : {};
  switch (o.kind) {
    case 'nullPercent':
      return { ...common, type: 'library', metric: 'nullValues', mustBeLessOrEqualTo: o.max, unit: 'percent', ...extra };
    case 'duplicateRows':
      return { ...common, type: 'library', metric: 'duplicateValues', arguments: { properties: o.columns }, mustBeLessOrEqualTo: o.max, unit: 'rows', ...extra };
    case 'rowCount':
      return { ...common, type: 'library', metric: 'rowCount', mustBeGreaterOrEqualTo: o.min, unit: 'rows', ...extra };
    case 'sql':
      return { ...common, type: 'sql', query: o.query, mustBeLessOrEqualTo: o.max, ...extra };
    case 'check':
      return { ...common, type: 'custom', engine: 'meshlens', implementation: o.checkId, ...extra };
  }
}

function propertyOf(c: ProductColumn, quality: OdcsQuality[], keyPosition: number): Record<string, unknown> {
  return {
    id: slug(c.name),
    name: c.name,
    logicalType: c.logicalType,
    physicalType: c.physicalType,
    required: c.required,
    unique: c.unique,
    // Keys come from the natural key (the grain), in its order.
    ...(keyPosition > 0 ? { primaryKey: true, primaryKeyPosition: keyPosition } : {}),
    description: c.meaning,
    ...(c.classification ? { classification: c.classification } : {}),
    ...(c.examples.length ? { examples: c.examples } : {}),
    ...(quality.length ? { quality } : {}),
  };
}

/** The product card as an ODCS v3.1.0 document (a plain object ready for YAML). */
export function productToContract(p: DataProduct): Record<string, unknown> {
  const columnQuality = (name: string) =>
    p.objectives.filter((o) => o.kind === 'nullPercent' && o.column === name).map(objectiveToQuality);
  const tableQuality = p.objectives.filter((o) => o.kind !== 'nullPercent').map(objectiveToQuality);
  const dateColumn = p.columns.find((c) => c.logicalType === 'date' || c.logicalType === 'timestamp');
  const element = dateColumn ? `${p.tableName}.${dateColumn.name}` : undefined;
  const custom: { property: string; value: unknown }[] = [{ property: 'grainColumns', value: p.grainColumns }];
  if (p.freshness.coverageStart) custom.push({ property: 'coverageStart', value: p.freshness.coverageStart });
  if (p.freshness.coverageEnd) custom.push({ property: 'coverageEnd', value: p.freshness.coverageEnd });
  custom.push({ property: 'generator', value: 'MeshLens' });
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: p.id,
    name: p.name,
    version: p.version,
    status: p.status,
    domain: p.domain,
    dataProduct: p.name,
    description: { purpose: p.description, usage: p.usage, limitations: p.limitations },
    schema: [
      {
        id: slug(p.tableName),
        name: p.tableName,
        physicalType: 'table',
        businessName: p.name,
        description: p.grain,
        dataGranularityDescription: p.grain,
        properties: p.columns.map((c) => propertyOf(c, columnQuality(c.name), p.grainColumns.indexOf(c.name) + 1)),
        ...(tableQuality.length ? { quality: tableQuality } : {}),
      },
    ],
    team: {
      name: `${p.domain} team`,
      members: p.team.map((m) => ({ username: m.username, role: m.role, ...(m.name ? { name: m.name } : {}) })),
    },
    roles: [
      ...(p.owner.trim() ? [{ role: `${slug(p.domain)}_owner`, access: 'write', description: `Owner: ${p.owner}` }] : []),
      ...p.consumers.map((c) => ({ role: `consumer_${slug(c)}`, access: 'read', description: c })),
    ],
    slaDefaultElement: element,
    ...(slaOf(p, element).length ? { slaProperties: slaOf(p, element) } : {}),
    customProperties: custom,
  };
}

/** Freshness promises with their basis; none when the data has no dates to draw them from or the user accepted none. */
function slaOf(p: DataProduct, element: string | undefined): Record<string, unknown>[] {
  const f = p.freshness;
  if (!f.accepted || !f.coverageStart || !f.coverageEnd) return [];
  const at = element ? { element } : {};
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  return [
    {
      property: 'frequency',
      value: f.frequencyDays,
      unit: 'd',
      ...at,
      description: `A new row date every ${days(f.frequencyDays)}: the step between consecutive dates in the data from ${f.coverageStart} to ${f.coverageEnd}.`,
    },
    {
      property: 'latency',
      value: f.latencyDays,
      unit: 'd',
      ...at,
      description: `Data for a date is available within ${days(f.latencyDays)}: assumed equal to the frequency; confirm it with the producing team.`,
    },
  ];
}

/** The contract as YAML that YAML 1.1 readers (PyYAML: datacontract-cli, Soda) and YAML 1.2 readers read the same. */
export function exportContractYaml(p: DataProduct): string {
  const doc = productToContract(p);
  if (doc.slaDefaultElement === undefined) delete doc.slaDefaultElement;
  return stringifyPortable(doc);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const observedOf = (q: OdcsQuality): number | null => {
  const cp = Array.isArray(q.customProperties) ? (q.customProperties as { property?: string; value?: unknown }[]) : [];
  return num(cp.find((x) => x.property === 'observedAtExport')?.value);
};
const LOGICAL: LogicalType[] = ['string', 'date', 'timestamp', 'time', 'number', 'integer', 'boolean', 'object', 'array'];

/** Read a quality rule back as an objective, when it is one MeshLens writes. */
export function qualityToObjective(q: OdcsQuality, column?: string): QualityObjective | null {
  const id = typeof q.id === 'string' ? q.id : slug(String(q.name ?? q.metric ?? q.type ?? 'rule'));
  const title = String(q.name ?? q.description ?? id);
  const basis = typeof q.description === 'string' && q.description !== title ? { basis: q.description } : {};
  const o = objectiveOf(q, id, title, column);
  return o ? { ...o, ...basis } : null;
}

function objectiveOf(q: OdcsQuality, id: string, title: string, column: string | undefined): QualityObjective | null {
  const observed = observedOf(q);
  const max = num(q.mustBeLessOrEqualTo) ?? (num(q.mustBeLessThan) !== null ? num(q.mustBeLessThan)! - 1 : num(q.mustBe));
  const metric = q.metric ?? q.rule;
  if (metric === 'nullValues' && column && max !== null) return { id, kind: 'nullPercent', column, max, title, observed: observed ?? 0 };
  if (metric === 'duplicateValues' && max !== null) {
    const args = (q.arguments ?? {}) as { properties?: unknown };
    const columns = Array.isArray(args.properties) ? args.properties.map(String) : column ? [column] : [];
    if (columns.length) return { id, kind: 'duplicateRows', columns, max, title, observed: observed ?? 0 };
  }
  if (metric === 'rowCount') {
    const min = num(q.mustBeGreaterOrEqualTo) ?? (num(q.mustBeGreaterThan) !== null ? num(q.mustBeGreaterThan)! + 1 : null);
    if (min !== null) return { id, kind: 'rowCount', min, title, observed: observed ?? 0 };
  }
  if (q.type === 'sql' && typeof q.query === 'string' && max !== null) return { id, kind: 'sql', query: q.query, max, title, observed };
  if (q.type === 'custom' && q.engine === 'meshlens' && typeof q.implementation === 'string')
    return { id, kind: 'check', checkId: q.implementation, title, observed };
  return null;
}

/** The quality rules of a contract's first schema object that MeshLens cannot read back as objectives, by name. */
export function unreadableRules(c: OdcsContract): string[] {
  const obj = c.schema?.[0];
  const name = (q: OdcsQuality, column?: string) => `${String(q.name ?? q.id ?? q.metric ?? q.rule ?? q.type ?? 'rule')}${column ? ` (${column})` : ''}`;
  return [
    ...(obj?.properties ?? []).flatMap((p) => (p.quality ?? []).filter((q) => !qualityToObjective(q, p.name)).map((q) => name(q, p.name))),
    ...(obj?.quality ?? []).filter((q) => !qualityToObjective(q)).map((q) => name(q)),
  ];
}

/** The first schema object of a contract as an editable product card (rules MeshLens cannot edit are dropped: unreadableRules names them). */
export function contractToProduct(c: OdcsContract): DataProduct {
  const obj = c.schema?.[0];
  const custom = (name: string) => c.customProperties?.find((p) => p.property === name)?.value;
  const members = Array.isArray(c.team) ? c.team : (c.team?.members ?? []);
  const team = members.map((m) => ({
    username: String(m.username ?? m.name ?? 'unknown'),
    role: String(m.role ?? 'Member'),
    ...(typeof m.name === 'string' ? { name: m.name } : {}),
  }));
  const objectives: QualityObjective[] = [];
  for (const p of obj?.properties ?? []) for (const q of p.quality ?? []) {
    const o = qualityToObjective(q, p.name);
    if (o) objectives.push(o);
  }
  for (const q of obj?.quality ?? []) {
    const o = qualityToObjective(q);
    if (o) objectives.push(o);
  }
  const sla = (name: string) => num(c.slaProperties?.find((s) => s.property === name)?.value);
  const ownerRole = c.roles?.find((r) => r.access === 'write' && r.description?.startsWith('Owner: '));
  const keyColumns = (obj?.properties ?? [])
    .filter((p) => p.primaryKey === true)
    .sort((a, b) => Number(a.primaryKeyPosition ?? 0) - Number(b.primaryKeyPosition ?? 0))
    .map((p) => p.physicalName ?? p.name);
  const grainColumns = custom('grainColumns') ?? keyColumns;
  return {
    id: c.id,
    name: c.name ?? c.dataProduct ?? obj?.name ?? c.id,
    version: c.version,
    status: (['draft', 'proposed', 'active', 'deprecated', 'retired'].includes(c.status) ? c.status : 'draft') as DataProduct['status'],
    domain: c.domain ?? 'unknown',
    description: c.description?.purpose ?? '',
    usage: c.description?.usage ?? '',
    limitations: c.description?.limitations ?? '',
    owner: ownerRole?.description?.slice('Owner: '.length) ?? team.find((m) => /owner/i.test(m.role))?.username ?? '',
    team,
    tableName: obj?.name ?? 'table',
    grain: obj?.dataGranularityDescription ?? '',
    grainColumns: Array.isArray(grainColumns) ? grainColumns.map(String) : [],
    columns: (obj?.properties ?? []).map((p) => ({
      name: p.physicalName ?? p.name,
      meaning: p.description ?? '',
      logicalType: (LOGICAL.includes(p.logicalType as LogicalType) ? p.logicalType : 'string') as LogicalType,
      physicalType: p.physicalType ?? '',
      required: p.required ?? false,
      unique: p.unique ?? false,
      ...(p.classification ? { classification: p.classification } : {}),
      examples: (p.examples ?? []).map(String),
    })),
    objectives,
    freshness: {
      frequencyDays: sla('frequency') ?? 1,
      latencyDays: sla('latency') ?? 1,
      coverageStart: typeof custom('coverageStart') === 'string' ? (custom('coverageStart') as string) : null,
      coverageEnd: typeof custom('coverageEnd') === 'string' ? (custom('coverageEnd') as string) : null,
      accepted: sla('frequency') !== null || sla('latency') !== null,
      basis: null,
    },
    consumers: (c.roles ?? []).filter((r) => r.access === 'read' && r.role.startsWith('consumer_')).map((r) => r.description ?? r.role),
  };
}
