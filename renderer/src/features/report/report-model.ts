/**
 * Everything a report shows, as plain values. `buildReportModel` (report-data.ts) fills it from the import
 * result, the profile and the audit; the HTML and Markdown renderers only read it.
 */
import type { HistogramBin, SeverityCounts, TimelinePoint, ValueCount } from '../../charts/types';
import type { ProductCardFact } from '../../../../shared/mesh/product-card-facts';

export type ReportSeverity = 'error' | 'warning' | 'info';

export interface ReportSampleRow {
  /** 1-based physical line in the original file. */
  line: number | null;
  values: Record<string, string | number | boolean | null>;
}

export interface ReportFinding {
  check: string;
  title: string;
  dimension: string;
  severity: ReportSeverity;
  /** Affected rows. */
  rows: number;
  columns: string[];
  message: string;
  explanation: string;
  owner: string;
  fix: string;
  sample: ReportSampleRow[];
}

export interface ReportColumn {
  name: string;
  type: string;
  role: string | null;
  nulls: number;
  distinct: number | null;
  pattern: string | null;
  histogram?: HistogramBin[];
  topValues?: ValueCount[];
  dateRange?: { min: string; max: string; days: number; coverage: number | null };
}

export interface ReportModel {
  title: string;
  generatedAt: string;
  file: {
    name: string;
    rows: number;
    columns: number;
    platform: string;
    platformConfidence: number | null;
    details: Array<[string, string]>;
  };
  /** Null when no score could be computed. */
  score: { value: number; explanation: string[] } | null;
  totals: { errors: number; warnings: number; infos: number };
  dimensions: SeverityCounts[];
  timeline?: { points: TimelinePoint[]; metricLabel?: string; bucket?: string };
  findings: ReportFinding[];
  columns: ReportColumn[];
  /** The dataset's data product as the user decided it (absent: nothing decided); empty fields are not named yet. */
  product?: ProductCardFact[];
}

/** Findings sorted as everywhere else: errors first, then by affected rows. */
export { sortFindings } from '../../../../shared/checks/order';
