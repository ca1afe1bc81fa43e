/**
 * A virtualised table: only the visible rows exist in the DOM, so a million rows scroll smoothly.
 * Rows come from `getRow(i)` (undefined while loading); `onRangeChange` says which rows are on screen.
 * Sorting and filtering are optional and handled by the caller (the grid pushes them to DuckDB).
 */
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ColumnInfo, Row, Scalar } from '../../../shared/engine/types';
import './virtual-table.css';

export interface TableSort {
  column: string;
  dir: 'asc' | 'desc';
}

export interface VirtualTableProps {
  columns: ColumnInfo[];
  rowCount: number;
  getRow: (index: number) => Row | undefined;
  onRangeChange?: (start: number, end: number) => void;
  sort?: TableSort | null;
  onSort?: (column: string) => void;
  filters?: Record<string, string>;
  onFilter?: (column: string, text: string) => void;
  /** Row-level highlight (e.g. a finding's affected rows). */
  isRowHighlighted?: (row: Row) => boolean;
  /** Cell-level highlight. */
  isCellHighlighted?: (row: Row, column: string) => boolean;
  /** Columns whose values were written as percents in the file (2.81 shows as 2.81%). */
  percentColumns?: ReadonlySet<string>;
  /** Shown in the first column when present (the file's line number). */
  lineColumn?: string;
  label: string;
  testId?: string;
}

const ROW_HEIGHT = 28;

function isNumericType(type: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|DOUBLE|FLOAT|REAL|DECIMAL|UBIGINT|UINTEGER)/i.test(type);
}

function columnWidth(c: ColumnInfo): number {
  if (isNumericType(c.type)) return 120;
  if (/^DATE$/i.test(c.type)) return 110;
  return Math.min(260, Math.max(120, c.name.length * 9 + 40));
}

export function formatCell(value: Scalar | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return String(value);
}

export function VirtualTable(props: VirtualTableProps) {
  const { columns, rowCount, getRow, onRangeChange, sort, onSort, filters, onFilter, lineColumn, label } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last + 1);
  }, [first, last, onRangeChange]);

  const dataColumns = columns.filter((c) => c.name !== lineColumn);
  const widths = dataColumns.map(columnWidth);
  const lineWidth = lineColumn ? 72 : 0;
  const totalWidth = lineWidth + widths.reduce((a, b) => a + b, 0);
  const template = `${lineColumn ? `${lineWidth}px ` : ''}${widths.map((w) => `${w}px`).join(' ')}`;

  return (
    <div
      className="vtable"
      ref={scrollRef}
      tabIndex={0}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      data-testid={props.testId ?? 'vtable'}
    >
      <div className="vt-head" style={{ width: totalWidth, gridTemplateColumns: template }} role="row" aria-rowindex={1}>
        {lineColumn && (
          <div className="vt-th line" role="columnheader" title="Line in the original file">
            line
          </div>
        )}
        {dataColumns.map((c) => {
          const sorted = sort?.column === c.name ? sort.dir : null;
          return (
            <div
              key={c.name}
              className="vt-th"
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            >
              {onSort ? (
                <button type="button" onClick={() => onSort(c.name)} title={`${c.name} (${c.type}): sort`} data-testid={`sort-${c.name}`}>
                  <span className="name">{c.name}</span>
                  <span className="arrow" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                </button>
              ) : (
                <span className="name" title={`${c.name} (${c.type})`}>{c.name}</span>
              )}
              {onFilter && (
                <input
                  type="search"
                  className="vt-filter"
                  placeholder="filter"
                  aria-label={`Filter ${c.name}`}
                  value={filters?.[c.name] ?? ''}
                  onChange={(e) => onFilter(c.name, e.target.value)}
                  data-testid={`filter-${c.name}`}
                />
              )}
            </div>
          );
        })}
      </div>
      <div className="vt-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((item) => {
          const row = getRow(item.index);
          const rowHighlighted = row && props.isRowHighlighted?.(row);
          return (
            <div
              key={item.key}
              className="vt-row"
              role="row"
              aria-rowindex={item.index + 2}
              data-alt={item.index % 2 === 1}
              data-highlight={rowHighlighted || undefined}
              data-testid="vt-row"
              style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template, height: ROW_HEIGHT }}
            >
              {!row ? (
                <div className="vt-td loading" role="gridcell">…</div>
              ) : (
                <>
                  {lineColumn && (
                    <div className="vt-td line" role="gridcell">
                      {formatCell(row[lineColumn])}
                    </div>
                  )}
                  {dataColumns.map((c) => {
                    const v = row[c.name];
                    const hl = props.isCellHighlighted?.(row, c.name);
                    return (
                      <div
                        key={c.name}
                        role="gridcell"
                        className={`vt-td${isNumericType(c.type) ? ' num' : ''}${v === null ? ' null' : ''}`}
                        data-highlight={hl || undefined}
                        data-testid={hl ? 'vt-cell-highlight' : undefined}
                        title={v === null ? 'empty' : formatCell(v)}
                      >
                        {v === null ? '∅' : formatCell(v) + (props.percentColumns?.has(c.name) && typeof v === 'number' ? '%' : '')}
                      </div>
                    );
                  })}
                </>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
