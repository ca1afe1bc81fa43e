import { compareToPack, comparisonMarkdown, makeCheckPack } from '../check-pack';
import { suggestProduct } from '../product';
import type { MeshContext } from '../types';
import type { Answers, Walkthrough } from './model';
import { asString } from './model';
import { n } from './vars';

function second(ctx: MeshContext, a: Answers) {
  const name = asString(a.second);
  return name ? (ctx.datasets.find((d) => d.name === name && d.name !== ctx.active.name) ?? null) : null;
}

function pack(ctx: MeshContext, a: Answers) {
  return makeCheckPack(ctx.active, suggestProduct(ctx.active).objectives, asString(a.packName) || `${ctx.active.platform ?? 'Dataset'} checks`);
}

export const selfServePlatform: Walkthrough = {
  id: 'self-serve-platform',
  title: 'Self-serve platform',
  principle: 'Shared tools let every domain check its own data in one step, without waiting for a central team.',
  summary: 'Save today’s checks as a reusable pack, then rerun it on a second file and compare.',
  vars: (ctx, a) => {
    const other = second(ctx, a);
    if (!other) return { comparison: 'No second file was chosen. Load next month’s export, then come back: the pack is saved either way.', secondName: 'no second file' };
    const c = compareToPack(pack(ctx, a), other);
    const labels = Object.values(c.newLabels).reduce((s, l) => s + l.length, 0);
    return {
      secondName: other.name,
      comparison: `${other.name} has ${c.schema.added.length} new and ${c.schema.removed.length} removed columns, ${n(c.volume.before)} → ${n(c.volume.after)} rows, ${labels} new labels, ${c.newFindings.length} new and ${c.resolvedFindings.length} resolved findings.`,
    };
  },
  steps: [
    {
      id: 'intro',
      title: 'Checks anyone can rerun',
      text: 'Today you checked {name} by hand: {findings}. A self-serve platform turns that into something the marketing team can rerun on every new export, alone, in one click.',
      terms: ['self_serve_platform'],
      action: { kind: 'read' },
    },
    {
      id: 'packName',
      title: 'Save a check pack',
      text: 'A check pack remembers today’s columns, row count ({rows}), labels and findings, plus the quality objectives. Name it after the export it is for.',
      terms: ['check_pack'],
      highlight: 'save-check-pack',
      action: { kind: 'input', label: 'Check pack name' },
      suggest: (ctx) => `${ctx.active.platform ?? 'Dataset'} monthly checks`,
    },
    {
      id: 'second',
      title: 'Load a second file',
      text: 'Pick next month’s export (or any second file of the same kind). {otherDatasets} other file(s) are loaded.',
      highlight: 'step-choice',
      action: { kind: 'pick-dataset', label: 'File to compare' },
      suggest: (ctx) => {
        const others = ctx.datasets.filter((d) => d.name !== ctx.active.name);
        return (others.find((d) => d.platform === ctx.active.platform && d.platform !== null) ?? others[0])?.name ?? '';
      },
    },
    {
      id: 'compare',
      title: 'What changed',
      text: '{comparison}',
      terms: ['breaking_change'],
      action: { kind: 'read' },
    },
    {
      id: 'done',
      title: 'Your check pack',
      text: 'Save the check pack (JSON) so anyone in the domain can rerun it on {secondName} and every file after it.',
      action: { kind: 'artefact', label: 'Save check pack' },
    },
  ],
  artefact: (ctx, a) => {
    const p = pack(ctx, a);
    const other = second(ctx, a);
    const comparison = other ? compareToPack(p, other) : null;
    const markdown = comparison ? comparisonMarkdown(comparison) : `# Check pack "${p.name}"\n\nSaved from ${p.createdFrom}; no second file compared yet.\n`;
    return { kind: 'check-pack', title: p.name, markdown, fileName: `${p.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.checkpack.json`, mime: 'application/json', content: JSON.stringify(p, null, 2) + '\n', data: { pack: p, comparison } };
  },
};
