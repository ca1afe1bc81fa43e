/**
 * The data product card: what a domain promises about one dataset. Built from the observed data (suggested)
 * and edited by the user; exported as an ODCS contract (odcs-export.ts).
 */
import { DOMAIN_LABELS } from './roles';
import type { ColumnRole, DatasetColumn, DatasetFacts, DomainId } from './types';
import { isDateType, isNumericType } from './facts';
import { acceptedObjectives, candidateRules } from './candidate-rules';

export type LogicalType = 'string' | 'date' | 'timestamp' | 'time' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

export interface ProductColumn {
  name: string;
  meaning: string;
  logicalType: LogicalType;
  physicalType: string;
  required: boolean;
  unique: boolean;
  classification?: string;
  examples: string[];
}

/** One quality promise. `kind` decides how it is checked and how it maps to ODCS; `basis` says where it came from. */
export type QualityObjective = (
  | { id: string; kind: 'nullPercent'; column: string; max: number; title: string; observed: number }
  | { id: string; kind: 'duplicateRows'; columns: string[]; max: number; title: string; observed: number }
  | { id: string; kind: 'rowCount'; min: number; title: string; observed: number }
  | { id: string; kind: 'sql'; query: string; max: number; title: string; observed: number | null }
  | { id: string; kind: 'check'; checkId: string; title: string; observed: number | null }
) & { basis?: string };

export interface TeamMember {
  username: string;
  role: string;
  name?: string;
}

export interface DataProduct {
  id: string;
  name: string;
  version: string;
  status: 'draft' | 'proposed' | 'active' | 'deprecated' | 'retired';
  domain: DomainId | string;
  description: string;
  usage: string;
  limitations: string;
  owner: string;
  team: TeamMember[];
  /** ODCS schema object name (the table's logical name). */
  tableName: string;
  grain: string;
  grainColumns: string[];
  columns: ProductColumn[];
  objectives: QualityObjective[];
  /**
   * Freshness: frequency/latency are today's file's suggestion until the user accepts them (`accepted`); an
   * un-accepted promise is shown as a suggestion with its `basis` and never written into a contract.
   */
  freshness: {
    frequencyDays: number;
    latencyDays: number;
    coverageStart: string | null;
    coverageEnd: string | null;
    accepted: boolean;
    basis: string | null;
  };
  consumers: string[];
}

export function logicalTypeOf(duckType: string): LogicalType {
  const t = duckType.toUpperCase();
  if (/^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/.test(t)) return 'integer';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/.test(t)) return 'number';
  if (/^TIMESTAMP/.test(t)) return 'timestamp';
  if (/^DATE/.test(t)) return 'date';
  if (/^TIME/.test(t)) return 'time';
  if (/^BOOL/.test(t)) return 'boolean';
  if (/^STRUCT|^MAP/.test(t)) return 'object';
  if (/\[\]$|^LIST/.test(t)) return 'array';
  return 'string';
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase() || 'x'
  );
}

const MEANINGS: Record<ColumnRole, string> = {
  date: 'The day the numbers on this row belong to.',
  campaign: 'Name of the advertising campaign, as typed in the ad platform.',
  ad_group: 'Ad group or ad set inside the campaign.',
  channel: 'Marketing channel or network.',
  spend: 'Money spent on ads for this row.',
  impressions: 'Times an ad was shown.',
  clicks: 'Clicks on the ad.',
  reach: 'Distinct people who saw an ad (not additive across rows).',
  conversions: 'Conversions the ad platform attributes to itself, by its own rules.',
  revenue: 'Conversion value the platform attributes to itself.',
  currency: 'Currency of the money columns.',
  status: 'Status of the item at export time.',
  id: 'Identifier of the row or the object it describes.',
  email: 'E-mail address of a person (personal data).',
  stage: 'Pipeline stage of the opportunity.',
  amount: 'Money value of the deal.',
  source: 'Where the lead came from, as recorded by sales.',
  account: 'Customer account.',
  users: 'Number of distinct active users.',
};

export function meaningOf(c: DatasetColumn): string {
  if (c.role) return MEANINGS[c.role];
  if (isDateType(c.type)) return 'A date or time.';
  if (isNumericType(c.type)) return c.percent ? 'A percentage (written with % in the file).' : 'A number.';
  return 'Text.';
}

/** Round a rate up to a promise that today's data keeps, with a little headroom: 0 → 0, 0.3 → 1, 2.3 → 3. */
export function headroom(percent: number): number {
  if (percent <= 0) return 0;
  return Math.min(100, Math.ceil(percent));
}


export interface ProductAnswers {
  name?: string;
  owner?: string;
  domain?: DomainId | string;
  consumers?: string[];
  description?: string;
}

/** Suggest a product card from today's data: objectives that today's file meets, freshness from its dates. */
export function suggestProduct(facts: DatasetFacts, answers: ProductAnswers = {}): DataProduct {
  const domain = answers.domain ?? facts.domain;
  const base = facts.name.replace(/\.[^.]+$/, '');
  const what = domain === 'sales' ? 'opportunities' : domain === 'product' ? 'usage' : 'performance';
  const cadence = facts.dates?.stepDays === 1 ? 'daily ' : facts.dates?.stepDays === 7 ? 'weekly ' : '';
  const name = answers.name ?? (facts.platform ? `${facts.platform} ${cadence}${what}` : `${DOMAIN_LABELS[domain as DomainId] ?? 'Shared'} ${base}`);
  const columns: ProductColumn[] = facts.columns.map((c) => ({
    name: c.name,
    meaning: meaningOf(c),
    logicalType: logicalTypeOf(c.type),
    physicalType: c.type,
    required: c.nulls === 0 && facts.rows > 0,
    // Keys come from the natural key: a column is unique only when it alone identifies a row. A measure never is.
    unique: facts.grain.length === 1 && facts.grain[0] === c.name && facts.grainDuplicates === 0 && facts.rows > 1 && c.nulls === 0,
    // Personal data as the one classification reads it (facts.personal): restricted, and never quoted as an example.
    ...(c.personal ? { classification: 'restricted' } : {}),
    examples: c.personal ? [] : c.examples.slice(0, 2),
  }));

  const objectives = acceptedObjectives(candidateRules(facts));

  const d = facts.dates;
  const frequencyDays = d ? d.stepDays : 1;
  const owner = answers.owner ?? `${domain}-team`;
  return {
    id: slug(name || base),
    name,
    version: '1.0.0',
    status: 'draft',
    domain,
    description:
      answers.description ??
      `${facts.platform ?? 'Exported'} data from ${facts.name}: ${facts.rows} rows${d ? ` from ${d.start} to ${d.end}` : ''}.`,
    usage: 'Reporting and analysis by the consumers listed below.',
    limitations: limitationsOf(facts),
    owner,
    team: owner ? [{ username: owner, role: 'Owner' }] : [],
    tableName: slug(base),
    grain: facts.grain.length ? `One row per ${facts.grain.join(' × ')}` : 'Not determined',
    grainColumns: facts.grain,
    columns,
    objectives,
    freshness: {
      frequencyDays,
      latencyDays: frequencyDays,
      coverageStart: d?.start ?? null,
      coverageEnd: d?.end ?? null,
      accepted: false,
      basis: d ? freshnessBasis(d.stepDays, d.end) : null,
    },
    consumers: answers.consumers ?? [],
  };
}

/** Where a suggested freshness promise comes from, in words: "suggested from the file: daily rows; newest day 2026-01-14". */
export function freshnessBasis(stepDays: number, end: string): string {
  const step = stepDays === 1 ? 'daily' : stepDays === 7 ? 'weekly' : `every ${stepDays} days`;
  return `suggested from the file: ${step} rows; newest day ${end}`;
}

function limitationsOf(f: DatasetFacts): string {
  const parts: string[] = [];
  if (f.columns.some((c) => c.role === 'conversions')) parts.push('Conversions are counted by the platform’s own attribution rules.');
  if (f.dates && f.dates.missingDays > 0) parts.push(`${f.dates.missingDays} day(s) in the covered range have no rows.`);
  if (f.summaryRows > 0) parts.push(`${f.summaryRows} total row(s) were removed on import.`);
  return parts.join(' ') || 'None recorded.';
}
