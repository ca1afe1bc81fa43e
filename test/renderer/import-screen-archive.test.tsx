// @vitest-environment jsdom
/** The import screen for a .zip (and .gz): the preview shows the file inside; the archive's files are a choice. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { useStore } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { ImportScreen } from '../../renderer/src/features/import/ImportScreen';
import type { ImportResult } from '../../shared/import/types';

const campaigns = 'Campaign,Clicks\nBrand,10\nGeneric,20\n';

const result: ImportResult = {
  path: 'weekly.zip',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  decimalSeparator: '.',
  dateOrder: null,
  headerLine: 1,
  skippedLines: 0,
  summaryRows: [],
  rows: 2,
  columns: [],
  log: [{ level: 'warning', message: 'File "campaigns.csv" loaded from the ZIP archive weekly.zip; the archive also holds "keywords.csv". Pick another to load it instead.', option: 'entry' }],
  warnings: [],
  tableName: 'campaigns_1',
  rawTableName: 'campaigns_1__raw',
  tables: [{ index: 0, headerLine: 1, endLine: null, preview: ['Campaign', 'Clicks'] }],
  entries: ['campaigns.csv', 'keywords.csv'],
  preamble: [],
  options: { decimalSeparator: '.', entry: 'campaigns.csv' },
};

function dataset(name: string, bytes: Uint8Array, r: ImportResult): Dataset {
  return { id: 'd1', name, file: { name, path: name, bytes }, options: {}, result: r, status: 'ready', error: null, progress: null, revision: 1, profile: null, findings: null };
}

afterEach(cleanup);

describe('ImportScreen with an archive', () => {
  beforeEach(() => {
    const zip = zipSync({ 'campaigns.csv': strToU8(campaigns), 'keywords.csv': strToU8('Keyword,Cost\nshoes,1.5\n') });
    useStore.setState({ datasets: [dataset('weekly.zip', zip, result)], activeDatasetId: 'd1', screen: 'import', jobs: [], banners: [] });
  });

  it('previews the lines of the file inside the ZIP, not its compressed bytes', () => {
    render(<ImportScreen datasetId="d1" />);
    expect(screen.getByTestId('raw-line-1').textContent).toContain('Campaign,Clicks');
    expect(screen.getByTestId('raw-line-1').getAttribute('data-role')).toBe('header');
    expect(screen.getByTestId('raw-line-3').textContent).toContain('Generic,20');
  });

  it('lists the files in the archive to pick from, and picking one re-imports with it', async () => {
    render(<ImportScreen datasetId="d1" />);
    const select = screen.getByTestId('option-entry') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Detected: campaigns.csv', 'campaigns.csv', 'keywords.csv']);
    await act(async () => {
      fireEvent.change(select, { target: { value: 'keywords.csv' } });
    });
    expect(useStore.getState().datasets[0]!.options).toEqual({ entry: 'keywords.csv' });
  });

  it('a .gz file: the preview shows the unpacked lines; no archive choice is offered', () => {
    const gz = { ...result, path: 'campaigns.csv.gz', entries: undefined, options: { decimalSeparator: '.' as const } };
    useStore.setState({ datasets: [dataset('campaigns.csv.gz', gzipSync(strToU8(campaigns)), gz)] });
    render(<ImportScreen datasetId="d1" />);
    expect(screen.getByTestId('raw-line-2').textContent).toContain('Brand,10');
    expect(screen.queryByTestId('option-entry')).toBeNull();
  });
});
