import { compareToPack, comparisonMarkdown, makeCheckPack } from '../check-pack';
import { productOf } from '../product-state';
import type { MeshContext } from '../types';
import type { Answers, DatasetOffer, Walkthrough } from './model';
import { asString, NO_DATASET } from './model';
import { n, plural } from './vars';

function second(ctx: MeshContext, a: Answers) {
  const name = asString(a.second);
  return name && name !== NO_DATASET ? (ctx.datasets.find((d) => d.name === name && d.name !== ctx.active.name) ?? null) : null;
}

function pack(ctx: MeshContext, a: Answers) {
  return makeCheckPack(ctx.active, productOf(ctx.active, ctx.product).objectives, asString(a.packName) || `${ctx.active.platform ?? 'Dataset'} checks`);
}

/** A second file is offered when it is the same kind of export; the others are listed with the reason. */
export function secondFileOffers(ctx: MeshContext): DatasetOffer[] {
  const platform = ctx.active.platform;
  return ctx.datasets
    .filter((d) => d.name !== ctx.active.name)
    .map((d) => {
      if (platform && d.platform === platform) return { name: d.name, offered: true, reason: `also a ${platform} export` };
      if (platform && d.platform) return { name: d.name, offered: false, reason: `a ${d.platform} export, not ${platform}: comparing them would report every column as changed` };
      if (platform) return { name: d.name, offered: false, reason: `not recognisably a ${platform} export` };
      const shared = d.columns.filter((c) => ctx.active.columns.some((x) => x.name === c.name)).length;
      return shared * 2 >= ctx.active.columns.length
        ? { name: d.name, offered: true, reason: `shares ${shared} of ${ctx.active.columns.length} column names` }
        : { name: d.name, offered: false, reason: `shares only ${shared} of ${ctx.active.columns.length} column names` };
    });
}

export const selfServePlatform: Walkthrough = {
  id: 'self-serve-platform',
  title: 'Self-serve platform',
  principle: 'Shared tools let every domain check its own data in one step, without waiting for a central team.',
  summary: 'Save today’s checks as a reusable pack, then rerun it on a second file and compare.',
  vars: (ctx, a) => {
    const other = second(ctx, a);
    if (!other)
      return {
        comparison: 'No second file was chosen. Load next month’s export, then come back: the pack is saved either way.',
        rerunSentence: 'Save the check pack (JSON) so anyone in the domain can rerun it on next month’s export and every file after it.',
      };
    const c = compareToPack(pack(ctx, a), other);
    const labels = Object.values(c.newLabels).reduce((s, l) => s + l.length, 0);
    return {
      rerunSentence: `Save the check pack (JSON) so anyone in the domain can rerun it on ${other.name} and every file after it.`,
      comparison: `${other.name} has ${n(c.schema.added.length)} new and ${n(c.schema.removed.length)} removed ${c.schema.removed.length === 1 ? 'column' : 'columns'}, ${n(c.volume.before)} → ${n(c.volume.after)} rows, ${plural(labels, 'new label')}, ${n(c.newFindings.length)} new and ${n(c.resolvedFindings.length)} resolved ${c.resolvedFindings.length === 1 ? 'finding' : 'findings'}.`,
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
      text: 'Pick next month’s export (or any second file of the same kind). Only files of the same kind are offered; the list below says why each other file is or is not.',
      highlight: 'step-choice',
      action: { kind: 'pick-dataset', label: 'File to compare', noneLabel: 'No second file yet: compare later', offer: secondFileOffers },
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
      text: '{rerunSentence}',
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
