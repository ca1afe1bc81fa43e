/** Every model against a hand-computed example; removal effects against a small chain solved by hand. */
import { describe, expect, it } from 'vitest';
import { creditChannels, splitPath, weights } from '../../../shared/reconcile/attribution-models';
import type { ConversionPath } from '../../../shared/reconcile/attribution-models';
import { conversionProbability, markovRemovalEffects, transitionMatrix } from '../../../shared/reconcile/markov';

const PATHS: ConversionPath[] = [
  { channels: splitPath('Paid Search > Organic Search > Direct'), conversions: 10, revenue: 1000, days: 14 },
  { channels: splitPath('Paid Social > Direct'), conversions: 4, revenue: 200, days: 7 },
  { channels: splitPath('Organic Search'), conversions: 6, revenue: 300, days: 0 },
];

const credit = creditChannels(PATHS);
const by = (model: keyof (typeof credit.channels)[number]['conversions']) =>
  Object.fromEntries(credit.channels.map((c) => [c.channel, c.conversions[model]]));

describe('rule-based models, by hand', () => {
  it('last click: the last touch takes the conversion', () => {
    expect(by('last_click')).toEqual({ Direct: 14, 'Organic Search': 6, 'Paid Search': 0, 'Paid Social': 0 });
  });
  it('first click: the first touch takes it', () => {
    expect(by('first_click')).toEqual({ Direct: 0, 'Organic Search': 6, 'Paid Search': 10, 'Paid Social': 4 });
  });
  it('linear: 10/3 each on the 3-step path, 2 each on the 2-step path', () => {
    expect(by('linear')).toEqual({ Direct: 5.33, 'Organic Search': 9.33, 'Paid Search': 3.33, 'Paid Social': 2 });
  });
  it('position-based: 40/20/40 on three steps, 50/50 on two', () => {
    expect(by('position_based')).toEqual({ Direct: 6, 'Organic Search': 8, 'Paid Search': 4, 'Paid Social': 2 });
    expect(weights('position_based', 4)).toEqual([0.4, 0.1, 0.1, 0.4]);
  });
  it('time decay: touches 14, 7 and 0 days back weigh 1/4, 1/2, 1 (half-life 7 days)', () => {
    // Path 1: 0.25/1.75·10 = 1.43, 0.5/1.75·10 = 2.86, 1/1.75·10 = 5.71; path 2: 0.5/1.5·4 = 1.33, 1/1.5·4 = 2.67.
    expect(by('time_decay')).toEqual({ Direct: 8.38, 'Organic Search': 8.86, 'Paid Search': 1.43, 'Paid Social': 1.33 });
  });
  it('every model hands out exactly the conversions and revenue there were', () => {
    for (const m of ['last_click', 'first_click', 'linear', 'time_decay', 'position_based', 'markov'] as const) {
      expect(credit.channels.reduce((s, c) => s + c.conversions[m], 0)).toBeCloseTo(20, 1);
      expect(credit.channels.reduce((s, c) => s + c.revenue[m], 0)).toBeCloseTo(1500, 1);
    }
  });
  it('shows the gain or loss of each channel against last click', () => {
    const ps = credit.channels.find((c) => c.channel === 'Paid Search')!;
    expect(ps.changeVsLastClick.first_click).toBe(10);
    const direct = credit.channels.find((c) => c.channel === 'Direct')!;
    expect(direct.changeVsLastClick.first_click).toBe(-14);
  });
});

describe('Markov removal effects, by hand', () => {
  it('converting paths only: start → PS .5, Social .2, Organic .3; Organic → Direct 10/16, conversion 6/16', () => {
    // Without Direct: .8 · 6/16 = .3 → RE .7; without Organic: .2 → .8; without Paid Search: .5 → .5;
    // without Paid Social: .8 → .2. Shares of 2.2 times 20 conversions.
    const re = credit.markov.removalEffects;
    expect(credit.markov.conversionProbability).toBeCloseTo(1, 10);
    expect(re.Direct).toBeCloseTo(0.7, 10);
    expect(re['Organic Search']).toBeCloseTo(0.8, 10);
    expect(re['Paid Search']).toBeCloseTo(0.5, 10);
    expect(re['Paid Social']).toBeCloseTo(0.2, 10);
    expect(by('markov')).toEqual({ Direct: 6.36, 'Organic Search': 7.27, 'Paid Search': 4.55, 'Paid Social': 1.82 });
  });

  it('with non-converting journeys: P = 1/2, removing A leaves 1/3 (effect 1/3), removing B leaves 0 (effect 1)', () => {
    const chain = [
      { channels: ['A', 'B'], conversions: 1 },
      { channels: ['A'], conversions: 0, nulls: 1 },
      { channels: ['B'], conversions: 1, nulls: 1 },
    ];
    const t = transitionMatrix(chain);
    expect(t['(start)']).toEqual({ A: 0.5, B: 0.5 });
    expect(t.A).toEqual({ B: 0.5, '(null)': 0.5 });
    expect(conversionProbability(t)).toBeCloseTo(0.5, 12);
    expect(conversionProbability(t, ['A'])).toBeCloseTo(1 / 3, 12);
    const m = markovRemovalEffects(chain);
    expect(m.removalEffects.A).toBeCloseTo(1 / 3, 12);
    expect(m.removalEffects.B).toBeCloseTo(1, 12);
  });

  it('handles a loop (A > B > A) without diverging', () => {
    const m = markovRemovalEffects([
      { channels: ['A', 'B', 'A'], conversions: 2 },
      { channels: ['B'], conversions: 0, nulls: 2 },
    ]);
    expect(m.conversionProbability).toBeGreaterThan(0);
    expect(m.conversionProbability).toBeLessThan(1);
    expect(m.removalEffects.A).toBeCloseTo(1, 12);
  });
});
