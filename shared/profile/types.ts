import type { Scalar } from '../engine/types';
import type { ValuePattern } from '../semantics/roles';

export interface TopValue {
  value: string;
  count: number;
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  start: number;
  /** Exclusive upper edge (inclusive for the last bin). */
  end: number;
  count: number;
}

export interface ColumnProfile {
  name: string;
  /** DuckDB type of the typed table. */
  type: string;
  kind: 'number' | 'date' | 'text' | 'boolean' | 'other';
  /** Rows in the table. */
  rows: number;
  /** Non-NULL values. */
  count: number;
  /** NULL cells: empty cells and placeholders such as `--` that the importer read as empty. */
  nulls: number;
  /** Of those NULLs, how many were placeholders in the original file (from the import), when known. */
  placeholders: number;
  nullShare: number;
  distinct: number;
  /** True when `distinct` is an approximation (HyperLogLog on big tables). */
  distinctApprox: boolean;
  min: Scalar;
  max: Scalar;
  mean?: number;
  median?: number;
  q1?: number;
  q3?: number;
  /** True when median and quartiles are estimates (`approx_quantile`, very large tables); else exact. */
  quantilesApprox?: boolean;
  stddev?: number;
  /** Dates: distinct days present / days between min and max inclusive. */
  dayCoverage?: number;
  distinctDays?: number;
  spanDays?: number;
  topValues: TopValue[];
  length?: { min: number; max: number; mean: number };
  /** The pattern most non-NULL text values follow (at least half of them), or null. */
  pattern: ValuePattern | null;
  /** Share of non-NULL values that follow `pattern`. */
  patternShare: number;
  /** Values matching each detected pattern (estimated from a sample when `patternsSampled`). */
  patternCounts: Partial<Record<ValuePattern, number>>;
  patternsSampled?: boolean;
  histogram?: HistogramBin[];
}

export interface DailyPoint {
  date: string;
  rows: number;
  /** Sums of key metrics by column name. */
  metrics: Record<string, number | null>;
}

export interface TableProfile {
  table: string;
  rows: number;
  columns: ColumnProfile[];
  /** Rows and key metrics per day of the main date column, when the table has one. */
  daily?: { column: string; metrics: string[]; points: DailyPoint[] };
  /** Milliseconds spent, for the benchmark and the UI. */
  elapsedMs: number;
}

export interface ProfileColumnInput {
  name: string;
  type: string;
  /** Placeholders counted by the importer, if known. */
  placeholders?: number;
}

export interface ProfileOptions {
  /** Top values kept per column (default 10). */
  topK?: number;
  /** Histogram bins for numbers (default 20). */
  bins?: number;
  /** Date column for the daily series; default: the first DATE column. */
  dateColumn?: string;
  /** Number columns summed per day; default: columns whose header names a key metric. */
  dailyMetrics?: string[];
  /** Set false to skip the daily series (the caller computes it once roles are known). */
  daily?: boolean;
  /** Above this many rows, patterns are detected on a sample of about `patternSampleRows` rows (default 100 000). */
  patternSampleLimit?: number;
  /** Rows in the pattern sample of a big table (default 50 000). */
  patternSampleRows?: number;
  /** Above this many rows, median and quartiles are approximate (default 2 000 000). */
  exactQuantileLimit?: number;
  /** Above this many rows, distinct counts are approximate (default 200 000). */
  exactDistinctLimit?: number;
}
