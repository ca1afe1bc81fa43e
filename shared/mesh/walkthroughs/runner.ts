/** Step through a walkthrough: render the current step for a dataset, record answers, save and resume. */
import type { MeshContext } from '../types';
import { findingKey } from '../types';
import { baseVars, fill } from './vars';
import type { Answer, Artefact, Walkthrough, WalkthroughProgress, WalkthroughStep } from './model';

export interface RenderedStep {
  index: number;
  total: number;
  step: WalkthroughStep;
  title: string;
  text: string;
  suggested: Answer | undefined;
  options: { value: string; label: string }[];
  isLast: boolean;
}

export function startProgress(w: Walkthrough, dataset: string, now = new Date()): WalkthroughProgress {
  return { walkthroughId: w.id, dataset, step: 0, answers: {}, completed: false, updatedAt: now.toISOString() };
}

export function varsFor(w: Walkthrough, ctx: MeshContext, p: WalkthroughProgress): Record<string, string> {
  return { ...baseVars(ctx), ...(w.vars?.(ctx, p.answers) ?? {}) };
}

export function renderStep(w: Walkthrough, ctx: MeshContext, p: WalkthroughProgress): RenderedStep {
  const index = Math.min(Math.max(0, p.step), w.steps.length - 1);
  const step = w.steps[index]!;
  const vars = varsFor(w, ctx, p);
  const a = step.action;
  const options =
    a.kind === 'choose' || a.kind === 'multi'
      ? a.options(ctx)
      : a.kind === 'pick-dataset'
        ? (a.filter ? a.filter(ctx) : ctx.datasets.filter((d) => d.name !== ctx.active.name).map((d) => d.name)).map((x) => ({ value: x, label: x }))
        : a.kind === 'route-findings'
          ? ctx.active.findings.map((f) => ({ value: findingKey(f), label: f.column ? `${f.title} (${f.column})` : f.title }))
          : [];
  return {
    index,
    total: w.steps.length,
    step,
    title: fill(step.title, vars),
    text: fill(step.text, vars),
    suggested: step.suggest?.(ctx, p.answers),
    options,
    isLast: index === w.steps.length - 1,
  };
}

/** Record the answer for the current step (or its suggestion) and move on; the last step marks completion. */
export function answerStep(w: Walkthrough, ctx: MeshContext, p: WalkthroughProgress, answer?: Answer, now = new Date()): WalkthroughProgress {
  const step = w.steps[p.step];
  if (!step) return p;
  const value = answer ?? step.suggest?.(ctx, p.answers);
  const answers = value === undefined ? p.answers : { ...p.answers, [step.id]: value };
  const last = p.step >= w.steps.length - 1;
  return { ...p, answers, step: last ? p.step : p.step + 1, completed: p.completed || last, updatedAt: now.toISOString() };
}

export function backStep(p: WalkthroughProgress, now = new Date()): WalkthroughProgress {
  return { ...p, step: Math.max(0, p.step - 1), updatedAt: now.toISOString() };
}

export function buildArtefact(w: Walkthrough, ctx: MeshContext, p: WalkthroughProgress): Artefact {
  return w.artefact(ctx, p.answers);
}

/** Progress read back from storage: unknown shapes start over instead of crashing. */
export function restoreProgress(w: Walkthrough, dataset: string, saved: unknown): WalkthroughProgress {
  const s = saved as Partial<WalkthroughProgress> | null;
  if (!s || s.walkthroughId !== w.id || typeof s.step !== 'number' || typeof s.answers !== 'object' || s.answers === null) return startProgress(w, dataset);
  return {
    walkthroughId: w.id,
    dataset: typeof s.dataset === 'string' ? s.dataset : dataset,
    step: Math.min(Math.max(0, Math.floor(s.step)), w.steps.length - 1),
    answers: s.answers,
    completed: s.completed === true,
    updatedAt: typeof s.updatedAt === 'string' ? s.updatedAt : new Date().toISOString(),
  };
}
