import { exportContractYaml } from '../odcs';
import { suggestProduct } from '../product';
import type { DataProduct } from '../product';
import type { MeshContext } from '../types';
import type { Answers, Walkthrough } from './model';
import { asList, asString } from './model';

export function productFromAnswers(ctx: MeshContext, a: Answers): DataProduct {
  return suggestProduct(ctx.active, {
    name: asString(a.name) || undefined,
    owner: asString(a.owner) || undefined,
    consumers: asList(a.consumers),
  });
}

const CONSUMERS = ['CMO dashboard', 'Finance (spend reconciliation)', 'Sales pipeline review', 'Product analytics', 'Agency reporting'];

export const dataAsAProduct: Walkthrough = {
  id: 'data-as-a-product',
  title: 'Data as a product',
  principle: 'Data shared on purpose has a name, an owner, promises and known users, like any product.',
  summary: 'Turn this export into a data product card and a data contract you can run on next month’s file.',
  vars: (ctx, a) => {
    const p = productFromAnswers(ctx, a);
    return {
      productName: p.name,
      objectiveCount: String(p.objectives.length),
      objectiveList: p.objectives.map((o) => o.title).join('; ') || 'none',
      freshness: p.freshness.coverageEnd
        ? `refreshed every ${p.freshness.frequencyDays} day(s), at most ${p.freshness.latencyDays} day(s) behind; today it ends on ${p.freshness.coverageEnd}`
        : 'no freshness promise: the data has no dates',
    };
  },
  steps: [
    {
      id: 'name',
      title: 'Name the product',
      text: 'A data product is a dataset shared on purpose. Give {name} a name its consumers will recognise.',
      terms: ['data_product'],
      action: { kind: 'input', label: 'Product name' },
      suggest: (ctx) => suggestProduct(ctx.active).name,
    },
    {
      id: 'owner',
      title: 'Owner',
      text: 'Who answers for it? This goes into the contract’s team section.',
      terms: ['owner'],
      action: { kind: 'input', label: 'Owner' },
      suggest: (ctx) => `${ctx.active.domain}-lead`,
    },
    {
      id: 'schema',
      title: 'Schema with meanings',
      text: 'The card lists every column with its meaning and type. Columns filled in every row today are marked required: {columnList}. The grain is {grain}.',
      highlight: 'product-schema',
      terms: ['grain'],
      action: { kind: 'read' },
    },
    {
      id: 'objectives',
      title: 'Quality objectives from today’s results',
      text: 'MeshLens suggests {objectiveCount} objectives that today’s file shows are realistic: {objectiveList}.',
      highlight: 'product-objectives',
      terms: ['sli', 'slo'],
      action: { kind: 'read' },
    },
    {
      id: 'freshness',
      title: 'Freshness promise',
      text: 'The data runs {dateRange}. From that, a freshness promise: {freshness}.',
      terms: ['sla', 'freshness'],
      action: { kind: 'read' },
    },
    {
      id: 'consumers',
      title: 'Known consumers',
      text: 'Who uses it? Consumers are who the owner warns before a breaking change.',
      terms: ['consumer', 'breaking_change'],
      action: { kind: 'multi', label: 'Consumers', options: () => CONSUMERS.map((c) => ({ value: c, label: c })) },
      suggest: (ctx) => (ctx.active.domain === 'marketing' ? ['CMO dashboard', 'Finance (spend reconciliation)'] : ['Sales pipeline review']),
    },
    {
      id: 'done',
      title: 'Your data contract',
      text: 'Export "{productName}" as an Open Data Contract Standard file. Run it on next month’s export to see whether the promises still hold.',
      terms: ['contract'],
      action: { kind: 'artefact', label: 'Export .odcs.yaml' },
    },
  ],
  artefact: (ctx, a) => {
    const p = productFromAnswers(ctx, a);
    const content = exportContractYaml(p);
    const markdown = [`# ${p.name}`, '', `Owner: ${p.owner}. ${p.grain}.`, '', ...p.objectives.map((o) => `- ${o.title}`), ''].join('\n');
    return { kind: 'data-product', title: p.name, markdown, fileName: `${p.id}.odcs.yaml`, mime: 'application/yaml', content, data: p };
  },
};
