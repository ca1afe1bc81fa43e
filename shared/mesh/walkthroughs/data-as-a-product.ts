import { exportContractYaml } from '../odcs';
import { suggestProduct } from '../product';
import type { DataProduct } from '../product';
import { candidateRules } from '../candidate-rules';
import { productOf } from '../product-state';
import type { MeshContext } from '../types';
import type { Walkthrough } from './model';
import { n, periodSentence, plural } from './vars';

/** The dataset's one data product, as the user decided it so far (the store's, saved in the workspace). */
export function productFromContext(ctx: MeshContext): DataProduct {
  return productOf(ctx.active, ctx.product);
}

const CONSUMERS = ['CMO dashboard', 'Finance (spend reconciliation)', 'Sales pipeline review', 'Product analytics', 'Agency reporting'];

function requiredSentence(p: DataProduct): string {
  const required = p.columns.filter((c) => c.required).map((c) => c.name);
  if (!required.length) return 'No column is filled in every row today, so none is marked required.';
  if (required.length === p.columns.length) return `Every column is filled in every row today, so all ${n(required.length)} are marked required.`;
  return `${required.length === 1 ? 'One column is' : `${n(required.length)} of ${n(p.columns.length)} columns are`} filled in every row today and marked required: ${required.join(', ')}.`;
}

function freshnessSentence(p: DataProduct): string {
  const f = p.freshness;
  if (!f.coverageEnd) return 'Without dates there is nothing to base a freshness promise on, so the contract makes none.';
  if (!f.accepted) {
    return `A freshness promise is only suggested, not made: refreshed every ${plural(f.frequencyDays, 'day')}, at most ${plural(f.latencyDays, 'day')} behind (${f.basis ?? `today’s file ends on ${f.coverageEnd}`}). The contract carries it only once you accept it on the Data product screen.`;
  }
  return `From that, a freshness promise: refreshed every ${plural(f.frequencyDays, 'day')}, at most ${plural(f.latencyDays, 'day')} behind; today’s file ends on ${f.coverageEnd}.`;
}

function rulesSentence(ctx: MeshContext): string {
  const all = candidateRules(ctx.active);
  if (!all.length) return 'Today’s file gives MeshLens nothing to base a contract rule on, so the card has none yet.';
  const kept = all.filter((c) => c.suggested).length;
  const findings = all.length - kept;
  const ticked = kept ? `${plural(kept, 'rule')} that today’s file already keeps ${kept === 1 ? 'is' : 'are'} ticked` : 'no rule is ticked';
  const offered = findings ? `; ${plural(findings, 'finding')} from today’s checks ${findings === 1 ? 'is' : 'are'} offered unticked: tick one only once it is confirmed and fixed at the source` : '';
  return `Today’s file suggests ${plural(all.length, 'contract rule')}. Keep the ones you will promise: ${ticked}${offered}.`;
}

export const dataAsAProduct: Walkthrough = {
  id: 'data-as-a-product',
  title: 'Data as a product',
  principle: 'Data shared on purpose has a name, an owner, promises and known users, like any product.',
  summary: 'Turn this export into a data product card and a data contract you can run on next month’s file.',
  vars: (ctx) => {
    const p = productFromContext(ctx);
    return {
      productLabel: p.name ? `"${p.name}"` : 'the product (it has no name yet)',
      requiredSentence: requiredSentence(p),
      objectivesSentence: rulesSentence(ctx),
      periodSentence: periodSentence(ctx.active),
      freshnessSentence: freshnessSentence(p),
    };
  },
  steps: [
    {
      id: 'name',
      title: 'Name the product',
      text: 'A data product is a dataset shared on purpose. Give {name} a name its consumers will recognise.',
      terms: ['data_product'],
      action: { kind: 'input', label: 'Product name' },
      writes: 'name',
      suggest: (ctx) => suggestProduct(ctx.active).name,
    },
    {
      id: 'owner',
      title: 'Owner',
      text: 'Who answers for it? Name a person or a team; this goes into the contract’s team section. Without an owner the product fails the named-owner policy.',
      terms: ['owner'],
      action: { kind: 'input', label: 'Owner', placeholder: 'e.g. Maria (sales ops)' },
      writes: 'owner',
    },
    {
      id: 'schema',
      title: 'Schema with meanings',
      text: 'The card lists every column with its meaning and type. {requiredSentence} The grain is {grain}.',
      highlight: 'product-schema',
      terms: ['grain'],
      action: { kind: 'read' },
    },
    {
      id: 'objectives',
      title: 'Quality objectives from today’s results',
      text: '{objectivesSentence}',
      highlight: 'product-objectives',
      terms: ['sli', 'slo'],
      action: { kind: 'multi', label: 'Rules to keep', options: (ctx) => candidateRules(ctx.active).map((c) => ({ value: c.objective.id, label: c.objective.title })) },
      writes: 'rules',
      suggest: (ctx) => candidateRules(ctx.active).filter((c) => c.suggested).map((c) => c.objective.id),
    },
    {
      id: 'freshness',
      title: 'Freshness promise',
      text: '{periodSentence} {freshnessSentence}',
      terms: ['sla', 'freshness'],
      action: { kind: 'read' },
    },
    {
      id: 'consumers',
      title: 'Known consumers',
      text: 'Who uses it? Consumers are who the owner warns before a breaking change.',
      terms: ['consumer', 'breaking_change'],
      action: { kind: 'multi', label: 'Consumers', options: () => CONSUMERS.map((c) => ({ value: c, label: c })) },
      writes: 'consumers',
    },
    {
      id: 'done',
      title: 'Your data contract',
      text: 'Export {productLabel} as an Open Data Contract Standard file. Run it on next month’s export to see whether the promises still hold.',
      terms: ['contract'],
      action: { kind: 'artefact', label: 'Export .odcs.yaml' },
    },
  ],
  artefact: (ctx) => {
    const p = productFromContext(ctx);
    const content = exportContractYaml(p);
    const consumers = p.consumers.length ? p.consumers.join(', ') : 'none named yet';
    const markdown = [
      `# ${p.name || 'Unnamed data product'}`,
      '',
      `Owner: ${p.owner || 'missing (nobody has been named)'}. Consumers: ${consumers}. ${p.grain}.`,
      '',
      ...p.objectives.map((o) => `- ${o.title}`),
      '',
    ].join('\n');
    return { kind: 'data-product', title: p.name || 'Unnamed data product', markdown, fileName: `${p.id}.odcs.yaml`, mime: 'application/yaml', content, data: p };
  },
};
