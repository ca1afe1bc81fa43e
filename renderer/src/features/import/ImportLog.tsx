/** The import log in plain words: what was decided, what was changed, what to look at. */
import type { ImportResult } from '../../../../shared/import/types';

const LEVEL_LABEL = { info: 'Decided', change: 'Changed', warning: 'Check' } as const;

export function ImportLog({ result }: { result: ImportResult }) {
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Import log</h2>
      {result.warnings.length > 0 && (
        <ul className="log warnings">
          {result.warnings.map((w, i) => (
            <li key={i} data-level="warning">
              <span className="lvl">Warning</span> {w}
            </li>
          ))}
        </ul>
      )}
      <ul className="log" data-testid="import-log">
        {result.log.map((entry, i) => (
          <li key={i} data-level={entry.level}>
            <span className="lvl">{LEVEL_LABEL[entry.level]}</span> {entry.message}
            {entry.lines && entry.lines.length > 0 && (
              <span className="muted"> (line{entry.lines.length > 1 ? 's' : ''} {entry.lines.slice(0, 8).join(', ')}{entry.lines.length > 8 ? ', …' : ''})</span>
            )}
          </li>
        ))}
      </ul>
      {result.summaryRows.length > 0 && (
        <>
          <h2>Summary rows removed</h2>
          <ul className="log" data-testid="summary-rows">
            {result.summaryRows.map((s) => (
              <li key={s.line} data-level="change">
                <span className="lvl">Line {s.line}</span> {s.label}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
