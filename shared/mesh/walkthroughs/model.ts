/**
 * Walkthroughs are data: an ordered list of steps, each with plain text holding {placeholders} that are
 * filled from the user's own dataset, an optional UI element to highlight (a data-testid), and an action.
 * The last step of every walkthrough produces an artefact the user keeps (a file, a card, a matrix).
 */
import type { GlossaryTermId } from '../glossary';
import type { ProductField } from '../product-state';
import type { DomainId, MeshContext } from '../types';

export type Answer = string | string[] | Record<string, string>;
export type Answers = Record<string, Answer>;

export type StepAction =
  /** Read and continue. */
  | { kind: 'read' }
  /** Pick one option; options come from the context. */
  | { kind: 'choose'; label: string; options: (ctx: MeshContext) => { value: string; label: string }[] }
  /** Type a short text. */
  | { kind: 'input'; label: string; placeholder?: string }
  /** Route each finding to a domain (finding check id → domain id). */
  | { kind: 'route-findings'; label: string }
  /** Pick several items (e.g. consumers or policies). */
  | { kind: 'multi'; label: string; options: (ctx: MeshContext) => { value: string; label: string }[] }
  /**
   * Pick another loaded dataset (value: its name) or, when `noneLabel` is given, say explicitly that there is
   * none (value: NO_DATASET). Nothing is picked for the user: the step waits for a choice. `offer` says, for
   * every other loaded file, whether it is offered and why; without it every other file is offered.
   */
  | { kind: 'pick-dataset'; label: string; noneLabel?: string; offer?: (ctx: MeshContext) => DatasetOffer[]; filter?: (ctx: MeshContext) => string[] }
  /** Produce and save the artefact. */
  | { kind: 'artefact'; label: string };

/** Value of a pick-dataset answer that says "no such file" on purpose. */
export const NO_DATASET = '(none)';

/** One loaded file in a pick-dataset step: offered or not, and why, in the user's words. */
export interface DatasetOffer {
  name: string;
  offered: boolean;
  reason: string;
}

export interface WalkthroughStep {
  id: string;
  title: string;
  /** Plain language with {placeholders}; see vars.ts for the names. */
  text: string;
  /** data-testid of the UI element to highlight while this step is shown. */
  highlight?: string;
  action: StepAction;
  /** Glossary terms this step introduces. */
  terms?: GlossaryTermId[];
  /**
   * The suggested answer, prefilled in the UI and used by tests that run every walkthrough to the end.
   * Never a made-up owner or a file the user did not pick.
   */
  suggest?: (ctx: MeshContext, answers: Answers) => Answer;
  /**
   * The data product field this step's answer is written to. The step shows the product's current value
   * (e.g. the owner named in another walkthrough) instead of its suggestion.
   */
  writes?: ProductField;
}

export interface Artefact {
  kind: 'dataset-profile' | 'ownership-matrix' | 'data-product' | 'check-pack' | 'policy-report' | 'attribution-report';
  title: string;
  /** Human summary, Markdown. */
  markdown: string;
  /** The file the user can save. */
  fileName: string;
  mime: string;
  content: string;
  /** The structured value, for the UI. */
  data: unknown;
}

export interface Walkthrough {
  id: string;
  title: string;
  /** Which data-mesh principle it teaches, in one line. */
  principle: string;
  summary: string;
  steps: WalkthroughStep[];
  /** Extra placeholders this walkthrough's text uses, computed from the context and the answers so far. */
  vars?: (ctx: MeshContext, answers: Answers) => Record<string, string>;
  artefact: (ctx: MeshContext, answers: Answers) => Artefact;
}

/** Saved progress: JSON-serialisable, stored in the workspace. */
export interface WalkthroughProgress {
  walkthroughId: string;
  /** Dataset (file name) the walkthrough runs on. */
  dataset: string;
  step: number;
  answers: Answers;
  completed: boolean;
  updatedAt: string;
}

export const asString = (a: Answer | undefined, fallback = ''): string => (typeof a === 'string' ? a : fallback);
export const asList = (a: Answer | undefined): string[] => (Array.isArray(a) ? a : typeof a === 'string' && a ? [a] : []);
export const asMap = (a: Answer | undefined): Record<string, string> => (a && typeof a === 'object' && !Array.isArray(a) ? a : {});
export const isDomain = (v: string): v is DomainId => ['marketing', 'sales', 'product', 'data-platform'].includes(v);
