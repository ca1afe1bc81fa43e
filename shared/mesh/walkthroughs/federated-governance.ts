import type { PolicyEvidence } from '../policies';
import { evaluatePolicyPack, policyMarkdown, policySummary } from '../policy-eval';
import type { PolicyReport } from '../policy-eval';
import type { MeshContext } from '../types';
import type { Answers, Walkthrough } from './model';
import { asList, asString } from './model';

/** What the governance walkthrough judges: the active dataset and the owner the user named. */
function evidence(ctx: MeshContext, a: Answers): PolicyEvidence {
  const owner = asString(a.owner).trim();
  return { facts: ctx.active, product: owner ? { owner, columns: [], objectives: [] } : null };
}

/**
 * The walkthrough's policy report: exactly the policies of the pack the user ticked (none ticked, none
 * evaluated). The step visual and the artefact both call this.
 */
export function governanceReport(ctx: MeshContext, a: Answers): PolicyReport {
  const pack = ctx.policyPack ?? { format: 'meshlens-policy-pack', version: 1, name: 'no policy pack', policies: [] };
  return evaluatePolicyPack(pack, evidence(ctx, a), asList(a.policies));
}

export const federatedGovernance: Walkthrough = {
  id: 'federated-governance',
  title: 'Federated governance',
  principle: 'A few organisation-wide rules, agreed together and applied by every domain to its own data.',
  summary: 'Pick policies from the organisation’s policy pack and see which ones this dataset passes and fails.',
  vars: (ctx, a) => ({ policyPackName: ctx.policyPack?.name ?? 'no policy pack', policySummary: policySummary(governanceReport(ctx, a)) }),
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
      suggest: (ctx) => (ctx.policyPack?.policies ?? []).map((p) => p.id),
    },
    {
      id: 'owner',
      title: 'Who owns this dataset?',
      text: 'One policy asks for a named owner. Who owns {name}? Leave it empty if nobody does yet.',
      action: { kind: 'input', label: 'Owner' },
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
  artefact: (ctx, a) => {
    const r = governanceReport(ctx, a);
    const markdown = policyMarkdown(r);
    return { kind: 'policy-report', title: `Policies for ${ctx.active.name}`, markdown, fileName: `${ctx.active.name}.policies.md`, mime: 'text/markdown', content: markdown, data: r };
  },
};
