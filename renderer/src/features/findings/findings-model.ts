/** Findings grouped the way the screen lists them: by dimension, then severity. */
import type { Dimension, Finding, Severity } from '../../../../shared/checks/types';
import { DIMENSIONS } from '../overview/overview-model';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export interface FindingGroup {
  dimension: Dimension;
  bySeverity: Array<{ severity: Severity; findings: Finding[] }>;
  count: number;
}

/** A stable id for a finding within one audit (a check can find several things). */
export function findingKey(f: Finding, index: number): string {
  return `${f.check}:${f.columns.join(',')}:${index}`;
}

export function groupFindings(
  findings: Finding[],
  severities: Set<Severity> = new Set(SEVERITY_ORDER),
): FindingGroup[] {
  return DIMENSIONS.map((dimension) => {
    const of = findings.filter((f) => f.dimension === dimension && severities.has(f.severity));
    const bySeverity = SEVERITY_ORDER.map((severity) => ({
      severity,
      findings: of.filter((f) => f.severity === severity).sort((a, b) => b.rows - a.rows),
    })).filter((g) => g.findings.length > 0);
    return { dimension, bySeverity, count: of.length };
  }).filter((g) => g.count > 0);
}
