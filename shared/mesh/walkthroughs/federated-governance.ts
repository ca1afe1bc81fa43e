import { DEFAULT_POLICIES, evaluatePolicies, policyMarkdown } from '../policies';
import type { Walkthrough } from './model';
import { asList, asString } from './model';

const chosen = (ids: string[]) => (ids.length ? ids : DEFAULT_POLICIES.map((p) => p.id));

export const federatedGovernance: Walkthrough = {
  id: 'federated-governance',
  title: 'Federated governance',
  principle: 'A few organisation-wide rules, agreed together and applied by every domain to its own data.',
  summary: 'Pick an organisation-wide policy pack and see which policies this dataset breaks.',
  vars: (ctx, a) => {
    const r = evaluatePolicies(ctx.active, chosen(asList(a.policies)), { owner: asString(a.owner) || undefined });
    const broken = r.results.filter((x) => x.result.status === 'fail');
    return {
      policyCount: String(r.results.length),
      brokenCount: String(r.broken),
      brokenList: broken.map((x) => `${x.title}: ${x.result.detail}`).join(' ') || 'none: this dataset keeps every policy',
    };
  },
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
      title: 'Choose the policy pack',
      text: 'Pick the policies your organisation agrees on. Each one is written so MeshLens can check it automatically.',
      terms: ['pii'],
      action: { kind: 'multi', label: 'Policies', options: () => DEFAULT_POLICIES.map((p) => ({ value: p.id, label: p.title })) },
      suggest: () => DEFAULT_POLICIES.map((p) => p.id),
    },
    {
      id: 'owner',
      title: 'Who owns this dataset?',
      text: 'One policy asks for a named owner. Who owns {name}?',
      action: { kind: 'input', label: 'Owner' },
      suggest: (ctx) => `${ctx.active.domain}-lead`,
    },
    {
      id: 'result',
      title: 'What this dataset breaks',
      text: '{name} breaks {brokenCount} of {policyCount} policies. {brokenList}',
      highlight: 'policy-results',
      action: { kind: 'read' },
    },
    {
      id: 'done',
      title: 'Your policy report',
      text: 'Save the policy report. The producing domain fixes what it breaks; the rules stay the same for everyone.',
      action: { kind: 'artefact', label: 'Save policy report' },
    },
  ],
  artefact: (ctx, a) => {
    const r = evaluatePolicies(ctx.active, chosen(asList(a.policies)), { owner: asString(a.owner) || undefined });
    const markdown = policyMarkdown(r);
    return { kind: 'policy-report', title: `Policies for ${ctx.active.name}`, markdown, fileName: `${ctx.active.name}.policies.md`, mime: 'text/markdown', content: markdown, data: r };
  },
};
