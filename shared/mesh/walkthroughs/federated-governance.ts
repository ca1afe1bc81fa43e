import type { PolicyEvidence } from '../policies';
import { evaluatePolicyPack, policyMarkdown, policySummary } from '../policy-eval';
import type { PolicyReport } from '../policy-eval';
import { productOf } from '../product-state';
import type { MeshContext } from '../types';
import type { Walkthrough } from './model';

/**
 * What governance judges: the active dataset and its one data product, as the user decided it (the owner
 * named here, in another walkthrough or on the Data product screen). No product decided: no product.
 */
function evidence(ctx: MeshContext): PolicyEvidence {
  return { facts: ctx.active, product: ctx.product ? productOf(ctx.active, ctx.product) : null };
}

/**
 * The policy report: exactly the pack's policies this product is held to (the ones ticked in this walkthrough,
 * stored on the product; none ticked, none evaluated). The step visual and the artefact both call this.
 */
export function governanceReport(ctx: MeshContext): PolicyReport {
  const pack = ctx.policyPack ?? { format: 'meshlens-policy-pack', version: 1, name: 'no policy pack', policies: [] };
  return evaluatePolicyPack(pack, evidence(ctx), ctx.product?.policies ?? []);
}

export const federatedGovernance: Walkthrough = {
  id: 'federated-governance',
  title: 'Federated governance',
  principle: 'A few organisation-wide rules, agreed together and applied by every domain to its own data.',
  summary: 'Pick policies from the organisation’s policy pack and see which ones this dataset passes and fails.',
  vars: (ctx) => ({
    policyPackName: ctx.policyPack?.name ?? 'no policy pack',
    policySummary: policySummary(governanceReport(ctx)),
    ownerQuestion: ctx.product?.owner?.trim()
      ? `The data product already names ${ctx.product.owner.trim()} as its owner; change it here if that is wrong.`
      : `Nobody has been named yet. Who owns ${ctx.active.name}? Leave it empty if nobody does yet.`,
  }),
  steps: [
    {
      id: 'intro',
      title: 'Rules everyone shares',
      text: 'Each domain owns its data, but some rules must hold everywhere: personal data, naming, required fields. Federated means the domains decide them together and each applies them to its own data.',
      terms: ['federated_governance', 'policy'],
      action: { kind: 'read' },
    },
    {
      id: 'policies',
      title: 'Choose from the policy pack',
      text: 'Pick the policies of “{policyPackName}” your organisation agrees on. Each one names the check or rule that proves it. Only the policies you tick are evaluated.',
      terms: ['pii'],
      action: { kind: 'multi', label: 'Policies', options: (ctx) => (ctx.policyPack?.policies ?? []).map((p) => ({ value: p.id, label: p.statement })) },
      writes: 'policies',
      suggest: (ctx) => (ctx.policyPack?.policies ?? []).map((p) => p.id),
    },
    {
      id: 'owner',
      title: 'Who owns this dataset?',
      text: 'One policy asks for a named owner. {ownerQuestion}',
      action: { kind: 'input', label: 'Owner', placeholder: 'e.g. Maria (sales ops)' },
      writes: 'owner',
    },
    {
      id: 'result',
      title: 'What this dataset passes and fails',
      text: '{policySummary}',
      highlight: 'policy-results',
      action: { kind: 'read' },
    },
    {
      id: 'done',
      title: 'Your policy report',
      text: 'Save the policy report. The producing domain fixes what fails; the rules stay the same for everyone.',
      action: { kind: 'artefact', label: 'Save policy report' },
    },
  ],
  artefact: (ctx) => {
    const r = governanceReport(ctx);
    const markdown = policyMarkdown(r);
    return { kind: 'policy-report', title: `Policies for ${ctx.active.name}`, markdown, fileName: `${ctx.active.name}.policies.md`, mime: 'text/markdown', content: markdown, data: r };
  },
};
