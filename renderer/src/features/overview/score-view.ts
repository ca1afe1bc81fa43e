/** The score the Overview and the report show, from the audit state. */
import type { AuditState } from '../../store/analysis-slice';
import type { ScoreView } from './ScoreCard';

export function scoreView(a: AuditState | null): ScoreView | null {
  return a?.status === 'done' && a.score ? a.score : null;
}
