import { attributionMarkdown, buildAttribution, claimants, truthCandidates } from '../attribution';
import type { Walkthrough } from './model';
import { asString } from './model';
import { n } from './vars';

export const honestAttribution: Walkthrough = {
  id: 'honest-attribution',
  title: 'Honest attribution',
  principle: 'Numbers that cross domains are checked against the domain that owns the truth.',
  summary: 'Add up the conversions each platform claims and compare them with won deals in the CRM.',
  vars: (ctx, a) => {
    const r = buildAttribution(ctx.datasets, asString(a.truth) || null);
    return {
      claimList: r.claims.length ? r.claims.map((c) => `${c.platform} claims ${n(c.claimed)} (${c.column}, ${c.period})`).join('; ') : 'no loaded file has a conversions column',
      claimedTotal: n(r.claimedTotal),
      truthName: r.sourceOfTruth ?? 'no source of truth',
      truthTotal: r.truthTotal === null ? 'unknown' : n(r.truthTotal),
      verdict:
        r.overClaimRatio === null
          ? 'Without a source of truth the claims cannot be checked. Load the CRM or orders file and pick it.'
          : r.overClaimRatio > 1
            ? `The platforms together claim ${n(r.claimedTotal)}, which is ${r.overClaimRatio}× the ${n(r.truthTotal!)} deals actually won.`
            : `The platforms claim ${n(r.claimedTotal)} against ${n(r.truthTotal!)} won deals: no over-claiming in total.`,
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
      text: 'The source of truth is the system the business trusts for sales: the CRM (won deals) or the orders file. Pick it.',
      terms: ['source_of_truth'],
      action: { kind: 'pick-dataset', label: 'Source of truth', filter: (ctx) => truthCandidates(ctx.datasets).map((d) => d.name) },
      suggest: (ctx) => truthCandidates(ctx.datasets)[0]?.name ?? '',
    },
    {
      id: 'claims',
      title: 'What the platforms claim',
      text: 'Files with conversions in the same period as {truthName}: {claimList}. Total claimed: {claimedTotal}.',
      action: { kind: 'read' },
    },
    {
      id: 'compare',
      title: 'Claims against the truth',
      text: '{truthName} records {truthTotal} won deals. {verdict}',
      highlight: 'attribution-table',
      action: { kind: 'read' },
    },
    {
      id: 'budget',
      title: 'What it means for budget',
      text: 'If budget follows the platforms’ own numbers, the platform that counts most generously wins money it may not have earned. Agree one source of truth, and treat platform conversions as signals, not sales.',
      action: { kind: 'read' },
    },
    {
      id: 'done',
      title: 'Your attribution report',
      text: 'Save the comparison of {claimedTotal} claimed conversions with {truthTotal} won deals.',
      action: { kind: 'artefact', label: 'Save attribution report' },
    },
  ],
  artefact: (ctx, a) => {
    const r = buildAttribution(ctx.datasets, asString(a.truth) || null);
    const markdown = attributionMarkdown(r);
    return { kind: 'attribution-report', title: 'Honest attribution', markdown, fileName: 'attribution.md', mime: 'text/markdown', content: markdown, data: { ...r, claimantCount: claimants(ctx.datasets).length } };
  },
};
