import { DOMAIN_LABELS } from '../roles';
import { buildOwnershipMatrix, DOMAINS, ownershipMarkdown, suggestDomain } from '../ownership';
import { findingKey } from '../types';
import type { Walkthrough } from './model';
import { asMap, asString, isDomain } from './model';

export const domainOwnership: Walkthrough = {
  id: 'domain-ownership',
  title: 'Domain ownership',
  principle: 'The team that produces data owns it and fixes it at the source.',
  summary: 'Assign the producing domain and an owner, then route every finding to the domain that should fix it.',
  vars: (ctx) => ({
    producerSentence: ctx.active.platform
      ? `${ctx.active.name} is an export from ${ctx.active.platform}. The people who run ${ctx.active.platform} decide its campaign names, settings and tracking, so they produce this data.`
      : `${ctx.active.name} comes from a tool MeshLens does not recognise. Whoever runs that tool decides what goes into it, so they produce this data.`,
    ownerNote: ctx.product?.owner ? `So far the owner is ${ctx.product.owner}.` : 'No owner has been named yet.',
  }),
  steps: [
    {
      id: 'producer',
      title: 'Who produces this data',
      text: '{producerSentence} Suggested domain: {domain}.',
      terms: ['domain', 'data_mesh'],
      action: { kind: 'choose', label: 'Producing domain', options: () => DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] })) },
      writes: 'domain',
      suggest: (ctx) => ctx.active.domain,
    },
    {
      id: 'owner',
      title: 'Name an owner',
      text: 'An owner is one named person or team who answers for this dataset. Without one, {findingCountVerb} nobody’s job. {ownerNote}',
      terms: ['owner'],
      action: { kind: 'input', label: 'Owner (person or team)', placeholder: 'e.g. Jana Roth (paid search)' },
      writes: 'owner',
    },
    {
      id: 'route',
      title: 'Route the findings',
      text: 'The checks found {findings}. The top one: {topFinding}. For each finding, pick the domain that can fix it where the data is made.',
      highlight: 'findings-list',
      action: { kind: 'route-findings', label: 'Domain that fixes it' },
      suggest: (ctx, a) => {
        const producer = asString(a.producer, ctx.active.domain);
        const p = isDomain(producer) ? producer : ctx.active.domain;
        return Object.fromEntries(ctx.active.findings.map((f) => [findingKey(f), suggestDomain(f, p)]));
      },
    },
    {
      id: 'why',
      title: 'Why the producer fixes it',
      text: 'A central data team can clean a copy, but the next export arrives with the same problems, and only the producer knows whether a blank campaign is a mistake or a paused test. Fixing at the source fixes it for every consumer at once.',
      terms: ['consumer'],
      action: { kind: 'read' },
    },
    {
      id: 'done',
      title: 'Your ownership matrix',
      text: 'Save the ownership matrix: {findingCount} × 4 domains, with who fixes and who is informed.',
      action: { kind: 'artefact', label: 'Save ownership matrix' },
    },
  ],
  artefact: (ctx, a) => {
    const producer = ctx.product?.domain || asString(a.producer, ctx.active.domain);
    const m = buildOwnershipMatrix(ctx.active, isDomain(producer) ? producer : ctx.active.domain, ctx.product?.owner ?? '', asMap(a.route));
    const markdown = ownershipMarkdown(m);
    return { kind: 'ownership-matrix', title: `Ownership of ${ctx.active.name}`, markdown, fileName: `${ctx.active.name}.ownership.md`, mime: 'text/markdown', content: markdown, data: m };
  },
};
