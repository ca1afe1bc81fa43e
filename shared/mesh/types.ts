/**
 * The facts the mesh layer reads about a loaded dataset. Everything here is plain data computed once from
 * the engine (see facts.ts), so walkthroughs, product cards, policies and workshops are pure functions of it
 * and can run anywhere: renderer, CLI, tests.
 */
import type { PolicyPack } from './policy-pack';
import type { ProductDecisions } from './product-state';
import type { AttributionRuns } from '../reconcile/run';
import type { PersonalDataCategory } from '../checks/personal-data';

/** What a column means to a marketer. Matches the vocabulary of shared/semantics where it overlaps. */
export type ColumnRole =
  | 'date'
  | 'campaign'
  | 'ad_group'
  | 'channel'
  | 'spend'
  | 'impressions'
  | 'clicks'
  | 'reach'
  | 'conversions'
  | 'revenue'
  | 'currency'
  | 'status'
  | 'id'
  | 'email'
  | 'stage'
  | 'amount'
  | 'source'
  | 'account'
  | 'users';

export type DomainId = 'marketing' | 'sales' | 'product' | 'data-platform';

export interface DatasetColumn {
  name: string;
  /** DuckDB type in the typed table. */
  type: string;
  role: ColumnRole | null;
  nulls: number;
  distinct: number;
  /** True when the values were percents in the file. */
  percent: boolean;
  currency?: string;
  /** Up to a few sample values as text. */
  examples: string[];
  /** The personal data the column holds, as personalDataClassification reads it (shared/checks/personal-data.ts); null: none. */
  personal: PersonalDataCategory | null;
  /** Sum of the column for numeric columns, null otherwise. */
  sum: number | null;
  min: number | null;
}

/** A finding as the mesh layer needs it; produced by shared/checks (or the contract runner). */
export interface MeshFinding {
  checkId: string;
  /** Unique within a dataset when one check reports several columns (defaults to checkId). */
  key?: string;
  title: string;
  severity: 'error' | 'warning' | 'info';
  /** Rows affected. */
  count: number;
  column?: string;
  /** Who should fix it, in the check catalogue's words (e.g. 'marketing', 'platform', 'analytics'). */
  owner?: string;
  dimension?: string;
}

export interface DateCoverage {
  column: string;
  start: string;
  end: string;
  /** Calendar days from start to end, inclusive. */
  days: number;
  /** Distinct dates present. */
  distinctDates: number;
  /** Calendar days in the range with no row at all. */
  missingDays: number;
  /** Typical step between consecutive dates, in days (1 = daily, 7 = weekly, ~30 = monthly). */
  stepDays: number;
}

export interface DatasetFacts {
  /** File name as the user knows it. */
  name: string;
  tableName: string;
  rows: number;
  columns: DatasetColumn[];
  /** Platform the export came from, e.g. 'Google Ads', 'Meta', 'CRM', or null when unknown. */
  platform: string | null;
  /** Domain that most likely produced it. */
  domain: DomainId;
  dates: DateCoverage | null;
  /** Columns that together identify one row (e.g. date + campaign), best guess. */
  grain: string[];
  /** Rows that share the same grain values with another row. */
  grainDuplicates: number;
  findings: MeshFinding[];
  /** Quality score 0..100 from the checks, null when no checks ran. */
  score: number | null;
  summaryRows: number;
  skippedLines: number;
  /** Distinct labels of label-like columns (campaign, channel, stage, source, status), at most 200 each. */
  labels: Record<string, string[]>;
  /** For CRM-like data: won deals by lead source (source label → count), when a stage and a source exist. */
  wonBySource: Record<string, number> | null;
  /** For CRM-like data: total won deals, null when there is no stage column. */
  wonTotal: number | null;
  /** Rows where clicks exceed impressions (funnel inversions), null when either is missing. */
  funnelInversions: number | null;
}

export const findingKey = (f: MeshFinding): string => f.key ?? f.checkId;

/**
 * The walkthroughs see every loaded dataset; `active` is the one the user is looking at, and `product`
 * is its data product as the user decided it so far (shared/mesh/product-state.ts; absent = nothing decided).
 */
export interface MeshContext {
  active: DatasetFacts;
  datasets: DatasetFacts[];
  /** The organisation's policy pack (the workspace's, or the example pack); absent: no pack loaded. */
  policyPack?: PolicyPack;
  product?: ProductDecisions;
  /** The open datasets reconciled (shared/reconcile), one run per possible source of truth; absent until computed. */
  attribution?: AttributionRuns;
}
