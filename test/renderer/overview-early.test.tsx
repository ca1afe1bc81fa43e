// @vitest-environment jsdom
/**
 * The overview shows rows, columns and the platform as soon as the import is done, before the profile
 * and the checks have finished (they run in the database worker; here there is none, so they never end).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { useStore } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { OverviewScreen } from '../../renderer/src/features/overview/OverviewScreen';
import type { ImportResult } from '../../shared/import/types';

const col = (name: string, type = 'VARCHAR') => ({ name, originalName: name, type, kind: 'text' as const, nulls: 0, placeholders: 0, percent: false });

const result: ImportResult = {
  path: 'ads.csv',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  decimalSeparator: '.',
  dateOrder: 'YMD',
  headerLine: 3,
  skippedLines: 2,
  summaryRows: [{ line: 1000004, label: 'Total: Account', values: {} }],
  rows: 1_000_000,
  columns: [col('Day', 'DATE'), col('Campaign'), col('Ad group'), col('Clicks', 'BIGINT'), col('Impr.', 'BIGINT'), col('CTR', 'DOUBLE'), col('Avg. CPC', 'DOUBLE'), col('Cost', 'DOUBLE'), col('Conversions', 'DOUBLE')],
  log: [],
  warnings: [],
  tableName: 'ads_1',
  rawTableName: 'ads_1__raw',
  tables: [],
  preamble: [],
  options: { decimalSeparator: '.' },
};

beforeEach(() => {
  const dataset: Dataset = { id: 'd1', name: 'ads.csv', file: { name: 'ads.csv', path: 'ads.csv', bytes: new Uint8Array() }, options: {}, result, status: 'ready', error: null, progress: null, revision: 1, profile: null, findings: null };
  useStore.setState({ datasets: [dataset], activeDatasetId: 'd1', screen: 'overview', jobs: [], banners: [] });
});
afterEach(cleanup);

describe('overview before the profile is done', () => {
  it('shows rows, columns and the platform from the import at once', () => {
    render(<OverviewScreen datasetId="d1" />);
    expect(screen.getByTestId('overview-early')).toBeTruthy();
    expect(screen.getByTestId('overview-rows').textContent).toBe('1,000,000');
    expect(screen.getByTestId('overview-columns').textContent).toBe('9');
    expect(screen.getByTestId('overview-platform').textContent).toBe('Google Ads');
    expect(screen.queryByTestId('overview-dimensions')).toBeNull();
  });
});
