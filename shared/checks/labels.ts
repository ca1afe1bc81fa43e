/** Consistency of labels: variants of one name, and UTM values against the naming convention. */
import { quoteLiteral } from '../engine/sql';
import type { SemanticColumn } from '../semantics/describe';
import { FREE_TEXT_ROLES, LABEL_ROLES, normaliseHeader } from '../semantics/roles';
import type { Role } from '../semantics/roles';
import { boolParam, label, listParam, numParam, pct, plural, profileOf, tc, withRole } from './helpers';
import { columnValues } from './count';
import { groupLabels } from './label-clusters';
import type { LabelGroup, ValueCount } from './label-clusters';
import type { CheckContext, CheckDefinition, CheckTarget, Dataset, NamingConvention } from './types';

export { groupLabels, labelKey, nearDuplicate } from './label-clusters';
export type { LabelGroup, ValueCount } from './label-clusters';

/**
 * Free-text columns: search queries and page paths (roles from shared/semantics), parent keywords, ad copy
 * and notes. Every value is its own query, page or text, so "best fruit juice" and "best fruit juices"
 * are two queries, not two spellings of one label.
 */
export function isFreeTextQuery(c: SemanticColumn): boolean {
  if (FREE_TEXT_ROLES.includes(c.role)) return true;
  const h = normaliseHeader(c.originalName).replace(/_/g, ' ');
  return /^(parent keyword|page title.*|address|target url)$/.test(h) || FREE_TEXT.test(h);
}

/** Columns that hold the path (or address) of a page on the site. */
export const isPagePath = (c: SemanticColumn): boolean => c.role === 'page_path';

/** Ad copy and notes: prose, where two close sentences are two texts. */
const FREE_TEXT = /(headline|description|ad text|primary text|body|message|subject|comment|notes?$|^title$)/;

/** Roles whose values are identifiers, contacts or numbers-as-text: never clustered as labels. */
const NOT_LABELS: readonly Role[] = [
  'email',
  'phone',
  'hashed_id',
  'record_id',
  'campaign_id',
  'person_name',
  'url',
  'currency',
  'date',
  'date_end',
];

/** Columns whose labels are clustered: label roles, and every other low-cardinality text column. */
export function labelColumns(ds: Dataset, maxDistinct: number, maxLowCardinality = 1000): SemanticColumn[] {
  return ds.semantics.columns.filter((c) => {
    if (c.kind !== 'text' || isFreeTextQuery(c) || NOT_LABELS.includes(c.role)) return false;
    const p = profileOf(ds, c.name);
    if (!p || p.distinct < 2) return false;
    if (LABEL_ROLES.includes(c.role)) return p.distinct <= maxDistinct;
    return p.distinct <= maxLowCardinality && (p.distinct <= 50 || p.distinct <= p.count * 0.5);
  });
}

export const DEFAULT_MEDIUMS = [
  'cpc',
  'ppc',
  'paid',
  'paidsearch',
  'paid_search',
  'paid-search',
  'display',
  'banner',
  'cpm',
  'retargeting',
  'social',
  'paid_social',
  'paid-social',
  'paidsocial',
  'social-network',
  'social-media',
  'organic',
  'organic_social',
  'referral',
  'email',
  'e-mail',
  'newsletter',
  'affiliate',
  'video',
  'audio',
  'sms',
  'push',
  'notification',
  'qr',
  'print',
  'offline',
  'podcast',
  'influencer',
  'partner',
  'app',
];

export function defaultNaming(): NamingConvention {
  return { lowercase: true, allowSpaces: false, allowedMediums: DEFAULT_MEDIUMS };
}

/** Distinct values with row counts for several columns, in one statement (read once per run: count.ts). */
export async function distinctValues(ctx: CheckContext, cols: SemanticColumn[]): Promise<Map<string, ValueCount[]>> {
  const out = new Map<string, ValueCount[]>();
  if (!cols.length) return out;
  const read = await columnValues(ctx.engine, ctx.dataset, cols.map((c) => c.name), ctx.shared);
  for (const [name, values] of read)
    out.set(name, values.flatMap((r) => (r.v === null ? [] : [{ value: r.v, count: r.n }])));
  return out;
}

export const inconsistentLabels: CheckDefinition = {
  id: 'inconsistent_labels',
  title: 'One label, several spellings',
  dimension: 'consistency',
  owner: 'ads',
  explanation:
    '"Facebook", "facebook" and "fb" are one source to a marketer but three to every report: spend, sessions and conversions split across them, and no single row shows the true total.',
  fix: 'Agree a canonical spelling, fix it at the source (UTM builder, campaign naming sheet) and map the old variants to it in reporting.',
  defaults: { maxDistinct: 20000, maxLowCardinality: 1000, nearDuplicates: true, warningShare: 0 },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const cols = labelColumns(
      ds,
      numParam(ctx.params, 'maxDistinct', 20000),
      numParam(ctx.params, 'maxLowCardinality', 1000),
    );
    const values = await distinctValues(ctx, cols);
    const out: CheckTarget[] = [];
    for (const c of cols) {
      const groups = groupLabels(values.get(c.name) ?? [], boolParam(ctx.params, 'nearDuplicates', true));
      if (groups.length) out.push(labelTarget(c, groups));
    }
    return out;
  },
};

const spellings = (g: LabelGroup) =>
  g.variants.map((v) => `${JSON.stringify(v.value)} (${v.count.toLocaleString('en-US')})`).join(' / ');

/** One finding per column: every cluster with every spelling and its row count. */
export function labelTarget(c: SemanticColumn, groups: LabelGroup[]): CheckTarget {
  const off = groups.flatMap((g) => g.variants.filter((v) => v.value !== g.canonical).map((v) => v.value));
  const shown = groups
    .slice(0, 3)
    .map((g) => `${spellings(g)} → ${JSON.stringify(g.canonical)}`)
    .join('; ');
  return {
    columns: [c.name],
    where: `${tc(c.name)} IN (${off.map((v) => quoteLiteral(v)).join(',')})`,
    details: { groups: groups.map((g) => ({ canonical: g.canonical, variants: g.variants })) },
    message: (n, total) =>
      `${label(c)} spells ${plural(groups.length, 'label')} in several ways: ${shown}${groups.length > 3 ? '; …' : ''}. ${plural(n, 'row')} (${pct(n, total)}) ${n === 1 ? 'uses' : 'use'} a non-canonical spelling.`,
  };
}

/** Why one UTM value breaks the convention, or [] when it follows it. */
export function utmViolations(
  value: string,
  part: 'source' | 'medium' | 'campaign',
  naming: NamingConvention,
): string[] {
  const v = value.trim();
  if (!v || /^\(.*\)$/.test(v)) return []; // GA's own values: (direct), (none), (not set), (organic)
  const why: string[] = [];
  if (naming.lowercase && v !== v.toLowerCase()) why.push('not lowercase');
  if (!naming.allowSpaces && /\s/.test(value)) why.push('contains spaces');
  if (
    part === 'medium' &&
    naming.allowedMediums.length &&
    !naming.allowedMediums.map((m) => m.toLowerCase()).includes(v.toLowerCase())
  )
    why.push('not in the allowed list of mediums');
  const pattern =
    part === 'campaign' ? naming.campaignPattern : part === 'source' ? naming.sourcePattern : undefined;
  if (pattern && !new RegExp(`^(?:${pattern})$`).test(v)) why.push(`does not match ${pattern}`);
  return why;
}

export const utmConvention: CheckDefinition = {
  id: 'utm_convention',
  title: 'UTM naming convention',
  dimension: 'consistency',
  owner: 'analytics',
  explanation:
    'GA groups traffic by the exact text of utm_source, utm_medium and utm_campaign. "Email", "e-mail " and "Newsletter" as mediums fall out of the Email channel and show up as "Unassigned" or "(other)", so campaigns lose the credit they earned.',
  fix: 'Use a shared UTM builder that enforces lowercase, no spaces and a fixed list of mediums; set the convention in the MeshLens config (naming:) to match your own.',
  defaults: { maxDistinct: 20000 },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const naming = ctx.naming;
    const hasUtm = withRole(ds, 'source', 'medium', 'source_medium').length > 0;
    const utmCampaign = (c: SemanticColumn) =>
      hasUtm || /utm|session|first user/.test(normaliseHeader(c.originalName));
    const cols = withRole(ds, 'source', 'medium', 'source_medium', 'campaign').filter(
      (c) =>
        c.kind === 'text' &&
        (c.role !== 'campaign' || utmCampaign(c)) &&
        (profileOf(ds, c.name)?.distinct ?? Infinity) <= numParam(ctx.params, 'maxDistinct', 20000),
    );
    const values = await distinctValues(ctx, cols);
    const extra = listParam(ctx.params, 'allowedValues', []);
    const out: CheckTarget[] = [];
    for (const c of cols) {
      const bad: Array<{ value: string; reasons: string[]; rows: number }> = [];
      for (const { value, count } of values.get(c.name) ?? []) {
        if (extra.includes(value)) continue;
        let reasons: string[];
        if (c.role === 'source_medium') {
          const [s = '', m = ''] = value.split(/\s*\/\s*/);
          reasons = [
            ...utmViolations(s, 'source', naming).map((r) => `source ${r}`),
            ...utmViolations(m, 'medium', naming).map((r) => `medium ${r}`),
          ];
        } else reasons = utmViolations(value, c.role as 'source' | 'medium' | 'campaign', naming);
        if (reasons.length) bad.push({ value, reasons, rows: count });
      }
      if (!bad.length) continue;
      bad.sort((a, b) => b.rows - a.rows);
      const shown = bad
        .slice(0, 3)
        .map((b) => `${JSON.stringify(b.value)} (${b.reasons.join(', ')})`)
        .join('; ');
      out.push({
        columns: [c.name],
        where: `${tc(c.name)} IN (${bad.map((b) => quoteLiteral(b.value)).join(',')})`,
        details: { values: bad, convention: naming },
        message: (n, total) =>
          `${label(c)} has ${plural(bad.length, 'value')} that ${bad.length === 1 ? 'breaks' : 'break'} the naming convention: ${shown}${bad.length > 3 ? '; …' : ''}. ${plural(n, 'row')} (${pct(n, total)}) affected.`,
      });
    }
    return out;
  },
};
