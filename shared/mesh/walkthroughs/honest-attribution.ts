/**
 * Honest attribution, built on the reconciliation (shared/reconcile): the user picks the source of truth
 * explicitly (and hears why the other files cannot be one), periods are aligned before anything is added up,
 * each number is explained in plain words, and it ends in the attribution report. The runs are computed once
 * per possible source of truth (MeshContext.attribution); this file only reads them.
 */
import { fmt } from '../../reconcile/catalogue';
import { MODEL_LABELS } from '../../reconcile/attribution-models';
import { reportMarkdown } from '../../reconcile/render';
import type { AttributionRun } from '../../reconcile/run';
import type { MeshContext } from '../types';
import type { Answers, DatasetOffer, Walkthrough } from './model';
import { asString, NO_DATASET } from './model';

const NOT_RUN = 'The files have not been reconciled yet (open the Reconcile screen, or wait while it reads them).';

/** The run for the truth the user picked ('' or "none": the run without a source of truth). */
export function attributionRunFor(ctx: MeshContext, answers: Answers): AttributionRun | undefined {
  const truth = asString(answers.truth);
  const runs = ctx.attribution;
  if (!runs) return undefined;
  return (truth && truth !== NO_DATASET ? runs.byTruth[truth] : undefined) ?? runs.byTruth[''];
}

/** Every reconciled file, offered as the source of truth or not, with the reason the reconciliation gives. */
function truthOffers(ctx: MeshContext): DatasetOffer[] {
  return ctx.attribution?.offers ?? [];
}

function truthWords(ctx: MeshContext): string {
  const runs = ctx.attribution;
  if (!runs) return NOT_RUN;
  return runs.candidates.length
    ? 'Pick it; each file below says why it is or is not offered.'
    : 'None of the open files can be the source of truth (each says why below): open the CRM export with deal stages, or an orders file.';
}

function periodWords(run: AttributionRun | undefined): string {
  if (!run) return NOT_RUN;
  const oc = run.reconcile.overclaim;
  const outside = run.notes.filter((n) => /does not overlap|only .* is compared|fall outside|different periods/.test(n));
  const compared = oc
    ? `Claims and the source of truth are compared from ${oc.period.start} to ${oc.period.end}, the days they all cover.`
    : run.reconcile.alignment.overlap
      ? `The files all cover ${run.reconcile.alignment.overlap.start} to ${run.reconcile.alignment.overlap.end}.`
      : 'The files do not share a common period.';
  return `${compared} ${outside.length ? outside.join(' ') : 'Nothing fell outside.'} Different periods are never added together.`;
}

function claimWords(run: AttributionRun | undefined): string {
  const oc = run?.reconcile.overclaim;
  if (!run) return NOT_RUN;
  if (!oc) return 'With no source of truth picked, the claims are not added up: a sum of claims means nothing without the period and the truth beside it.';
  return `${oc.claims.map((c) => `${c.label} claims ${fmt(c.claimed, 2)} (${c.column})`).join('; ')}. Together: ${fmt(oc.claimedTotal, 2)}.`;
}

function verdictWords(run: AttributionRun | undefined): string {
  const oc = run?.reconcile.overclaim;
  if (!run) return NOT_RUN;
  if (!oc) return 'Without a source of truth the claims cannot be checked. Go back and pick the CRM or orders file.';
  const unit = oc.truth.kind === 'orders' ? 'order' : 'deal';
  const base = `${oc.truth.name} records ${fmt(oc.truth.total)} ${oc.truth.kind} in the same days.`;
  if (oc.ratio === null) return `${base} With nothing recorded, no ratio can be given.`;
  const channels = oc.claims
    .filter((c) => c.truthForChannel !== null)
    .map((c) => `${c.label} claims ${fmt(c.claimed, 2)} where the CRM credits it with ${fmt(c.truthForChannel!)}`)
    .join('; ');
  return oc.ratio > 1
    ? `${base} The platforms claim ${oc.ratio.toFixed(2)} for every ${unit} that really happened, because each counts every buyer it touched.${channels ? ` By channel: ${channels}.` : ''}`
    : `${base} The platforms claim no more than happened.`;
}

function liftWords(run: AttributionRun | undefined): string {
  if (!run) return NOT_RUN;
  const l = run.lift;
  if (!l) return 'No test file is open. A geo holdout or a paused-channel test (a daily file with test and control groups) shows what the ads added, beyond what would have happened anyway.';
  return `${l.sentence}${l.otherClaim ? ` ${l.otherClaim}` : ''} In plain words: before the test (${l.estimate.preDays} days) the test group had ${fmt(l.estimate.preGap, 2)} more ${l.columns.conversions} a day than control; during the test (${l.estimate.testDays} days) ${fmt(l.estimate.testGap, 2)} more. The gap grew by ${fmt(l.estimate.dailyEffect, 2)} a day: that growth is what the ads caused. The range is where the true number lies with 95% confidence.`;
}

function modelWords(run: AttributionRun | undefined): string {
  if (!run) return NOT_RUN;
  const s = run.sandbox;
  if (!s) return 'No conversion-path export is open. With one (GA4 "Conversion paths"), each channel’s credit is shown under last click, first click, linear, time decay, position-based and a data-driven model, so the model choice is visible before it is locked into a dashboard.';
  const moves = s.result.channels
    .map((c) => {
      const best = (Object.entries(c.changeVsLastClick) as [keyof typeof MODEL_LABELS, number][]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0]!;
      return `${c.channel} ${best[1] >= 0 ? 'gains' : 'loses'} ${fmt(Math.abs(best[1]), 2)} under ${MODEL_LABELS[best[0]]}`;
    })
    .join('; ');
  return `${s.file}: against last click, ${moves}.`;
}

export const honestAttribution: Walkthrough = {
  id: 'honest-attribution',
  title: 'Honest attribution',
  principle: 'Numbers that cross domains are checked against the domain that owns the truth.',
  summary: 'Pick the source of truth, align the periods, compare what the platforms claim with what happened, and see what a test says the ads caused.',
  vars: (ctx, a) => {
    const run = attributionRunFor(ctx, a);
    return {
      truthWhy: truthWords(ctx),
      periodText: periodWords(run),
      claimText: claimWords(run),
      verdict: verdictWords(run),
      liftText: liftWords(run),
      modelText: modelWords(run),
      findingCount: run ? fmt(run.reconcile.findings.length) : '0',
    };
  },
  steps: [
    {
      id: 'intro',
      title: 'Every platform counts for itself',
      text: 'Each ad platform decides which sales it caused, with its own rules and time windows. A buyer who clicked a Google ad and saw a Meta ad is counted by both.',
      terms: ['attribution'],
      action: { kind: 'read' },
    },
    {
      id: 'truth',
      title: 'Pick the source of truth',
      text: 'The source of truth is the system the business trusts for sales: the CRM (won deals) or the orders file. {truthWhy}',
      terms: ['source_of_truth'],
      action: { kind: 'pick-dataset', label: 'Source of truth', noneLabel: 'No source of truth loaded', offer: truthOffers },
    },
    {
      id: 'period',
      title: 'Align the periods first',
      text: '{periodText}',
      action: { kind: 'read' },
    },
    {
      id: 'claims',
      title: 'What the platforms claim',
      text: '{claimText}',
      action: { kind: 'read' },
    },
    {
      id: 'compare',
      title: 'Claims against the truth',
      text: '{verdict}',
      highlight: 'attribution-table',
      action: { kind: 'read' },
    },
    {
      id: 'lift',
      title: 'What the ads really caused',
      text: '{liftText}',
      action: { kind: 'read' },
    },
    {
      id: 'models',
      title: 'What a model choice does',
      text: '{modelText}',
      action: { kind: 'read' },
    },
    {
      id: 'budget',
      title: 'What it means for budget',
      text: 'If budget follows the platforms’ own numbers, the platform that counts most generously wins money it may not have earned. Agree one source of truth, treat platform conversions as signals, and fund tests that measure what the ads add.',
      action: { kind: 'read' },
    },
    {
      id: 'done',
      title: 'Your attribution report',
      text: 'Save the attribution report: the sources and their period, the claims against the truth, the test, the models and {findingCount} findings.',
      action: { kind: 'artefact', label: 'Save attribution report' },
    },
  ],
  artefact: (ctx, a) => {
    const run = attributionRunFor(ctx, a);
    const markdown = run ? reportMarkdown(run) : `# Attribution report\n\n${NOT_RUN}\n`;
    return {
      kind: 'attribution-report',
      title: 'Honest attribution',
      markdown,
      fileName: 'attribution-report.md',
      mime: 'text/markdown',
      content: markdown,
      data: run ? { overclaim: run.reconcile.overclaim, lift: run.lift, findings: run.reconcile.findings, notes: run.notes } : null,
    };
  },
};
