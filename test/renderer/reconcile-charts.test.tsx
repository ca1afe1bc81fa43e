// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClaimsChart, CreditChart, LiftChart, SpendChart } from '../../renderer/src/features/reconcile/ReconcileCharts';
import { creditChannels } from '../../shared/reconcile/attribution-models';
import { diffInDiff } from '../../shared/reconcile/lift';
import { compareSeries } from '../../shared/reconcile/spend';

describe('reconcile charts', () => {
  it('claimed against actual: one pair of bars per platform plus all platforms', () => {
    const { container } = render(
      <ClaimsChart
        oc={{
          truth: { name: 'crm.csv', kind: 'won deals', total: 19 },
          period: { start: '2026-03-01', end: '2026-03-14' },
          claims: [
            { name: 'g.csv', label: 'Google Ads', column: 'Conversions', claimed: 83, truthForChannel: 8, ratio: 10.38 },
            { name: 'm.csv', label: 'Meta Ads', column: 'Purchases', claimed: 24, truthForChannel: 3, ratio: 8 },
          ],
          claimedTotal: 107,
          ratio: 5.63,
          weeks: [],
          truthOtherChannels: 8,
        }}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Claimed against actual conversions by channel' })).toBeTruthy();
    expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBe(6);
    expect(container.textContent).toContain('All platforms');
  });

  it('daily spend by source with the gap shaded, credit by model, test and control with the interval', () => {
    const day = (d: number) => `2026-03-0${d}`;
    const rows = (vals: number[]) => vals.map((v, i) => ({ date: day(i + 1), key: null, value: v, line: i + 2, rows: 1 }));
    const spend = compareSeries(rows([10, 20, 30]), rows([10, 25, 30]), { relative: 0.01, absolute: 1 });
    render(<SpendChart spend={spend} left="Google Ads" right="Finance" />);
    expect(screen.getByTestId('chart-spend').querySelector('.recharts-area')).toBeTruthy();
    render(<CreditChart sandbox={creditChannels([{ channels: ['Paid Search', 'Direct'], conversions: 4, revenue: 0 }])} />);
    expect(screen.getByTestId('chart-credit').textContent).toContain('Paid Search');
    const days = Array.from({ length: 8 }, (_, i) => ({ date: `2026-09-0${i + 1}`, test: 10 + (i >= 4 ? 3 : 0) + (i % 2), control: 10 + (i % 2) }));
    const estimate = diffInDiff(days, '2026-09-05');
    render(
      <LiftChart
        lift={{ file: 'geo.csv', columns: { date: 'date', group: 'group', conversions: 'orders' }, days, testStart: '2026-09-05', estimate, claim: null, sentence: '' }}
      />,
    );
    expect(screen.getByTestId('lift-interval').textContent).toBe('Lift over 4 test days: 12 (95% interval 12 to 12).');
  });
});
