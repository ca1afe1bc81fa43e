// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useStore } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { ImportScreen } from '../../renderer/src/features/import/ImportScreen';
import type { ImportResult } from '../../shared/import/types';

const text = 'Campaign report\n1 March 2026 - 2 March 2026\nDay,Campaign,Cost\n2026-03-01,A,1.5\n2026-03-02,B,2\nTotal: Account,,3.5\n';

const result: ImportResult = {
  path: 'ads.csv',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  decimalSeparator: '.',
  dateOrder: 'YMD',
  headerLine: 3,
  skippedLines: 2,
  summaryRows: [{ line: 6, label: 'Total: Account', values: {} }],
  rows: 2,
  columns: [],
  log: [
    { level: 'info', message: 'Header: line 3; 2 line(s) above it skipped.', option: 'headerLine', lines: [1, 2] },
    { level: 'change', message: '1 summary row(s) removed.', lines: [6] },
  ],
  warnings: ['Line 9 has an extra field.'],
  tableName: 'ads_1',
  rawTableName: 'ads_1__raw',
  tables: [{ index: 0, headerLine: 3, endLine: null, preview: ['Day', 'Campaign', 'Cost'] }],
  preamble: ['Campaign report'],
  options: { decimalSeparator: '.' },
};

function dataset(): Dataset {
  const bytes = new TextEncoder().encode(text);
  return { id: 'd1', name: 'ads.csv', file: { name: 'ads.csv', path: 'ads.csv', bytes }, options: {}, result, status: 'ready', error: null, progress: null, revision: 1, profile: null, findings: null };
}

beforeEach(() => useStore.setState({ datasets: [dataset()], activeDatasetId: 'd1', screen: 'import', jobs: [], banners: [] }));
afterEach(cleanup);

describe('ImportScreen', () => {
  it('marks preamble, header and summary lines and shows the log in plain words', () => {
    render(<ImportScreen datasetId="d1" />);
    expect(screen.getByTestId('row-count').textContent).toBe('2');
    expect(screen.getByTestId('raw-line-1').getAttribute('data-role')).toBe('preamble');
    expect(screen.getByTestId('raw-line-3').getAttribute('data-role')).toBe('header');
    expect(screen.getByTestId('raw-line-6').getAttribute('data-role')).toBe('summary');
    expect(screen.getByTestId('import-log').textContent).toContain('Header: line 3');
    expect(screen.getByTestId('summary-rows').textContent).toContain('Total: Account');
    expect(screen.getByText(/extra field/)).toBeTruthy();
    expect((screen.getByTestId('option-delimiter') as HTMLSelectElement).options[0]!.textContent).toBe('Detected: Comma (,)');
  });

  it('re-imports at once with an overridden header line, and says so when the load fails', async () => {
    render(<ImportScreen datasetId="d1" />);
    const input = screen.getByTestId('option-header-line');
    fireEvent.change(input, { target: { value: '4' } });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    const d = useStore.getState().datasets[0]!;
    expect(d.options).toEqual({ headerLine: 4 });
    // jsdom has no Web Worker, so the database cannot start: the failure is reported, the last result kept.
    await act(async () => {
      for (let i = 0; i < 20 && useStore.getState().datasets[0]!.status === 'loading'; i++) await new Promise((r) => setTimeout(r, 10));
    });
    const after = useStore.getState();
    expect(after.datasets[0]!.result).toBe(result);
    expect(after.datasets[0]!.status).toBe('error');
    expect(after.banners.some((b) => b.kind === 'error' && b.message.startsWith('Could not load ads.csv'))).toBe(true);
  });

  it('goes back to detection when an override is cleared', async () => {
    useStore.setState({ datasets: [{ ...dataset(), options: { delimiter: ';' } }] });
    render(<ImportScreen datasetId="d1" />);
    await act(async () => {
      fireEvent.change(screen.getByTestId('option-delimiter'), { target: { value: '' } });
    });
    expect(useStore.getState().datasets[0]!.options).toEqual({});
  });
});
