/**
 * Import preview: the raw start of the file with preamble, header and summary rows marked; every decision
 * the importer made, each overridable (the table reloads at once); and the import log in plain words.
 */
import { useMemo } from 'react';
import { useDataset, setImportOptions, importDataset } from '../../store';
import type { ScreenProps } from '../registry';
import { EmptyState } from '../../components/EmptyState';
import { unpackedHead } from '../../../../shared/import/archive';
import { firstLines, markLines } from './raw-lines';
import { ImportOptionsForm } from './ImportOptionsForm';
import { ImportLog } from './ImportLog';
import './import.css';

const ROLE_LABEL = { preamble: 'skipped', header: 'header', summary: 'summary row', data: '', after: 'after table' } as const;

export function ImportScreen({ datasetId }: ScreenProps) {
  const dataset = useDataset(datasetId);
  const result = dataset?.result ?? null;
  const lines = useMemo(() => {
    if (!dataset || !result) return [];
    // A .gz or .zip: preview the start of the file inside, as the importer read it.
    const text = unpackedHead(dataset.file.bytes, result.options.entry) ?? dataset.file.bytes;
    return markLines(firstLines(text, result.encoding), result);
  }, [dataset, result]);

  if (!dataset) return <EmptyState title="No file open" />;
  if (!result) {
    return (
      <div className="screen">
        <h1>{dataset.name}</h1>
        {dataset.status === 'loading' && <p className="muted" data-testid="import-loading">Reading the file…</p>}
        {dataset.status === 'error' && (
          <div className="banner" data-kind="error" role="alert" data-testid="import-error">
            <p>
              {dataset.error} The file itself is untouched. Check that it is a CSV, TSV, Excel, Parquet or JSON export (or one of those in a .gz or .zip file), or
              change the options below and try again.
            </p>
          </div>
        )}
        {(dataset.status === 'cancelled' || dataset.status === 'error') && (
          <div className="row-gap">
            {dataset.status === 'cancelled' && <p>Loading was cancelled; nothing was kept.</p>}
            <button type="button" className="btn primary" onClick={() => void importDataset(dataset.id)} data-testid="import-retry">
              Load again
            </button>
          </div>
        )}
        {dataset.status !== 'loading' && (
          <ImportOptionsForm datasetId={dataset.id} options={dataset.options} result={null} busy={false} />
        )}
      </div>
    );
  }

  const dataLines = result.rows;
  return (
    <div className="screen import-screen">
      <div className="import-head">
        <h1>{dataset.name}</h1>
        <p className="muted" data-testid="import-summary">
          <strong data-testid="row-count">{dataLines.toLocaleString('en-US')}</strong> rows ·{' '}
          <span data-testid="column-count">{result.columns.length}</span> columns · {result.format.toUpperCase()}
          {result.skippedLines ? ` · ${result.skippedLines} line${result.skippedLines > 1 ? 's' : ''} skipped above the header` : ''}
          {result.summaryRows.length ? ` · ${result.summaryRows.length} summary row${result.summaryRows.length > 1 ? 's' : ''} removed` : ''}
          {dataset.status === 'loading' ? ' · reloading…' : ''}
        </p>
      </div>

      <ImportOptionsForm datasetId={dataset.id} options={dataset.options} result={result} busy={dataset.status === 'loading'} />

      {result.tables.length > 1 && (
        <div className="card">
          <h2>This file holds {result.tables.length} tables</h2>
          <div className="row-gap">
            {result.tables.map((t) => (
              <button
                key={t.index}
                type="button"
                className="btn"
                aria-pressed={t.headerLine === result.headerLine}
                onClick={() => void setImportOptions(dataset.id, { tableIndex: t.index, headerLine: undefined })}
              >
                Table {t.index + 1} (line {t.headerLine}): {t.preview.slice(0, 3).join(', ')}
              </button>
            ))}
          </div>
        </div>
      )}

      {lines.length > 0 && (
        <section className="card" aria-labelledby="raw-title">
          <h2 id="raw-title">Start of the file as read</h2>
          <div className="legend muted">
            <span className="swatch preamble" /> skipped above the header <span className="swatch header" /> header
            <span className="swatch summary" /> summary or description row (removed)
          </div>
          <div className="raw-lines" data-testid="raw-lines" tabIndex={0} aria-label="First lines of the file">
            {lines.map((l) => (
              <div key={l.line} className="raw-line" data-role={l.role} data-testid={`raw-line-${l.line}`}>
                <span className="ln">{l.line}</span>
                <span className="txt mono">{l.text.replace(/\t/g, ' ⇥ ') || ' '}</span>
                <span className="role">{ROLE_LABEL[l.role]}</span>
              </div>
            ))}
          </div>
        </section>
      )}

      <ImportLog result={result} />
    </div>
  );
}
