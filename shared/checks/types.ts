/**
 * Checks are data (STYLE.md rule 7). Each check is a declarative object: what it is called, which
 * quality dimension it belongs to, who should fix it, what it means for a marketer, how severe it is for
 * a given share of affected rows (thresholds configurable), and SQL builders that return the affected
 * rows with their `__line`. The runner counts and samples those rows; checks never run SQL themselves
 * except to look at data before building their targets (distinct labels, daily totals).
 */
import type { Engine, Row, Scalar } from '../engine/types';
import type { DecimalSeparator, ImportedColumn, SummaryRow } from '../import/types';
import type { TableProfile } from '../profile/types';
import type { Semantics } from '../semantics/describe';

export type Severity = 'error' | 'warning' | 'info';
export type Dimension =
  'completeness' | 'uniqueness' | 'validity' | 'consistency' | 'timeliness' | 'accuracy';
/** Who should own the fix, in the words of a marketing organisation. */
export type Owner = 'ads' | 'analytics' | 'crm' | 'data' | 'governance';

export const OWNER_LABELS: Record<Owner, string> = {
  ads: 'Paid media team (ad platform settings)',
  analytics: 'Web analytics team (tagging and GA setup)',
  crm: 'CRM / marketing operations',
  data: 'Data team (export and pipeline)',
  governance: 'Data protection / governance',
};

/** A check parameter value; configurable in YAML. */
export type Param = number | string | boolean | string[];
export type Params = Record<string, Param>;

export interface Dataset {
  /** Display name (the file name). */
  file: string;
  tableName: string;
  /** All-VARCHAR twin with the original text, same `__line`; absent for tables built by hand. */
  rawTableName?: string;
  rows: number;
  semantics: Semantics;
  profile: TableProfile;
  /** Range stated in the file's own title rows (ISO dates). */
  statedRange?: { start: string; end: string };
  /** The day the file says it was exported, when it says so (ISO). */
  exportedOn?: string;
  /** Summary rows the importer took out of the table ("Total: Campaigns", "Grand total"), as text. */
  summaryRows?: SummaryRow[];
  /** Exports joined together: the first line of each part after the first (a summary row totals its part). */
  joinedAt?: number[];
  /** The decimal separator the file's numbers use (to read the summary rows' text). */
  decimalSeparator?: DecimalSeparator;
  /** The importer's per-column facts about the original text (decimals shown, currency marks), by column. */
  importedColumns?: ImportedColumn[];
}

export interface CheckContext {
  engine: Engine;
  dataset: Dataset;
  params: Params;
  /** ISO date used for "today" (future dates, stale data). */
  referenceDate: string;
  /** Naming convention for UTM values. */
  naming: NamingConvention;
  /**
   * Facts several checks of one run read from the table (the row hashes two rows share), each computed once
   * per run; absent when a check's targets are built on their own (affected rows, check export).
   */
  shared?: Map<string, Promise<unknown>>;
}

export interface NamingConvention {
  lowercase: boolean;
  allowSpaces: boolean;
  allowedMediums: string[];
  /** Optional regex every campaign value must fully match. */
  campaignPattern?: string;
  /** Optional regex every source value must fully match. */
  sourcePattern?: string;
}

/**
 * One thing a check found to look at: a set of affected rows.
 * - `where`: a predicate over the typed table (alias `t`); counted with every other predicate in one scan.
 * - `sql`: a full SELECT returning the affected rows; it must have a `__line` column.
 */
export interface CheckTarget {
  columns: string[];
  where?: string;
  sql?: string;
  /** Columns shown in the sample (default: `columns`); `where` targets select them from `t`. */
  show?: string[];
  /** Count to report instead of the number of affected rows (e.g. missing days for date gaps). */
  count?: number;
  /**
   * The `sql`'s rows carry how many rows it returns in an `__affected` column (the same on every row), counted
   * where that is cheaper than counting the rows (over groups): the runner reads it instead of counting.
   */
  counted?: boolean;
  /**
   * The `sql`'s first rows by line (SAMPLE_SIZE + 1 of them), read in the statement that counted them (`count`):
   * the runner samples from them instead of reading `sql` again, unless two of them share a line.
   */
  firstRows?: Row[];
  /** Extra facts for the message and the report (groups of labels, expected values…). */
  details?: Record<string, unknown>;
  /** Builds the message once the count is known. */
  message: (affected: number, total: number) => string;
  /** Severity for this target; default: the check's `severity`. Null: stay quiet. */
  severity?: (affected: number, total: number, params: Params) => Severity | null;
  /**
   * Reads what the finding's words need beyond the count (an example row) and returns the message and
   * details to use instead. The runner calls it only once the target is a finding, so a clean file does
   * not pay for it.
   */
  describe?: () => Promise<Pick<CheckTarget, 'message' | 'details'>>;
}

export interface CheckDefinition {
  id: string;
  title: string;
  dimension: Dimension;
  owner: Owner;
  /** Why it matters and what it does to the numbers, for a marketer. */
  explanation: string;
  fix: string;
  /** Default thresholds and options; YAML config overrides them by name. */
  defaults: Params;
  /** Severity for `affected` of `total` rows given the thresholds; null means no finding. */
  severity: (affected: number, total: number, params: Params) => Severity | null;
  targets: (ctx: CheckContext) => Promise<CheckTarget[]> | CheckTarget[];
}

export interface SampleRow {
  /** 1-based physical line in the original file. */
  line: number;
  values: Record<string, Scalar>;
}

export interface Finding {
  check: string;
  title: string;
  severity: Severity;
  dimension: Dimension;
  file: string;
  columns: string[];
  /** Affected rows (or, for date gaps, missing days). */
  rows: number;
  message: string;
  /** Up to 20 affected rows with their line in the original file. */
  sample: SampleRow[];
  fix: string;
  owner: Owner;
  explanation: string;
  details?: Record<string, unknown>;
}

export interface CheckConfig {
  /** Check id → false to turn it off, or parameter overrides (including `severity` to force one). */
  checks?: Record<string, false | Params>;
  referenceDate?: string;
  naming?: Partial<NamingConvention>;
}

export type { Row };
