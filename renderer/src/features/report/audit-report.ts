/**
 * The app's audit of one dataset as shared/audit's AuditReport, so the Markdown the app saves is the very
 * Markdown `meshlens audit --markdown` prints for the same file (one renderer, shared/audit/render.ts).
 */
import type { AuditReport } from '../../../../shared/audit/audit';
import { SCORING_EXPLANATION } from '../../../../shared/audit/score';
import { CATALOGUE } from '../../../../shared/checks/catalogue';
import type { Finding } from '../../../../shared/checks/types';
import { inspectObject } from '../../../../shared/import/inspect-object';
import type { ImportResult } from '../../../../shared/import/types';
import type { Semantics } from '../../../../shared/semantics/describe';
import { productCardFacts } from '../../../../shared/mesh/product-card-facts';
import type { ProductDecisions } from '../../../../shared/mesh/product-state';
import type { AuditState } from '../../store/analysis-slice';

const count = (fs: Finding[], s: Finding['severity']) => fs.filter((f) => f.severity === s).length;

export function buildAuditReport(
  name: string,
  result: ImportResult,
  semantics: Semantics,
  audit: AuditState,
  /** The dataset's data product from the store (the object the product card edits). */
  product?: ProductDecisions,
): AuditReport {
  if (!audit.score) throw new Error('The audit has no score yet.');
  const { findings } = audit;
  return {
    files: [inspectObject(result)],
    findings,
    summary: {
      errors: count(findings, 'error'),
      warnings: count(findings, 'warning'),
      infos: count(findings, 'info'),
      score: audit.score.score,
      scoring: SCORING_EXPLANATION,
      referenceDate: audit.referenceDate,
      datasets: [
        {
          ...audit.score,
          rows: result.rows,
          platform: semantics.platform.platform,
          platformLabel: semantics.platform.label,
          platformConfidence: semantics.platform.confidence,
          platformEvidence: semantics.platform.because,
          roles: Object.fromEntries(
            semantics.columns.filter((c) => c.role !== 'unknown').map((c) => [c.name, c.role]),
          ),
          naturalKey: semantics.naturalKey,
          errors: count(findings, 'error'),
          warnings: count(findings, 'warning'),
          infos: count(findings, 'info'),
          ...(product ? { product: productCardFacts(product) } : {}),
        },
      ],
      skipped: audit.checkErrors.map((e) => ({
        file: name,
        check: e.check,
        reason: e.message.split('\n')[0] ?? e.message,
      })),
    },
    checks: CATALOGUE.map(({ id, title, dimension, owner }) => ({ id, title, dimension, owner })),
  };
}
