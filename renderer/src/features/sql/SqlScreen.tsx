/** SQL console for analysts: editor (Ctrl+Enter runs), history, results grid, clear errors, CSV export. */
import { useMemo, useState } from 'react';
import { CancelledError } from '../../../../shared/engine/types';
import type { QueryResult } from '../../../../shared/engine/types';
import { quoteIdent } from '../../../../shared/engine/sql';
import { connection } from '../../store/database';
import { getBridge } from '../../bridge';
import { useStore, showBanner, errorMessage } from '../../store';
import type { ScreenProps } from '../registry';
import { VirtualTable } from '../../components/VirtualTable';
import { SHOW_LIMIT, cappedSql, isReadQuery, loadHistory, pushHistory, stripTrailingSemicolons } from './sql-console';
import './sql.css';

const CONNECTION = 'sql';

interface Outcome {
  sql: string;
  result: QueryResult | null;
  error: string | null;
  ms: number;
}

export function SqlScreen({ datasetId }: ScreenProps) {
  const datasets = useStore((s) => s.datasets);
  const tables = useMemo(
    () => datasets.filter((d) => d.result).map((d) => ({ id: d.id, name: d.name, table: d.result!.tableName, raw: d.result!.rawTableName })),
    [datasets],
  );
  const active = tables.find((t) => t.id === datasetId) ?? tables[0];
  const [sql, setSql] = useState(() => (active ? `SELECT * FROM ${quoteIdent(active.table)} LIMIT 100` : 'SELECT 42 AS answer'));
  const [history, setHistory] = useState(loadHistory);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    const text = sql.trim();
    if (!text || running) return;
    setRunning(true);
    setHistory((h) => pushHistory(h, text));
    const t0 = performance.now();
    try {
      const engine = await connection(CONNECTION);
      const result = await engine.query(cappedSql(text));
      setOutcome({ sql: text, result, error: null, ms: performance.now() - t0 });
    } catch (e) {
      const message = e instanceof CancelledError ? 'The query was cancelled.' : errorMessage(e);
      setOutcome({ sql: text, result: null, error: message, ms: performance.now() - t0 });
    } finally {
      setRunning(false);
    }
  };

  const cancel = () => void connection(CONNECTION).then((e) => e.cancel());

  const exportCsv = async () => {
    if (!outcome?.result || !isReadQuery(outcome.sql)) return;
    try {
      const bytes = await (await connection(CONNECTION)).copyToBytes(stripTrailingSemicolons(outcome.sql), 'csv', 'HEADER true');
      await getBridge().saveFile('query-result.csv', bytes, 'text/csv');
    } catch (e) {
      showBanner('error', `The export failed: ${errorMessage(e)}`);
    }
  };

  const rows = outcome?.result?.rows;
  const capped = (rows?.length ?? 0) > SHOW_LIMIT;
  const shown = useMemo(() => (rows ? rows.slice(0, SHOW_LIMIT) : []), [rows]);

  return (
    <div className="screen sql-screen">
      <h1>SQL console</h1>
      <div className="sql-layout">
        <div className="sql-editor">
          <label className="field" htmlFor="sql-editor">
            DuckDB SQL (Ctrl+Enter runs)
          </label>
          <textarea
            id="sql-editor"
            className="mono"
            value={sql}
            spellCheck={false}
            rows={7}
            onChange={(e) => setSql(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void run();
              }
            }}
            data-testid="sql-editor"
          />
          <div className="row-gap">
            <button type="button" className="btn primary" onClick={() => void run()} disabled={running} data-testid="sql-run">
              {running ? 'Running…' : 'Run'}
            </button>
            {running && (
              <button type="button" className="btn" onClick={cancel} data-testid="sql-cancel">
                Cancel
              </button>
            )}
            <button
              type="button"
              className="btn"
              onClick={() => void exportCsv()}
              disabled={!outcome?.result || !isReadQuery(outcome.sql)}
              data-testid="sql-export"
            >
              Export result as CSV
            </button>
          </div>
        </div>
        <aside className="sql-side">
          <h2>Tables</h2>
          {tables.length ? (
            <ul className="plain-list">
              {tables.map((t) => (
                <li key={t.id}>
                  <button type="button" className="btn ghost small mono" onClick={() => setSql(`SELECT * FROM ${quoteIdent(t.table)} LIMIT 100`)} title={t.name}>
                    {t.table}
                  </button>
                  <button type="button" className="btn ghost small mono muted" onClick={() => setSql(`SELECT * FROM ${quoteIdent(t.raw)} LIMIT 100`)} title={`${t.name}, original text`}>
                    {t.raw}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Open a file to query it.</p>
          )}
          <h2>History</h2>
          {history.length ? (
            <ul className="plain-list history" data-testid="sql-history">
              {history.map((h) => (
                <li key={h}>
                  <button type="button" className="btn ghost small mono" onClick={() => setSql(h)} title={h}>
                    {h.length > 70 ? h.slice(0, 70) + '…' : h}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Queries you run appear here.</p>
          )}
        </aside>
      </div>
      {outcome?.error && (
        <div className="banner" data-kind="error" role="alert" data-testid="sql-error">
          <p>
            <strong>DuckDB could not run this query.</strong> {outcome.error}
          </p>
        </div>
      )}
      {outcome?.result && (
        <section className="sql-results" aria-label="Query result">
          <p className="muted" data-testid="sql-row-count" data-count={shown.length}>
            {capped ? `First ${SHOW_LIMIT.toLocaleString('en-US')} rows shown (export gets them all)` : `${shown.length.toLocaleString('en-US')} row${shown.length === 1 ? '' : 's'}`} ·{' '}
            {Math.round(outcome.ms)} ms
          </p>
          <VirtualTable columns={outcome.result.columns} rowCount={shown.length} getRow={(i) => shown[i]} label="Query result" testId="sql-result" />
        </section>
      )}
    </div>
  );
}
