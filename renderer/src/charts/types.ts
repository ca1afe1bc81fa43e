/** Plain data the charts draw. Features map their domain values (profiles, findings) into these. */

/** One bar of a histogram of a numeric column: values in [lo, hi). */
export interface HistogramBin {
  lo: number;
  hi: number;
  count: number;
}

/** One bar of a top-values chart of a text column. */
export interface ValueCount {
  value: string;
  count: number;
}

/**
 * One day of a timeline (or the first day of a week or month): rows then and, when the data has one, a key
 * metric (spend, sessions…).
 */
export interface TimelinePoint {
  day: string;
  rows: number;
  metric?: number | null;
  /** Days of data summed into a week or month point (a first or last week can be partial); absent for a day. */
  days?: number;
}

/** Findings of one dimension split by severity. */
export interface SeverityCounts {
  dimension: string;
  error: number;
  warning: number;
  info: number;
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type ChartSeverity = (typeof SEVERITIES)[number];
