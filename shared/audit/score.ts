/**
 * The 0-100 quality score of a dataset. Each finding takes points off:
 *   severity points (error 25, warning 8, info 1) × dimension weight × extent,
 * where extent grows from 0.5 (a handful of rows) to 1 (10% of rows or more). The score is 100 minus all
 * deductions (never below 0); each dimension also gets its own 0-100 sub-score from its deductions alone.
 */
import type { Dimension, Finding, Severity } from '../checks/types';

export const SEVERITY_POINTS: Record<Severity, number> = { error: 25, warning: 8, info: 1 };
export const DIMENSION_WEIGHTS: Record<Dimension, number> = {
  validity: 1,
  accuracy: 1,
  uniqueness: 1,
  consistency: 0.8,
  completeness: 0.8,
  timeliness: 0.6,
};

export interface Deduction {
  check: string;
  severity: Severity;
  dimension: Dimension;
  columns: string[];
  points: number;
}

export interface DatasetScore {
  file: string;
  score: number;
  dimensions: Record<Dimension, number>;
  deductions: Deduction[];
}

export const SCORING_EXPLANATION =
  'Score = 100 minus, for each finding, severity points (error 25, warning 8, info 1) × dimension weight ' +
  '(validity, accuracy, uniqueness 1; consistency, completeness 0.8; timeliness 0.6) × extent (0.5 for a few rows, ' +
  'rising to 1 when 10% or more of the rows are affected). Never below 0. Dimension scores use only their own findings.';

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreDataset(file: string, rows: number, findings: Finding[]): DatasetScore {
  const deductions: Deduction[] = findings
    .filter((f) => f.file === file)
    .map((f) => {
      const share = rows ? Math.min(1, f.rows / rows) : 1;
      const extent = 0.5 + 0.5 * Math.min(1, share * 10);
      return {
        check: f.check,
        severity: f.severity,
        dimension: f.dimension,
        columns: f.columns,
        points: round1(SEVERITY_POINTS[f.severity] * DIMENSION_WEIGHTS[f.dimension] * extent),
      };
    })
    .sort((a, b) => b.points - a.points);
  const dims = Object.keys(DIMENSION_WEIGHTS) as Dimension[];
  const dimensions = Object.fromEntries(
    dims.map((d) => [
      d,
      Math.max(
        0,
        Math.round(100 - deductions.filter((x) => x.dimension === d).reduce((a, x) => a + x.points, 0)),
      ),
    ]),
  ) as Record<Dimension, number>;
  const total = deductions.reduce((a, x) => a + x.points, 0);
  return { file, score: Math.max(0, Math.round(100 - total)), dimensions, deductions };
}
