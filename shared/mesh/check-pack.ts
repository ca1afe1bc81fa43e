/**
 * Self-serve platform: a check pack is what today's file looked like and what was promised about it, saved so
 * the next file of the same kind can be compared in one step: schema, volume, labels and findings.
 */
import type { QualityObjective } from './product';
import type { DatasetFacts } from './types';

export interface CheckPack {
  format: 'meshlens-check-pack';
  version: 1;
  name: string;
  createdFrom: string;
  createdAt: string;
  platform: string | null;
  baseline: {
    rows: number;
    columns: { name: string; type: string }[];
    labels: Record<string, string[]>;
    findings: { checkId: string; title: string; count: number }[];
    dateRange: { start: string; end: string } | null;
  };
  objectives: QualityObjective[];
  /** Check ids that were switched on when the pack was saved (all, when the list is empty). */
  checks: string[];
}

export function makeCheckPack(facts: DatasetFacts, objectives: QualityObjective[], name: string, now = new Date()): CheckPack {
  return {
    format: 'meshlens-check-pack',
    version: 1,
    name,
    createdFrom: facts.name,
    createdAt: now.toISOString(),
    platform: facts.platform,
    baseline: {
      rows: facts.rows,
      columns: facts.columns.map((c) => ({ name: c.name, type: c.type })),
      labels: facts.labels,
      findings: facts.findings.map((f) => ({ checkId: f.checkId, title: f.title, count: f.count })),
      dateRange: facts.dates ? { start: facts.dates.start, end: facts.dates.end } : null,
    },
    objectives,
    checks: [...new Set(facts.findings.map((f) => f.checkId))],
  };
}

export function parseCheckPack(text: string): CheckPack {
  const v = JSON.parse(text) as Partial<CheckPack>;
  if (v.format !== 'meshlens-check-pack' || v.version !== 1 || !v.baseline) throw new Error('not a MeshLens check pack (format meshlens-check-pack, version 1)');
  return v as CheckPack;
}

export interface PackComparison {
  pack: string;
  dataset: string;
  schema: { added: string[]; removed: string[]; retyped: { name: string; from: string; to: string }[] };
  volume: { before: number; after: number; changePercent: number | null };
  newLabels: Record<string, string[]>;
  goneLabels: Record<string, string[]>;
  newFindings: { checkId: string; title: string; count: number }[];
  resolvedFindings: { checkId: string; title: string; count: number }[];
  /** Findings present in both, with the change in rows. */
  changedFindings: { checkId: string; title: string; before: number; after: number }[];
}

export function compareToPack(pack: CheckPack, facts: DatasetFacts): PackComparison {
  const before = new Map(pack.baseline.columns.map((c) => [c.name, c.type]));
  const after = new Map(facts.columns.map((c) => [c.name, c.type]));
  const newLabels: Record<string, string[]> = {};
  const goneLabels: Record<string, string[]> = {};
  for (const [col, labels] of Object.entries(facts.labels)) {
    const old = new Set(pack.baseline.labels[col] ?? []);
    if (!pack.baseline.labels[col]) continue;
    const added = labels.filter((l) => !old.has(l));
    if (added.length) newLabels[col] = added;
    const now = new Set(labels);
    const gone = [...old].filter((l) => !now.has(l));
    if (gone.length) goneLabels[col] = gone;
  }
  const oldFindings = new Map(pack.baseline.findings.map((f) => [f.checkId, f]));
  const nowFindings = new Map(facts.findings.map((f) => [f.checkId, { checkId: f.checkId, title: f.title, count: f.count }]));
  return {
    pack: pack.name,
    dataset: facts.name,
    schema: {
      added: [...after.keys()].filter((k) => !before.has(k)),
      removed: [...before.keys()].filter((k) => !after.has(k)),
      retyped: [...after.entries()].filter(([k, t]) => before.has(k) && before.get(k) !== t).map(([k, t]) => ({ name: k, from: before.get(k)!, to: t })),
    },
    volume: {
      before: pack.baseline.rows,
      after: facts.rows,
      changePercent: pack.baseline.rows ? Math.round(((facts.rows - pack.baseline.rows) / pack.baseline.rows) * 1000) / 10 : null,
    },
    newLabels,
    goneLabels,
    newFindings: [...nowFindings.values()].filter((f) => !oldFindings.has(f.checkId)),
    resolvedFindings: [...oldFindings.values()].filter((f) => !nowFindings.has(f.checkId)),
    changedFindings: [...nowFindings.values()]
      .filter((f) => oldFindings.has(f.checkId) && oldFindings.get(f.checkId)!.count !== f.count)
      .map((f) => ({ checkId: f.checkId, title: f.title, before: oldFindings.get(f.checkId)!.count, after: f.count })),
  };
}

export function comparisonMarkdown(c: PackComparison): string {
  const list = (xs: string[]) => (xs.length ? xs.map((x) => `"${x}"`).join(', ') : 'none');
  const labels = Object.entries(c.newLabels).map(([col, ls]) => `- New in ${col}: ${list(ls)}`);
  const v = c.volume;
  return [
    `# ${c.dataset} compared with check pack "${c.pack}"`,
    '',
    `- Columns added: ${list(c.schema.added)}`,
    `- Columns removed: ${list(c.schema.removed)}${c.schema.removed.length ? ' (breaking for consumers)' : ''}`,
    `- Columns retyped: ${c.schema.retyped.length ? c.schema.retyped.map((r) => `${r.name} ${r.from} → ${r.to}`).join(', ') : 'none'}`,
    `- Rows: ${v.before} → ${v.after}${v.changePercent === null ? '' : ` (${v.changePercent > 0 ? '+' : ''}${v.changePercent}%)`}`,
    ...(labels.length ? labels : ['- No new labels']),
    `- New findings: ${c.newFindings.length ? c.newFindings.map((f) => `${f.title} (${f.count})`).join('; ') : 'none'}`,
    `- Resolved findings: ${c.resolvedFindings.length ? c.resolvedFindings.map((f) => f.title).join('; ') : 'none'}`,
  ].join('\n') + '\n';
}
