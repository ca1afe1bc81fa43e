// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingList } from '../../renderer/src/features/findings/FindingsScreen';
import { findingKey } from '../../renderer/src/features/findings/findings-model';
import type { Finding } from '../../shared/checks/types';

afterEach(cleanup);

const f = (
  check: string,
  dimension: Finding['dimension'],
  severity: Finding['severity'],
  rows: number,
): Finding => ({
  check,
  title: check.replace(/_/g, ' '),
  dimension,
  severity,
  rows,
  file: 'a.csv',
  columns: ['Clicks'],
  message: `${rows} rows`,
  sample: [],
  fix: 'fix',
  owner: 'ads',
  explanation: 'why',
});

const findings = [
  f('stale_data', 'timeliness', 'warning', 40),
  f('funnel_inversion', 'accuracy', 'error', 3),
  f('negative_metric', 'validity', 'error', 1),
  f('metric_outliers', 'accuracy', 'warning', 4),
  f('missing_values', 'completeness', 'info', 2),
];

describe('FindingList', () => {
  it('seven_missing_value_infos_pushed_the_only_error_below_the_fold: one list by severity, then affected rows', () => {
    const many = [
      ...Array.from({ length: 7 }, (_, i) => f('missing_values', 'completeness', 'info', 50 + i)),
      ...findings,
    ];
    render(<FindingList findings={many} selected={null} onSelect={() => {}} />);
    const items = screen.getAllByTestId('finding-item');
    expect(
      items.slice(0, 5).map((i) => `${i.getAttribute('data-check')}:${i.getAttribute('data-severity')}`),
    ).toEqual([
      'funnel_inversion:error',
      'negative_metric:error',
      'stale_data:warning',
      'metric_outliers:warning',
      'missing_values:info',
    ]);
    // Within a severity the most affected rows come first.
    expect(items.slice(4, 7).map((i) => i.textContent)).toEqual([
      expect.stringContaining('56 rows'),
      expect.stringContaining('55 rows'),
      expect.stringContaining('54 rows'),
    ]);
    expect(screen.queryAllByTestId('findings-group')).toHaveLength(0);
  });

  it('dimension is a filter, not a grouping', () => {
    render(<FindingList findings={findings} selected={null} onSelect={() => {}} />);
    const select = screen.getByTestId('findings-filter-dimension') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'All (5)',
      'completeness (1)',
      'validity (1)',
      'timeliness (1)',
      'accuracy (2)',
    ]);
    fireEvent.change(select, { target: { value: 'accuracy' } });
    expect(screen.getAllByTestId('finding-item').map((i) => i.getAttribute('data-check'))).toEqual([
      'funnel_inversion',
      'metric_outliers',
    ]);
    fireEvent.change(select, { target: { value: '' } });
    expect(screen.getAllByTestId('finding-item')).toHaveLength(5);
  });

  it('says "1 row" and "1 error", not "1 rows" or "1 errors"', () => {
    render(<FindingList findings={findings.slice(1, 3)} selected={null} onSelect={() => {}} />);
    expect(screen.getByTestId('findings-filter-error').textContent).toContain('2 errors');
    expect(screen.getByTestId('findings-filter-warning').textContent).toContain('0 warnings');
    const items = screen.getAllByTestId('finding-item');
    expect(items[1]!.textContent).toContain('1 row ·');
    cleanup();
    render(<FindingList findings={findings.slice(2, 3)} selected={null} onSelect={() => {}} />);
    expect(screen.getByTestId('findings-filter-error').textContent).toMatch(/1 error$/);
  });

  it('filters by severity and reports the selection by key', () => {
    const onSelect = vi.fn();
    render(<FindingList findings={findings} selected={findingKey(findings[1]!, 1)} onSelect={onSelect} />);
    expect(screen.getByTestId('findings-filter-error').textContent).toContain('2 errors');
    fireEvent.click(screen.getByTestId('findings-filter-warning'));
    fireEvent.click(screen.getByTestId('findings-filter-info'));
    const items = screen.getAllByTestId('finding-item');
    expect(items.map((i) => i.getAttribute('data-severity'))).toEqual(['error', 'error']);
    const current = items.find((i) => i.getAttribute('aria-current') === 'true');
    expect(current?.getAttribute('data-check')).toBe('funnel_inversion');
    fireEvent.click(items.find((i) => i.getAttribute('data-check') === 'negative_metric')!);
    expect(onSelect).toHaveBeenCalledWith(findingKey(findings[2]!, 2));
    fireEvent.click(screen.getByTestId('findings-filter-error'));
    expect(screen.getByText('No finding at the chosen severities and dimension.')).toBeTruthy();
  });
});
