import { DOMAIN_LABELS } from '../roles';
import { DOMAINS } from '../ownership';
import type { Walkthrough } from './model';
import { asString } from './model';
import { baseVars } from './vars';

const domainOptions = () => DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }));

export const whatIsThisData: Walkthrough = {
  id: 'what-is-this-data',
  title: 'What is this data?',
  principle: 'Before anyone owns or shares data, they must be able to say what it is.',
  summary: 'Name the platform, the grain, the period and the domain that produced this export.',
  vars: (ctx) => ({
    domainGuess: ctx.active.platform
      ? `An export from ${ctx.active.platform} most likely comes from ${DOMAIN_LABELS[ctx.active.domain]}.`
      : `MeshLens does not recognise the tool; from the columns, the best guess is ${DOMAIN_LABELS[ctx.active.domain]}.`,
  }),
  steps: [
    {
      id: 'source',
      title: 'Where it came from',
      text: '{name} has {rowsPhrase} and {columnsPhrase}. Its headers look like {exportFrom}. MeshLens skipped {skippedPhrase} and removed {summaryPhrase} on import, so what you see is data rows only.',
      highlight: 'dataset-summary',
      terms: ['lineage'],
      action: { kind: 'read' },
    },
    {
      id: 'columns',
      title: 'What the columns mean',
      text: 'Columns MeshLens recognised: {roleList}. Everything else is kept as it is. If a role is wrong, change it in the Columns view before you go on.',
      highlight: 'column-roles',
      action: { kind: 'read' },
    },
    {
      id: 'grain',
      title: 'What one row stands for',
      text: 'The grain of a table is what one row stands for. Here it is {grain}. Adding up numbers across a wrong grain double-counts them.',
      terms: ['grain'],
      action: { kind: 'input', label: 'In your words, one row is…' },
      suggest: (ctx) => (ctx.active.grain.length ? `one row per ${ctx.active.grain.join(' × ')}` : 'one row per record'),
    },
    {
      id: 'period',
      title: 'Which period it covers',
      text: '{periodSentence} Check this matches the period you asked for when you exported it.',
      highlight: 'date-coverage',
      terms: ['freshness'],
      action: { kind: 'read' },
    },
    {
      id: 'domain',
      title: 'Which domain produced it',
      text: 'A domain is a part of the business with its own people and data. {domainGuess} Which domain produced this file?',
      terms: ['domain'],
      action: { kind: 'choose', label: 'Producing domain', options: domainOptions },
      writes: 'domain',
      suggest: (ctx) => ctx.active.domain,
    },
    {
      id: 'done',
      title: 'Your dataset profile',
      text: 'Save a one-page profile of {name}: platform, grain, period, domain and quality ({findings}, score {score}).',
      action: { kind: 'artefact', label: 'Save dataset profile' },
    },
  ],
  artefact: (ctx, answers) => {
    const v = baseVars(ctx);
    const f = ctx.active;
    const domain = ctx.product?.domain || asString(answers.domain, f.domain);
    const data = {
      dataset: f.name,
      platform: f.platform,
      rows: f.rows,
      columns: f.columns.map((c) => ({ name: c.name, type: c.type, role: c.role })),
      grain: asString(answers.grain, v.grain!),
      period: f.dates ? { start: f.dates.start, end: f.dates.end, missingDays: f.dates.missingDays } : null,
      domain,
      findings: f.findings.length,
      score: f.score,
    };
    const markdown = [
      `# ${f.name}`,
      '',
      `- Platform: ${v.platform}`,
      `- Rows: ${v.rows}; columns: ${v.columnCount}`,
      `- Grain: ${data.grain}`,
      `- Period: ${v.dateRange}`,
      `- Produced by: ${DOMAIN_LABELS[domain as keyof typeof DOMAIN_LABELS] ?? domain}`,
      `- Quality: ${v.findings}; score ${v.score}`,
      `- Import: ${v.skippedPhrase} skipped, ${v.summaryPhrase} removed`,
      '',
    ].join('\n');
    return { kind: 'dataset-profile', title: `Profile of ${f.name}`, markdown, fileName: `${f.name}.profile.md`, mime: 'text/markdown', content: markdown, data };
  },
};
