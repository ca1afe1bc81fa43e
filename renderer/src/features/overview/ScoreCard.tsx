/** The 0-100 quality score and, on request, how it was computed. */
export interface ScoreView {
  value: number;
  /** One line per deduction or rule, in plain words. */
  explanation: string[];
}

export function scoreClass(value: number): string {
  return value >= 85 ? 'ml-score-good' : value >= 60 ? 'ml-score-fair' : 'ml-score-poor';
}

export function ScoreCard({ score, running }: { score: ScoreView | null; running: boolean }) {
  return (
    <section className="ml-card ml-stat" aria-label="Quality score" data-testid="overview-score-card">
      <span className="ml-muted">Quality score</span>
      {score ? (
        <>
          <span className={`ml-score ${scoreClass(score.value)}`} data-testid="overview-score">
            {score.value}
            <span className="ml-muted" style={{ fontSize: 14, fontWeight: 400 }}>
              {' '}
              / 100
            </span>
          </span>
          {score.explanation.length > 0 && (
            <details data-testid="overview-score-explanation">
              <summary style={{ fontSize: 13, cursor: 'pointer' }}>How it was computed</summary>
              <ul className="ml-list">
                {score.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <span className="ml-stat-value ml-muted">{running ? 'auditing…' : 'n/a'}</span>
      )}
    </section>
  );
}
