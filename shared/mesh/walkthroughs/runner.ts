/** Step through a walkthrough: render the current step for a dataset, record answers, save and resume. */
import type { ProductDecisions } from '../product-state';
import type { MeshContext } from '../types';
import { findingKey } from '../types';
import { baseVars, fill } from './vars';
import { NO_DATASET } from './model';
import type { Answer, Artefact, DatasetOffer, Walkthrough, WalkthroughProgress, WalkthroughStep } from './model';

export interface RenderedStep {
  index: number;
  total: number;
  step: WalkthroughStep;
  title: string;
  text: string;
  suggested: Answer | undefined;
  options: { value: string; label: string }[];
  /** pick-dataset steps: every other loaded file, offered or not, with the reason. */
  offers: DatasetOffer[];
  isLast: boolean;
}

/** Every other loaded file for a pick-dataset step, with whether it is offered and why. */
export function datasetOffers(step: WalkthroughStep, ctx: MeshContext): DatasetOffer[] {
  const a = step.action;
  if (a.kind !== 'pick-dataset') return [];
  if (a.offer) return a.offer(ctx);
  const others = ctx.datasets.filter((d) => d.name !== ctx.active.name).map((d) => d.name);
  const allowed = a.filter ? new Set(a.filter(ctx)) : null;
  return others.map((name) =>
    !allowed || allowed.has(name)
      ? { name, offered: true, reason: 'another loaded file' }
      : { name, offered: false, reason: 'not the kind of file this step needs' },
  );
}

/** The product's current value for a step that writes to it, as an answer (undefined when not decided). */
function productValue(step: WalkthroughStep, product: ProductDecisions | undefined): Answer | undefined {
  if (!step.writes || !product) return undefined;
  const v = product[step.writes];
  return v === undefined ? undefined : Array.isArray(v) ? [...v] : v;
}

/** The change an answer makes to the data product, or null when the step does not write to it. */
export function productPatch(step: WalkthroughStep, answer: Answer | undefined): ProductDecisions | null {
  if (!step.writes || answer === undefined) return null;
  if (step.writes === 'consumers' || step.writes === 'policies' || step.writes === 'rules') return { [step.writes]: Array.isArray(answer) ? answer : typeof answer === 'string' && answer ? [answer] : [] };
  return typeof answer === 'string' ? { [step.writes]: answer.trim() } : null;
}

/** True when the step can move on with this answer: a pick-dataset step waits until a file (or "none") is chosen. */
export function canAnswer(r: RenderedStep, value: Answer | undefined): boolean {
  if (r.step.action.kind !== 'pick-dataset') return true;
  return typeof value === 'string' && value !== '' && r.options.some((o) => o.value === value);
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
  const offers = datasetOffers(step, ctx);
  const options =
    a.kind === 'choose' || a.kind === 'multi'
      ? a.options(ctx)
      : a.kind === 'pick-dataset'
        ? [...offers.filter((o) => o.offered).map((o) => ({ value: o.name, label: o.name })), ...(a.noneLabel ? [{ value: NO_DATASET, label: a.noneLabel }] : [])]
        : a.kind === 'route-findings'
          ? ctx.active.findings.map((f) => ({ value: findingKey(f), label: f.column ? `${f.title} (${f.column})` : f.title }))
          : [];
  // A file to compare or a source of truth is the user's choice: never prefilled.
  const suggested = a.kind === 'pick-dataset' ? undefined : (productValue(step, ctx.product) ?? step.suggest?.(ctx, p.answers));
  return {
    index,
    total: w.steps.length,
    step,
    title: fill(step.title, vars),
    text: fill(step.text, vars),
    suggested,
    options,
    offers,
    isLast: index === w.steps.length - 1,
  };
}

/**
 * Record the answer for the current step (or what the step shows: the product's value or the suggestion)
 * and move on; the last step marks completion. A pick-dataset step without a valid choice does not move.
 */
export function answerStep(w: Walkthrough, ctx: MeshContext, p: WalkthroughProgress, answer?: Answer, now = new Date()): WalkthroughProgress {
  const step = w.steps[p.step];
  if (!step) return p;
  const rendered = renderStep(w, ctx, p);
  const value = answer ?? rendered.suggested;
  if (!canAnswer(rendered, value)) return p;
  const answers = value === undefined ? p.answers : { ...p.answers, [step.id]: value };
  const last = p.step >= w.steps.length - 1;
  return { ...p, answers, step: last ? p.step : p.step + 1, completed: p.completed || last, updatedAt: now.toISOString() };
}

/** Answer the current step and say what it changes in the data product (null when nothing). */
export function applyAnswer(
  w: Walkthrough,
  ctx: MeshContext,
  p: WalkthroughProgress,
  answer?: Answer,
  now = new Date(),
): { progress: WalkthroughProgress; patch: ProductDecisions | null } {
  const progress = answerStep(w, ctx, p, answer, now);
  const step = w.steps[p.step];
  if (progress === p || !step) return { progress, patch: null };
  return { progress, patch: productPatch(step, answer ?? renderStep(w, ctx, p).suggested) };
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
