/**
 * The data grid over a DuckDB table: virtualised, sorted and filtered in DuckDB, fetched page by page.
 * `highlight` marks a finding's affected rows (by original file line) and offending cells;
 * `where` narrows the rows with a SQL condition built by our own code (e.g. `"__line" IN (3, 9)`).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnInfo, Engine, Row } from '../../../../shared/engine/types';
import { quoteIdent, LINE_COLUMN, isInternalColumn } from '../../../../shared/engine/sql';
import { connection as openConnection } from '../../store/database';
import { VirtualTable } from '../../components/VirtualTable';
import { nextSort } from './grid-sql';
import type { GridQuery, GridSort } from './grid-sql';
import { usePagedRows } from './use-paged-rows';
import { plural } from '../../../../shared/text/plural';

export interface GridHighlight {
  /** Original physical lines (`__line`) of the rows to mark. */
  lines: number[];
  /** Columns whose cells in those rows are the offending ones (empty: mark the whole row). */
  columns: string[];
}

export interface DataGridProps {
  table: string;
  /** Changes when the table is reloaded under the same name. */
  revision?: number;
  where?: string;
  highlight?: GridHighlight;
  /** Sort/filter/count changes, e.g. to export exactly what is shown. */
  onQueryChange?: (query: GridQuery, count: number | null) => void;
  label?: string;
  /** Columns the importer read as percents: shown with a % sign. */
  percentColumns?: ReadonlySet<string>;
  /** Connection name: grids share one so they never queue behind an import or an audit. */
  connection?: string;
  /** What the counted rows are, singular and plural (default "row matches" / "rows match" when filtered). */
  countNoun?: [string, string];
}

export function useEngine(connection: string): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    let live = true;
    void openConnection(connection).then((e) => live && setEngine(e));
    return () => {
      live = false;
    };
  }, [connection]);
  return engine;
}

export function DataGrid({ table, revision = 0, where, highlight, onQueryChange, label, percentColumns, connection = 'grid', countNoun }: DataGridProps) {
  const engine = useEngine(connection);
  const [columns, setColumns] = useState<ColumnInfo[] | null>(null);
  const [columnsError, setColumnsError] = useState<string | null>(null);
  const [sort, setSort] = useState<GridSort | null>(null);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [appliedFilters, setAppliedFilters] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!engine) return;
    let live = true;
    engine.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${quoteIdent(table)}`).then(
      (res) => {
        if (!live) return;
        setColumns(res.rows.map((r) => ({ name: r.column_name, type: r.column_type })));
        setColumnsError(null);
      },
      (e: unknown) => live && setColumnsError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [engine, table, revision]);

  // Typing in a filter waits for a pause before asking DuckDB.
  useEffect(() => {
    const t = setTimeout(() => setAppliedFilters(filters), 250);
    return () => clearTimeout(t);
  }, [filters]);

  const hasLine = columns?.some((c) => c.name === LINE_COLUMN) ?? false;
  const visible = useMemo(() => (columns ?? []).filter((c) => c.name === LINE_COLUMN || !isInternalColumn(c.name)), [columns]);
  const query = useMemo<GridQuery | null>(
    () =>
      columns
        ? { table, columns: visible.map((c) => c.name), sort, filters: appliedFilters, where, revision }
        : null,
    [columns, visible, table, sort, appliedFilters, where, revision],
  );
  const paged = usePagedRows(engine, query, hasLine ? LINE_COLUMN : undefined);

  useEffect(() => {
    if (query) onQueryChange?.(query, paged.count);
  }, [query, paged.count, onQueryChange]);

  const lineSet = useMemo(() => new Set(highlight?.lines ?? []), [highlight]);
  const colSet = useMemo(() => new Set(highlight?.columns ?? []), [highlight]);
  const isRowHighlighted = useCallback(
    (row: Row) => lineSet.size > 0 && lineSet.has(Number(row[LINE_COLUMN])) && colSet.size === 0,
    [lineSet, colSet],
  );
  const isCellHighlighted = useCallback(
    (row: Row, column: string) => lineSet.has(Number(row[LINE_COLUMN])) && colSet.has(column),
    [lineSet, colSet],
  );

  const error = columnsError ?? paged.error;
  return (
    <div className="data-grid" data-testid="data-grid">
      <div className="grid-status" aria-live="polite">
        {error ? (
          <span className="error-text" role="alert" data-testid="grid-error">
            {error}
          </span>
        ) : paged.count === null ? (
          <span className="muted">Counting rows…</span>
        ) : (
          <span data-testid="grid-row-count" data-count={paged.count}>
            {countNoun
              ? plural(paged.count, ...countNoun)
              : Object.values(appliedFilters).some((f) => f.trim()) || where
                ? plural(paged.count, 'row matches', 'rows match')
                : plural(paged.count, 'row')}
          </span>
        )}
        <span className="muted">
          Filter: text contains · <code>=exact</code> · <code>&gt;10</code> · <code>empty</code>
        </span>
      </div>
      {columns && (
        <VirtualTable
          columns={visible}
          rowCount={paged.count ?? 0}
          getRow={paged.getRow}
          onRangeChange={paged.ensureRange}
          sort={sort}
          onSort={(c) => setSort((s) => nextSort(s, c))}
          filters={filters}
          onFilter={(c, text) => setFilters((f) => ({ ...f, [c]: text }))}
          isRowHighlighted={highlight ? isRowHighlighted : undefined}
          isCellHighlighted={highlight ? isCellHighlighted : undefined}
          lineColumn={hasLine ? LINE_COLUMN : undefined}
          percentColumns={percentColumns}
          label={label ?? `Rows of ${table}`}
          testId="grid-table"
        />
      )}
    </div>
  );
}
