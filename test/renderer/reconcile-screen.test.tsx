// @vitest-environment jsdom
/**
 * Reconcile opened while the files are still loading: once a file is ready it is profiled, and the screen says
 * it is reading them (the bug: the profiles never started and it asked to open two or more files while six were open).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useStore } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { ReconcileScreen } from '../../renderer/src/features/reconcile/ReconcileScreen';
import type { ImportResult } from '../../shared/import/types';

const result = {
  path: 'ads.csv', format: 'csv', encoding: 'utf-8', delimiter: ',', decimalSeparator: '.', dateOrder: 'YMD', headerLine: 1, skippedLines: 0,
  summaryRows: [], rows: 3, columns: [{ name: 'Day', originalName: 'Day', type: 'DATE', kind: 'date', nulls: 0, placeholders: 0, percent: false }],
  log: [], warnings: [], tableName: 'ads_1', rawTableName: 'ads_1__raw', tables: [], preamble: [], options: {},
} as unknown as ImportResult;

const loading = (id: string): Dataset => ({ id, name: `${id}.csv`, file: { name: `${id}.csv`, path: `${id}.csv`, bytes: new Uint8Array() }, options: {}, result: null, status: 'loading', error: null, progress: null, revision: 0, profile: null, findings: null });

beforeEach(() => {
  useStore.setState({ datasets: [loading('a'), loading('b')], activeDatasetId: 'a', screen: 'reconcile', jobs: [], banners: [] });
});
afterEach(cleanup);

describe('reconcile screen opened before the files are ready', () => {
  it('reconcile never profiles files that finish loading after it opened (fixed: it profiles them and says it is reading)', () => {
    render(<ReconcileScreen datasetId="a" />);
    act(() => {
      useStore.setState({ datasets: useStore.getState().datasets.map((d) => ({ ...d, status: 'ready', result, revision: 1 })) });
    });
    expect(useStore.getState().datasets.every((d) => d.profile !== null)).toBe(true);
    expect(screen.getByTestId('reconcile-loading').textContent).toContain('Reading the open datasets');
  });
});
