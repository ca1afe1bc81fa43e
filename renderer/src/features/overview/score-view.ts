/** The score the Overview and the report show, explained in plain lines, from the audit state. */
import { SCORING_EXPLANATION } from '../../../../shared/audit/score';
import type { AuditState } from '../../store/analysis-slice';
import type { ScoreView } from './ScoreCard';

const MAX_LINES = 8;

export function scoreView(a: AuditState | null): ScoreView | null {
  if (a?.status !== 'done' || !a.score) return null;
  const s = a.score;
  const titles = new Map(a.findings.map((f) => [f.check, f.title]));
  const lines: string[] = [];
  if (!s.deductions.length) lines.push('No finding took points off: 100 out of 100.');
  for (const d of s.deductions.slice(0, MAX_LINES)) {
    const cols = d.columns.length ? `; ${d.columns.slice(0, 3).join(', ')}` : '';
    lines.push(
      `−${d.points} points: ${titles.get(d.check) ?? d.check} (${d.severity}, ${d.dimension}${cols})`,
    );
  }
  if (s.deductions.length > MAX_LINES) {
    const rest = s.deductions.slice(MAX_LINES).reduce((sum, d) => sum + d.points, 0);
    lines.push(
      `−${Math.round(rest * 10) / 10} points from ${s.deductions.length - MAX_LINES} smaller findings`,
    );
  }
  lines.push(
    'By dimension: ' +
      Object.entries(s.dimensions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
  );
  lines.push(SCORING_EXPLANATION);
  return { value: s.score, explanation: lines };
}
