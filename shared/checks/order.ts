/** The one order findings are listed in everywhere (UI, CLI text/Markdown/JSON, HTML report): severity, then extent. */
import type { Severity } from './types';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Errors first, then warnings, then infos; within a severity the most affected rows first; then by check id. */
export function sortFindings<T extends { severity: Severity; rows: number; check: string }>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      b.rows - a.rows ||
      a.check.localeCompare(b.check),
  );
}
