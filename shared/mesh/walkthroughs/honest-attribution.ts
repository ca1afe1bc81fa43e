import { attributionMarkdown, buildAttribution, claimants, truthCandidates } from '../attribution';
import type { MeshContext } from '../types';
import type { DatasetOffer, Walkthrough } from './model';
import { asString, NO_DATASET } from './model';
import { n } from './vars';

/** Every other loaded file, offered as the source of truth only when it records won deals. */
function truthOffers(ctx: MeshContext): DatasetOffer[] {
  const candidates = new Set(truthCandidates(ctx.datasets).map((d) => d.name));
  return ctx.datasets
    .filter((d) => d.name !== ctx.active.name || candidates.has(d.name))
    .map((d) =>
      candidates.has(d.name)
        ? { name: d.name, offered: true, reason: 'has a deal stage column, so it records won deals' }
        : { name: d.name, offered: false, reason: 'has no deal stage column, so it cannot say which deals were won' },
    );
}

export const honestAttribution: Walkthrough = {
  id: 'honest-attribution',
  title: 'Honest attribution',
  principle: 'Numbers that cross domains are checked against the domain that owns the truth.',
  summary: 'Add up the conversions each platform claims and compare them with won deals in the CRM.',
  vars: (ctx, a) => {
    const picked = asString(a.truth);
    const r = buildAttribution(ctx.datasets, picked && picked !== NO_DATASET ? picked : null);
    const claims = r.claims.length ? r.claims.map((c) => `${c.platform} claims ${n(c.claimed)} (${c.column}, ${c.period})`).join('; ') : null;
    return {
      claimsSentence: !claims
        ? 'None of the loaded files has a conversions column, so there are no platform claims to check.'
        : r.sourceOfTruth
          ? `Files with conversions in the same period as ${r.sourceOfTruth}: ${claims}. Total claimed: ${n(r.claimedTotal)}.`
          : `Files with conversions: ${claims}. Total claimed: ${n(r.claimedTotal)}.`,
      truthSentence:
        r.sourceOfTruth && r.truthTotal !== null
          ? `${r.sourceOfTruth} records ${n(r.truthTotal)} won deals.`
          : 'No source of truth was picked, so the claims have nothing to be compared with.',
      saveSentence:
        r.truthTotal !== null
          ? `Save the comparison of ${n(r.claimedTotal)} claimed conversions with ${n(r.truthTotal)} won deals.`
          : `Save the ${n(r.claimedTotal)} claimed conversions; pick a source of truth to compare them with won deals.`,
      verdict:
        r.overClaimRatio === null
          ? 'Load the CRM or orders file and pick it to check the claims.'
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
      action: { kind: 'pick-dataset', label: 'Source of truth', noneLabel: 'No source of truth loaded', offer: truthOffers },
    },
    {
      id: 'claims',
      title: 'What the platforms claim',
      text: '{claimsSentence}',
      action: { kind: 'read' },
    },
    {
      id: 'compare',
      title: 'Claims against the truth',
      text: '{truthSentence} {verdict}',
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
      text: '{saveSentence}',
      action: { kind: 'artefact', label: 'Save attribution report' },
    },
  ],
  artefact: (ctx, a) => {
    const picked = asString(a.truth);
    const r = buildAttribution(ctx.datasets, picked && picked !== NO_DATASET ? picked : null);
    const markdown = attributionMarkdown(r);
    return { kind: 'attribution-report', title: 'Honest attribution', markdown, fileName: 'attribution.md', mime: 'text/markdown', content: markdown, data: { ...r, claimantCount: claimants(ctx.datasets).length } };
  },
};
