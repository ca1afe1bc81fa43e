// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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
  it('groups by dimension in catalogue order, then severity', () => {
    render(<FindingList findings={findings} selected={null} onSelect={() => {}} />);
    const groups = screen.getAllByTestId('findings-group');
    expect(groups.map((g) => g.getAttribute('data-dimension'))).toEqual([
      'completeness',
      'validity',
      'timeliness',
      'accuracy',
    ]);
    const accuracy = within(groups[3]!).getAllByTestId('finding-item');
    expect(accuracy.map((i) => i.getAttribute('data-check'))).toEqual([
      'funnel_inversion',
      'metric_outliers',
    ]);
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
    expect(screen.getByText('No finding at the chosen severities.')).toBeTruthy();
  });
});
