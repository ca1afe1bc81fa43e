/**
 * Data-driven attribution with a first-order Markov chain and removal effects (Anderl et al., "Mapping the
 * customer journey", 2016). States: start, each channel, conversion, null. The conversion probability is the
 * chance of reaching "conversion" from "start"; a channel's removal effect is the share of that probability
 * lost when the channel's state leads nowhere. Credit is shared in proportion to removal effects.
 */

export interface ChainPath {
  channels: string[];
  conversions: number;
  /** Journeys along the same path that did not convert (absent in most conversion-path exports). */
  nulls?: number;
}

const START = '(start)';
const CONV = '(conversion)';
const NULL = '(null)';

export interface MarkovResult {
  /** P(conversion) from start with every channel present. */
  conversionProbability: number;
  /** Channel → removal effect (0..1). */
  removalEffects: Record<string, number>;
  /** Transition probabilities, for the drill-down. */
  transitions: Record<string, Record<string, number>>;
}

/** Transition probabilities from the weighted paths. */
export function transitionMatrix(paths: ChainPath[]): Record<string, Record<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, w: number) => {
    if (w <= 0) return;
    const row = counts.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + w);
    counts.set(from, row);
  };
  for (const p of paths) {
    const steps = [START, ...p.channels];
    for (const [end, w] of [
      [CONV, p.conversions],
      [NULL, p.nulls ?? 0],
    ] as const) {
      if (w <= 0) continue;
      for (let i = 0; i < steps.length - 1; i++) add(steps[i]!, steps[i + 1]!, w);
      add(steps[steps.length - 1]!, end, w);
    }
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [from, row] of counts) {
    const total = [...row.values()].reduce((s, v) => s + v, 0);
    out[from] = Object.fromEntries([...row].map(([to, v]) => [to, v / total]));
  }
  return out;
}

/**
 * P(reach conversion) from start, with `removed` channels sent to null. Solves p(s) = Σ T(s,t)·p(t) over the
 * transient states by Gaussian elimination (p(conversion) = 1, p(null) = 0).
 */
export function conversionProbability(t: Record<string, Record<string, number>>, removed: string[] = []): number {
  const states = Object.keys(t).filter((s) => !removed.includes(s));
  const index = new Map(states.map((s, i) => [s, i]));
  const n = states.length;
  if (!index.has(START)) return 0;
  // (I − Q) p = b, where b = transition to conversion.
  const a = states.map(() => new Array<number>(n + 1).fill(0));
  states.forEach((s, i) => {
    a[i]![i] = 1;
    for (const [to, prob] of Object.entries(t[s]!)) {
      if (to === CONV) a[i]![n]! += prob;
      else if (index.has(to)) a[i]![index.get(to)!]! -= prob;
      // to null or a removed channel: contributes nothing.
    }
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const pv = a[col]![col]!;
    if (Math.abs(pv) < 1e-12) continue;
    for (let c = col; c <= n; c++) a[col]![c]! /= pv;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a[index.get(START)!]![n]!;
}

export function markovRemovalEffects(paths: ChainPath[]): MarkovResult {
  const transitions = transitionMatrix(paths);
  const p = conversionProbability(transitions);
  const channels = [...new Set(paths.flatMap((x) => x.channels))].sort();
  const removalEffects: Record<string, number> = {};
  for (const c of channels) removalEffects[c] = p > 0 ? 1 - conversionProbability(transitions, [c]) / p : 0;
  return { conversionProbability: p, removalEffects, transitions };
}
