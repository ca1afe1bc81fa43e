/**
 * Applying `inconsistent_labels` clusters to an export: every spelling of a cluster becomes its canonical
 * value (the user's choice, else the suggested one). Pure: findings and choices in, SQL and a log out.
 * Used by the app's cleaned export and by `meshlens export --apply-label-fixes`.
 */
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { Finding } from './types';
import type { LabelGroup } from './label-clusters';

/** One cluster to rewrite in one column. */
export interface LabelFix {
  column: string;
  /** The canonical the check suggested: the cluster's stable key for a user's choice. */
  suggested: string;
  canonical: string;
  /** Every spelling with its row count (the canonical itself included when it occurs). */
  variants: { value: string; count: number }[];
  /** The key of the user's choice applied here (usually `suggested`; an older suggestion when it moved). */
  choiceKey?: string;
}

/** Column → suggested canonical → the canonical the user chose. */
export type LabelChoices = Record<string, Record<string, string>>;

/**
 * The user's choice for each cluster of one column (by the cluster's suggested spelling). A choice is keyed
 * by the suggestion it replaced; when a later file suggests another spelling for the same cluster, the choice
 * still applies if its key or its chosen spelling is one of the cluster's spellings today. A key that is
 * today's suggestion of a cluster belongs to that cluster only.
 */
export function matchLabelChoices(groups: readonly LabelGroup[], columnChoices: Record<string, string> = {}): Map<string, { key: string; canonical: string }> {
  const out = new Map<string, { key: string; canonical: string }>();
  const live = Object.entries(columnChoices)
    .map(([key, canonical]) => ({ key, canonical: canonical.trim() }))
    .filter((c) => c.canonical !== '');
  const claimed = new Set<string>();
  for (const g of groups) {
    const exact = live.find((c) => c.key === g.canonical);
    if (exact) {
      out.set(g.canonical, exact);
      claimed.add(exact.key);
    }
  }
  for (const g of groups) {
    if (out.has(g.canonical)) continue;
    const spellings = new Set(g.variants.map((v) => v.value));
    const moved = live.find((c) => !claimed.has(c.key) && !groups.some((x) => x.canonical === c.key) && (spellings.has(c.key) || spellings.has(c.canonical)));
    if (moved) {
      out.set(g.canonical, moved);
      claimed.add(moved.key);
    }
  }
  return out;
}

/** The clusters of every `inconsistent_labels` finding, with the user's canonical where they chose one. */
export function labelFixes(findings: readonly Finding[], choices: LabelChoices = {}): LabelFix[] {
  const out: LabelFix[] = [];
  for (const f of findings) {
    if (f.check !== 'inconsistent_labels' || f.columns.length !== 1) continue;
    const column = f.columns[0]!;
    const groups = (f.details?.groups ?? []) as LabelGroup[];
    const matched = matchLabelChoices(groups, choices[column]);
    for (const g of groups) {
      const chosen = matched.get(g.canonical);
      out.push({ column, suggested: g.canonical, canonical: chosen?.canonical ?? g.canonical, variants: g.variants, ...(chosen ? { choiceKey: chosen.key } : {}) });
    }
  }
  return out;
}

/** The values a fix rewrites: every spelling that is not already the canonical. */
const replaced = (fix: LabelFix) => fix.variants.filter((v) => v.value !== fix.canonical);

/**
 * The SELECT item for one column: `CASE WHEN col IN (variants) THEN canonical … ELSE col END AS col`, or the
 * plain quoted column when no fix touches it.
 */
export function labelFixColumnSql(column: string, fixes: readonly LabelFix[]): string {
  const col = quoteIdent(column);
  const whens = fixes
    .filter((f) => f.column === column)
    .map((f) => ({ f, values: replaced(f) }))
    .filter(({ values }) => values.length > 0)
    .map(({ f, values }) => `WHEN CAST(${col} AS VARCHAR) IN (${values.map((v) => quoteLiteral(v.value)).join(', ')}) THEN ${quoteLiteral(f.canonical)}`);
  if (!whens.length) return col;
  return `CASE ${whens.join(' ')} ELSE CAST(${col} AS VARCHAR) END AS ${col}`;
}

/** What the export replaced, one line per spelling: `Campaign: "Data Anlytics Corse" → "Data Analytics Course" (3 rows)`. */
export function labelFixLog(fixes: readonly LabelFix[]): string[] {
  return fixes.flatMap((f) =>
    replaced(f).map((v) => `${f.column}: ${JSON.stringify(v.value)} → ${JSON.stringify(f.canonical)} (${v.count.toLocaleString('en-US')} row${v.count === 1 ? '' : 's'})`),
  );
}

/** A choice the user made for one cluster: column, the suggestion it is keyed by, and the chosen spelling. */
export interface LabelChoice {
  column: string;
  suggested: string;
  canonical: string;
}

const choiceList = (choices: LabelChoices): LabelChoice[] =>
  Object.entries(choices).flatMap(([column, byKey]) =>
    Object.entries(byKey)
      .filter(([, canonical]) => canonical.trim() !== '')
      .map(([suggested, canonical]) => ({ column, suggested, canonical: canonical.trim() })),
  );

/**
 * Which of the user's choices an export used, and which it could not: a choice is keyed by the suggestion it
 * replaced; when neither that spelling nor the chosen one is in any of today's clusters (matchLabelChoices),
 * the choice matches nothing. Those are named, never dropped silently.
 */
export function labelChoiceUse(fixes: readonly LabelFix[], choices: LabelChoices): { used: LabelChoice[]; unmatched: LabelChoice[] } {
  const used: LabelChoice[] = [];
  const unmatched: LabelChoice[] = [];
  for (const c of choiceList(choices)) {
    const hit = fixes.some((f) => f.column === c.column && f.choiceKey === c.suggested);
    (hit ? used : unmatched).push(c);
  }
  return { used, unmatched };
}
