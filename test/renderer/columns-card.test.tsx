// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ColumnCard } from '../../renderer/src/features/columns/ColumnCard';
import type { ColumnProfile } from '../../shared/profile/types';

afterEach(cleanup);

const base: ColumnProfile = {
  name: 'Email',
  type: 'VARCHAR',
  kind: 'text',
  rows: 200,
  count: 190,
  nulls: 10,
  placeholders: 4,
  nullShare: 0.05,
  distinct: 187,
  distinctApprox: false,
  min: 'a@x.com',
  max: 'z@x.com',
  topValues: [
    { value: 'a@x.com', count: 2 },
    { value: 'b@x.com', count: 1 },
  ],
  length: { min: 7, max: 31, mean: 14 },
  pattern: 'email',
  patternShare: 0.97,
  patternCounts: { email: 184 },
};

describe('ColumnCard', () => {
  it('shows NULLs with placeholders, distinct, pattern and a top-values chart', () => {
    render(<ColumnCard profile={base} role="email" detectedRole="email" onRoleChange={() => {}} />);
    expect(screen.getByTestId('column-nulls').textContent).toBe(
      '10 (5.0%), 4 were placeholders such as "--"',
    );
    expect(screen.getByTestId('column-distinct').textContent).toBe('187');
    expect(screen.getByTestId('column-pattern').textContent).toBe('email address (97% of values)');
    expect(screen.getByRole('figure', { name: 'Top values of Email' })).toBeTruthy();
    expect(screen.queryByText('reset')).toBeNull();
  });

  it('changes the role, marks the detected one, and goes back to it with null', () => {
    const onRoleChange = vi.fn();
    const { rerender } = render(
      <ColumnCard profile={base} role="email" detectedRole="email" onRoleChange={onRoleChange} />,
    );
    const select = screen.getByLabelText('Role') as HTMLSelectElement;
    expect(select.value).toBe('email');
    expect(select.querySelector('option[value="email"]')?.textContent).toBe('email (detected)');
    fireEvent.change(select, { target: { value: 'hashed_id' } });
    expect(onRoleChange).toHaveBeenLastCalledWith('Email', 'hashed_id');
    rerender(<ColumnCard profile={base} role="hashed_id" detectedRole="email" onRoleChange={onRoleChange} />);
    fireEvent.click(screen.getByText('reset'));
    expect(onRoleChange).toHaveBeenLastCalledWith('Email', null);
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'email' } });
    expect(onRoleChange).toHaveBeenLastCalledWith('Email', null);
  });

  it('shows date coverage for dates and a histogram for numbers', () => {
    const day: ColumnProfile = {
      ...base,
      name: 'Day',
      type: 'DATE',
      kind: 'date',
      nulls: 0,
      placeholders: 0,
      nullShare: 0,
      distinct: 12,
      min: '2026-01-01',
      max: '2026-01-14',
      distinctDays: 12,
      spanDays: 14,
      dayCoverage: 12 / 14,
      pattern: null,
      topValues: [],
    };
    render(<ColumnCard profile={day} role="date" detectedRole="date" onRoleChange={() => {}} />);
    expect(screen.getByTestId('column-coverage').textContent).toBe(
      '2026-01-01 to 2026-01-14 (12 of 14 days, 86% of days present)',
    );
    cleanup();
    const cost: ColumnProfile = {
      ...base,
      name: 'Cost',
      type: 'DOUBLE',
      kind: 'number',
      pattern: null,
      min: 0,
      max: 10,
      median: 4,
      histogram: [
        { start: 0, end: 5, count: 3 },
        { start: 5, end: 10, count: 7 },
      ],
    };
    const { container } = render(
      <ColumnCard profile={cost} role="spend" detectedRole="spend" onRoleChange={() => {}} />,
    );
    expect(screen.getByRole('figure', { name: 'Distribution of Cost' })).toBeTruthy();
    expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBe(2);
    expect(container.textContent).toContain('0 to 10, median 4');
  });
});
