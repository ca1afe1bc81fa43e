/** The Data screen: the active dataset's table (or its original text) in the grid, with CSV export. */
import { useCallback, useMemo, useState } from 'react';
import { CancelledError } from '../../../../shared/engine/types';
import { useDataset, runJob, showBanner, errorMessage, labelFixesOf } from '../../store';
import { labelFixLog } from '../../../../shared/checks/label-fixes';
import type { ScreenProps } from '../registry';
import { EmptyState } from '../../components/EmptyState';
import { exportRows, originalTextTable } from '../../store/database';
import { getBridge } from '../../bridge';
import { DataGrid } from './DataGrid';
import type { GridQuery } from './grid-sql';
import { exportSelectSql } from './grid-export';
import { originalTextCopyName, originalTextSelect } from '../../../../shared/import/export';
import './grid.css';

export function GridScreen({ datasetId }: ScreenProps) {
  const dataset = useDataset(datasetId);
  // The original text's table once it was copied for paging (its name changes with every re-import).
  const [rawTable, setRawTable] = useState<string | null>(null);
  // The import whose original text the user asked to see: the box is ticked at once, while the text is read.
  const [wantRaw, setWantRaw] = useState<string | null>(null);
  const [view, setView] = useState<{ query: GridQuery; count: number | null } | null>(null);
  const onQueryChange = useCallback((query: GridQuery, count: number | null) => setView({ query, count }), []);
  const columns = dataset?.result?.columns;
  const percentColumns = useMemo(() => new Set((columns ?? []).filter((c) => c.percent).map((c) => c.name)), [columns]);

  if (!dataset) return <EmptyState title="No file open" />;
  const result = dataset.result;
  if (!result) {
    return (
      <EmptyState title={dataset.status === 'loading' ? 'Loading…' : 'Nothing loaded'} testId="grid-empty">
        <p>{dataset.status === 'error' ? dataset.error : 'The table appears here once the file is loaded.'}</p>
      </EmptyState>
    );
  }
  const wanted = wantRaw !== null && wantRaw === result.rawTableName;
  const rawReady = rawTable !== null && rawTable === originalTextCopyName(result.rawTableName);
  const showRaw = wanted && rawReady;
  const table = showRaw ? rawTable : result.tableName;

  // The original text is read from the file once, on first use, as a job with its own progress line.
  const toggleRaw = async (on: boolean) => {
    setWantRaw(on ? result.rawTableName : null);
    if (!on || rawReady) return;
    try {
      setRawTable(await runJob(`Reading the original text of ${dataset.name}`, dataset.id, () => originalTextTable(result)));
    } catch (e) {
      setWantRaw(null);
      if (!(e instanceof CancelledError)) showBanner('error', `The original text could not be read: ${errorMessage(e)}`);
    }
  };

  const exportAs = async (format: 'csv' | 'parquet') => {
    if (!view) return;
    try {
      // The cleaned export writes each label cluster's canonical spelling; the original text is left as it is.
      const fixes = showRaw ? [] : labelFixesOf(dataset.id);
      const bytes = await runJob(`Exporting ${dataset.name} as ${format.toUpperCase()}`, dataset.id, async () => {
        return exportRows(exportSelectSql(view.query, fixes), format);
      });
      const base = dataset.name.replace(/\.[^.]+$/, '');
      const mime = format === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet';
      await getBridge().saveFile(`${base}${showRaw ? '-original' : '-clean'}.${format}`, bytes, mime);
      const log = labelFixLog(fixes);
      if (log.length) showBanner('info', `Label spellings replaced in the export: ${log.join('; ')}.`);
    } catch (e) {
      if (!(e instanceof CancelledError)) showBanner('error', `The export failed: ${errorMessage(e)}`);
    }
  };

  // The cleaned structure (header, rows, summary rows removed) with every cell's original text, for handing a
  // repaired file to another tool without changing any value. The whole table: grid filters do not apply.
  const exportOriginalText = async () => {
    try {
      const bytes = await runJob(`Exporting ${dataset.name} with its original text`, dataset.id, () => exportRows(originalTextSelect(result), 'csv'));
      await getBridge().saveFile(`${dataset.name.replace(/\.(gz|zip)$/i, '').replace(/\.[^.]+$/, '')}-original-text.csv`, bytes, 'text/csv');
    } catch (e) {
      if (!(e instanceof CancelledError)) showBanner('error', `The export failed: ${errorMessage(e)}`);
    }
  };

  return (
    <div className="screen grid-screen">
      <div className="grid-toolbar">
        <h1>{dataset.name}</h1>
        <label className="toggle">
          <input type="checkbox" checked={wanted} onChange={(e) => void toggleRaw(e.target.checked)} data-testid="show-raw" />
          Show the original text
        </label>
        {wanted && !showRaw && (
          <span className="ml-muted" data-testid="raw-reading">
            Reading the original text…
          </span>
        )}
        <button type="button" className="btn" onClick={() => void exportAs('csv')} disabled={!view} data-testid="export-csv">
          Export as CSV
        </button>
        <button type="button" className="btn" onClick={() => void exportAs('parquet')} disabled={!view} data-testid="export-parquet">
          Export as Parquet
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void exportOriginalText()}
          title="The same rows and columns (summary rows removed), every cell exactly as the file wrote it: $74.69, 28/01/2018, 2.81%"
          data-testid="export-original-text"
        >
          Cleaned structure, original text
        </button>
      </div>
      <DataGrid
        key={table}
        table={table}
        revision={dataset.revision}
        percentColumns={showRaw ? undefined : percentColumns}
        onQueryChange={onQueryChange}
        label={`${dataset.name}: ${showRaw ? 'original text' : 'typed table'}`}
      />
    </div>
  );
}
