/**
 * The check runner's view of an import is built in one place (shared/audit/dataset.ts datasetFor), for the
 * CLI and for the app. The app used to build its own copy, which did not carry the joined parts: its
 * totals check compared each part's total with every row of the file.
 */
import { describe, expect, it } from 'vitest';
import { datasetFor } from '../../../shared/audit/dataset';
import type { ImportResult } from '../../../shared/import/types';
import type { TableProfile } from '../../../shared/profile/types';
import type { Semantics } from '../../../shared/semantics/describe';
import { checkDataset } from '../../../renderer/src/store/analysis-slice';

const result = {
  path: '/data/joined.csv',
  tableName: 't1',
  rawTableName: 't1__raw',
  rows: 10,
  columns: [],
  summaryRows: [{ line: 9, label: 'Total: Account', values: {} }],
  statedRange: { start: '2026-01-01', end: '2026-02-28' },
  joinedAt: [10],
  decimalSeparator: '.',
} as unknown as ImportResult;
const profile = { table: 't1', rows: 10, columns: [] } as unknown as TableProfile;
const semantics = { columns: [] } as unknown as Semantics;

describe('datasetFor', () => {
  it('joined_parts_lost_in_the_app: the app and the CLI read the same facts of an import', () => {
    const ds = datasetFor(result, profile, semantics, 'joined.csv');
    expect(ds).toMatchObject({ file: 'joined.csv', rows: 10, joinedAt: [10], statedRange: result.statedRange, summaryRows: result.summaryRows });
    expect(checkDataset(result, profile, semantics, 'joined.csv')).toEqual(ds);
  });
});
