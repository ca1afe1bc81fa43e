import { useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../../../shared/checks/types';
import { connection } from '../../store/database';
import { errorMessage, useDataset } from '../../store';
import { analysisConfig, auditStateOf, checkDataset, profileStateOf } from '../../store/analysis-slice';
import { DataGrid } from '../grid/DataGrid';
import type { GridHighlight } from '../grid/DataGrid';
import { affectedLines, affectedRows, findingViewSql } from './affected-rows';
import { quoteIdent } from '../../../../shared/engine/sql';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; where: string; sampleOnly: boolean; lines: number[]; view: string };

let viewCounter = 0;

/** The finding's affected rows in the data grid, its offending cells highlighted. */
export function FindingRows({ datasetId, finding }: { datasetId: string; finding: Finding }) {
  const dataset = useDataset(datasetId);
  const profile = profileStateOf(dataset);
  const audit = auditStateOf(dataset);
  const [state, setState] = useState<State>({ status: 'loading' });
  const result = dataset?.result;
  const table = result?.tableName;

  useEffect(() => {
    if (!result || !profile?.profile || !profile.semantics || !audit) return;
    let live = true;
    setState({ status: 'loading' });
    let view: string | null = null;
    const ds = checkDataset(result, profile.profile, profile.semantics, dataset.name);
    (async () => {
      const engine = await connection('grid');
      const rows = await affectedRows(engine, ds, finding, analysisConfig.current, audit.referenceDate);
      const lines = await affectedLines(engine, result.tableName, rows.where);
      // A view with the offending columns right after the line number, so they are seen first.
      const name = `__finding_rows_${++viewCounter}`;
      await engine.exec(
        findingViewSql(
          name,
          result.tableName,
          result.columns.map((c) => c.name),
          finding.columns,
        ),
      );
      view = name;
      if (live) setState({ status: 'ready', ...rows, lines, view: name });
      else await engine.exec(`DROP VIEW IF EXISTS ${quoteIdent(name)}`);
    })().catch((e: unknown) => live && setState({ status: 'error', message: errorMessage(e) }));
    return () => {
      live = false;
      if (view) {
        const name = view;
        void connection('grid')
          .then((e) => e.exec(`DROP VIEW IF EXISTS ${quoteIdent(name)}`))
          .catch(() => undefined);
      }
    };
    // The finding object identifies the run; dataset/profile objects change with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finding, result]);

  const highlight = useMemo<GridHighlight | undefined>(
    () => (state.status === 'ready' ? { lines: state.lines, columns: finding.columns } : undefined),
    [state, finding.columns],
  );

  // Bring the first offending cell into view: the finding's columns may sit far right in a wide export.
  const wrapper = useRef<HTMLDivElement>(null);
  const ready = state.status === 'ready';
  useEffect(() => {
    const root = wrapper.current;
    if (!ready || !root || !finding.columns.length) return;
    const reveal = (): boolean => {
      const cells = [...root.querySelectorAll<HTMLElement>('[data-testid="vt-cell-highlight"]')];
      const scroller = root.querySelector<HTMLElement>('.vtable');
      if (!cells.length || !scroller) return false;
      // Scroll only as far as needed to show the offending cells, so the line numbers stay in view when they can.
      const box = scroller.getBoundingClientRect();
      const right = Math.max(...cells.map((c) => c.getBoundingClientRect().right));
      const left = Math.min(...cells.map((c) => c.getBoundingClientRect().left));
      const overflow = right - (box.left + scroller.clientWidth) + 16;
      if (overflow > 0) scroller.scrollLeft += Math.min(overflow, left - box.left - 8);
      return true;
    };
    if (reveal()) return;
    const observer = new MutationObserver(() => reveal() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ready, finding.columns]);

  if (!table) return null;
  if (state.status === 'loading')
    return (
      <p className="ml-muted" data-testid="finding-rows-loading">
        Finding the affected rows…
      </p>
    );
  if (state.status === 'error')
    return (
      <p className="error-text" role="alert">
        Could not list the affected rows: {state.message}
      </p>
    );
  return (
    <div
      ref={wrapper}
      className="ml-finding-rows"
      data-testid="finding-rows"
      data-lines={state.lines.slice(0, 50).join(',')}
      style={{ height: Math.min(460, Math.max(170, 96 + state.lines.length * 29)) }}
    >
      {state.sampleOnly && (
        <p className="ml-muted">
          Showing the sample of affected rows the check kept ({finding.sample.length}).
        </p>
      )}
      <DataGrid
        table={state.view}
        revision={dataset?.revision}
        where={state.where}
        highlight={highlight}
        label={`Rows affected by ${finding.title}`}
        countNoun={['row that fails', 'rows that fail']}
      />
    </div>
  );
}
