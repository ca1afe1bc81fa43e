// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SourcesTable } from '../../renderer/src/features/reconcile/ReconcileTables';
import type { Dataset } from '../../shared/checks/types';
import type { ReconcileReport, Source } from '../../shared/reconcile/types';

const source = (name: string): Source => ({ name, dataset: {} as Dataset, domain: 'ads', domainFrom: 'platform', label: 'Google Ads', currency: 'EUR' });

function report(overlap: ReconcileReport['alignment']['overlap']): ReconcileReport {
  return {
    sources: [source('sep.csv'), source('oct.csv')],
    alignment: {
      overlap,
      sources: [
        { name: 'sep.csv', period: { start: '2026-09-01', end: '2026-09-30', column: 'Day' }, rowsInside: overlap ? 117 : 0, rowsOutside: overlap ? 0 : 117 },
        { name: 'oct.csv', period: { start: '2026-10-01', end: '2026-10-31', column: 'Day' }, rowsInside: 0, rowsOutside: 155 },
      ],
    },
    keys: [],
    findings: [],
    overclaim: null,
    spend: null,
    notes: [],
  };
}

describe('reconcile sources table', () => {
  it('no common period: does not say every row of a file is outside it (was "0 in, 117 outside" for a file fully inside its own period)', () => {
    render(<SourcesTable report={report(null)} settings={{ sources: [] }} onSettings={() => {}} />);
    const text = screen.getByTestId('reconcile-sources').textContent ?? '';
    expect(text).not.toMatch(/0 in/);
    expect(text).toContain('no day every file covers');
  });

  it('with a common period, counts the rows in and outside it', () => {
    render(<SourcesTable report={report({ start: '2026-09-01', end: '2026-09-30' })} settings={{ sources: [] }} onSettings={() => {}} />);
    expect(screen.getAllByTestId('reconcile-sources').at(-1)!.textContent).toContain('117 in, 0 outside');
  });
});
