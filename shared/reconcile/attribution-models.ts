/**
 * Attribution sandbox: the same conversion paths credited under six models, so a team can see what a model
 * choice does before it is locked into a dashboard. Rule-based models follow Google's definitions
 * (https://support.google.com/analytics/answer/10596866, https://support.google.com/google-ads/answer/6259715):
 * last click, first click, linear, time decay (half-life 7 days), position-based (40% first, 40% last, 20%
 * spread over the middle). Data-driven: Markov-chain removal effects (markov.ts).
 */
import { markovRemovalEffects } from './markov';
import type { MarkovResult } from './markov';

export interface ConversionPath {
  /** Channels in order, first touch first ("Paid Search > Organic Search > Direct"). */
  channels: string[];
  conversions: number;
  revenue: number;
  /** Days from first touch to conversion, when the export has it. */
  days?: number;
  /** Journeys along this path that did not convert, when known. */
  nulls?: number;
  /** Line in the original file (drill-down). */
  line?: number;
}

export const MODELS = ['last_click', 'first_click', 'linear', 'time_decay', 'position_based', 'markov'] as const;
export type Model = (typeof MODELS)[number];

export const MODEL_LABELS: Record<Model, string> = {
  last_click: 'Last click',
  first_click: 'First click',
  linear: 'Linear',
  time_decay: 'Time decay (7-day half-life)',
  position_based: 'Position-based (40/20/40)',
  markov: 'Data-driven (Markov removal effect)',
};

export const TIME_DECAY_HALF_LIFE_DAYS = 7;

/** Split "Paid Search > Organic Search > Direct" (GA4 writes ">", some tools "→" or " | "). */
export function splitPath(text: string): string[] {
  return text
    .split(/\s*(?:>|→|»|\|)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Share of one conversion each touchpoint gets under a rule-based model; sums to 1. */
export function weights(model: Exclude<Model, 'markov'>, n: number, days?: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [1];
  switch (model) {
    case 'last_click':
      return Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : 0));
    case 'first_click':
      return Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
    case 'linear':
      return Array.from({ length: n }, () => 1 / n);
    case 'position_based':
      if (n === 2) return [0.5, 0.5];
      return Array.from({ length: n }, (_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
    case 'time_decay': {
      // Touchpoint i happened t_i days before the conversion: spread evenly over the path's days when the
      // export says how long it took; otherwise one day per step back.
      const t = Array.from({ length: n }, (_, i) => (days !== undefined ? (days * (n - 1 - i)) / (n - 1) : n - 1 - i));
      const raw = t.map((x) => 2 ** (-x / TIME_DECAY_HALF_LIFE_DAYS));
      const sum = raw.reduce((s, v) => s + v, 0);
      return raw.map((v) => v / sum);
    }
  }
}

export interface ChannelCredit {
  channel: string;
  conversions: Record<Model, number>;
  revenue: Record<Model, number>;
  /** Conversions gained (+) or lost (−) under each model against last click. */
  changeVsLastClick: Record<Model, number>;
}

export interface AttributionSandbox {
  channels: ChannelCredit[];
  totalConversions: number;
  totalRevenue: number;
  paths: number;
  markov: MarkovResult;
  /** Assumptions the numbers rest on, in plain words. */
  assumptions: string[];
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

export function creditChannels(paths: ConversionPath[]): AttributionSandbox {
  const usable = paths.filter((p) => p.channels.length > 0 && p.conversions >= 0);
  const channels = [...new Set(usable.flatMap((p) => p.channels))].sort();
  const zero = (): Record<Model, number> => Object.fromEntries(MODELS.map((m) => [m, 0])) as Record<Model, number>;
  const conv = new Map(channels.map((c) => [c, zero()]));
  const rev = new Map(channels.map((c) => [c, zero()]));
  for (const p of usable) {
    for (const model of MODELS) {
      if (model === 'markov') continue;
      weights(model, p.channels.length, p.days).forEach((w, i) => {
        const c = p.channels[i]!;
        conv.get(c)![model] += w * p.conversions;
        rev.get(c)![model] += w * p.revenue;
      });
    }
  }
  const markov = markovRemovalEffects(usable.map((p) => ({ channels: p.channels, conversions: p.conversions, nulls: p.nulls ?? 0 })));
  const totalConversions = usable.reduce((s, p) => s + p.conversions, 0);
  const totalRevenue = usable.reduce((s, p) => s + p.revenue, 0);
  const reSum = Object.values(markov.removalEffects).reduce((s, v) => s + v, 0);
  for (const c of channels) {
    const share = reSum > 0 ? markov.removalEffects[c]! / reSum : 0;
    conv.get(c)!.markov = share * totalConversions;
    rev.get(c)!.markov = share * totalRevenue;
  }
  const out: ChannelCredit[] = channels.map((c) => {
    const cv = conv.get(c)!;
    const rv = rev.get(c)!;
    const conversions = Object.fromEntries(MODELS.map((m) => [m, r2(cv[m])])) as Record<Model, number>;
    const revenue = Object.fromEntries(MODELS.map((m) => [m, r2(rv[m])])) as Record<Model, number>;
    const changeVsLastClick = Object.fromEntries(MODELS.map((m) => [m, r2(cv[m] - cv.last_click)])) as Record<Model, number>;
    return { channel: c, conversions, revenue, changeVsLastClick };
  });
  const assumptions = [
    usable.some((p) => p.days !== undefined)
      ? `Time decay: touchpoints spread evenly over each path's days to conversion; credit halves every ${TIME_DECAY_HALF_LIFE_DAYS} days back.`
      : `Time decay: the export has no days to conversion, so each step back counts as one day; credit halves every ${TIME_DECAY_HALF_LIFE_DAYS} days back.`,
    usable.some((p) => (p.nulls ?? 0) > 0)
      ? 'Markov: built from converting and non-converting journeys.'
      : 'Markov: the export lists converting paths only, so removal effects show how many conversions pass through each channel, not how many would be lost without it.',
  ];
  return {
    channels: out.sort((a, b) => b.conversions.last_click - a.conversions.last_click || a.channel.localeCompare(b.channel)),
    totalConversions: r2(totalConversions),
    totalRevenue: r2(totalRevenue),
    paths: usable.length,
    markov,
    assumptions,
  };
}
