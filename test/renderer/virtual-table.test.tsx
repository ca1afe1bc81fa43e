// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { VirtualTable, formatCell } from '../../renderer/src/components/VirtualTable';
import type { Row } from '../../shared/engine/types';
import { stubLayout } from './layout-stub';

beforeAll(() => stubLayout());
afterEach(cleanup);

const columns = [
  { name: '__line', type: 'INTEGER' },
  { name: 'Campaign', type: 'VARCHAR' },
  { name: 'Cost', type: 'DOUBLE' },
];
const row = (i: number): Row => ({ __line: i + 4, Campaign: i % 2 ? 'B' : 'A', Cost: i === 1 ? null : i * 1.5 });

describe('VirtualTable', () => {
  it('renders only the visible rows of a million and reports the range', () => {
    const onRange = vi.fn();
    render(<VirtualTable columns={columns} rowCount={1_000_000} getRow={row} onRangeChange={onRange} lineColumn="__line" label="rows" />);
    const rows = screen.getAllByTestId('vt-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(80);
    expect(onRange).toHaveBeenCalled();
    const [start, end] = onRange.mock.calls.at(-1)!;
    expect(start).toBe(0);
    expect(end).toBe(rows.length);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('1000001');
    expect(rows[0]!.textContent).toBe('4A0');
    expect(rows[1]!.textContent).toContain('∅');
  });

  it('shows a placeholder for rows not fetched yet', () => {
    render(<VirtualTable columns={columns} rowCount={10} getRow={() => undefined} label="rows" />);
    expect(screen.getAllByText('…').length).toBeGreaterThan(0);
  });

  it('asks to sort and filter, and shows the sort state to assistive tech', () => {
    const onSort = vi.fn();
    const onFilter = vi.fn();
    render(
      <VirtualTable
        columns={columns}
        rowCount={3}
        getRow={row}
        label="rows"
        lineColumn="__line"
        sort={{ column: 'Cost', dir: 'desc' }}
        onSort={onSort}
        filters={{}}
        onFilter={onFilter}
      />,
    );
    fireEvent.click(screen.getByTestId('sort-Campaign'));
    expect(onSort).toHaveBeenCalledWith('Campaign');
    fireEvent.change(screen.getByLabelText('Filter Cost'), { target: { value: '>2' } });
    expect(onFilter).toHaveBeenCalledWith('Cost', '>2');
    const headers = screen.getAllByRole('columnheader');
    expect(headers.find((h) => h.textContent?.includes('Cost'))?.getAttribute('aria-sort')).toBe('descending');
    expect(screen.queryByTestId('sort-__line')).toBeNull();
  });

  it('highlights the offending cells of the given lines', () => {
    render(
      <VirtualTable
        columns={columns}
        rowCount={3}
        getRow={row}
        label="rows"
        lineColumn="__line"
        isCellHighlighted={(r, c) => r.__line === 5 && c === 'Cost'}
      />,
    );
    const cells = screen.getAllByTestId('vt-cell-highlight');
    expect(cells).toHaveLength(1);
    expect(cells[0]!.textContent).toBe('∅');
  });

  it('formats values plainly', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
    expect(formatCell('9007199254740993')).toBe('9007199254740993');
  });
});
