/** Findings as the screen lists them: one list by severity, then extent; severity and dimension are filters. */
import { SEVERITY_ORDER, sortFindings } from '../../../../shared/checks/order';
import type { Dimension, Finding, Severity } from '../../../../shared/checks/types';
import { DIMENSIONS } from '../overview/overview-model';

export { SEVERITY_ORDER };

/** A stable id for a finding within one audit (a check can find several things). */
export function findingKey(f: Finding, index: number): string {
  return `${f.check}:${f.columns.join(',')}:${index}`;
}

export interface FindingFilter {
  severities: Set<Severity>;
  /** One dimension, or null for all. */
  dimension: Dimension | null;
}

/** The findings that pass the filter, in the one shared order (errors first, then most rows). */
export function visibleFindings(findings: Finding[], filter: FindingFilter): Finding[] {
  return sortFindings(
    findings.filter(
      (f) =>
        filter.severities.has(f.severity) && (filter.dimension === null || f.dimension === filter.dimension),
    ),
  );
}

/** The dimensions that have findings, in catalogue order, with their counts (for the filter). */
export function dimensionCounts(findings: Finding[]): Array<{ dimension: Dimension; count: number }> {
  return DIMENSIONS.map((dimension) => ({
    dimension,
    count: findings.filter((f) => f.dimension === dimension).length,
  })).filter((d) => d.count > 0);
}
