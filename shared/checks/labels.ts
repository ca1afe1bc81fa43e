/** Consistency of labels: variants of one name, and UTM values against the naming convention. */
import { quoteLiteral } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { SemanticColumn } from '../semantics/describe';
import { LABEL_ROLES, normaliseHeader } from '../semantics/roles';
import { boolParam, from, label, listParam, numParam, pct, plural, profileOf, tc, withRole } from './helpers';
import type { CheckDefinition, CheckTarget, Dataset, NamingConvention } from './types';

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

interface ValueCount {
  value: string;
  count: number;
}

/** Distinct values with row counts for several columns, in one statement. */
export async function distinctValues(
  engine: Engine,
  ds: Dataset,
  cols: SemanticColumn[],
): Promise<Map<string, ValueCount[]>> {
  const out = new Map<string, ValueCount[]>();
  if (!cols.length) return out;
  const parts = cols.map(
    (c) =>
      `SELECT ${quoteLiteral(c.name)} AS col, ${tc(c.name)}::VARCHAR AS v, count(*)::BIGINT AS n FROM ${from(ds)} WHERE ${tc(c.name)} IS NOT NULL GROUP BY ${tc(c.name)}`,
  );
  const res = await engine.query<{ col: string; v: string; n: number }>(parts.join('\nUNION ALL\n'));
  for (const r of res.rows) {
    const list = out.get(r.col) ?? [];
    list.push({ value: r.v, count: Number(r.n) });
    out.set(r.col, list);
  }
  return out;
}

const ALIASES: Record<string, string> = {
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  goog: 'google',
  adwords: 'google',
  googleads: 'google',
  li: 'linkedin',
  yt: 'youtube',
  tw: 'twitter',
};

/** The key two spellings of one label share: case, accents, spacing, punctuation and common aliases removed. */
export function labelKey(v: string): string {
  const k = v
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.+|:,;]+/g, ' ')
    .replace(/[^\p{L}\p{N}/() ]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/\be mail\b/g, 'email')
    .trim();
  return k
    .split(' ')
    .map((w) => ALIASES[w] ?? w)
    .join(' ');
}

/** One insertion, deletion or swap of neighbours apart (no substitutions: "DE" vs "BE" are different markets). */
export function nearDuplicate(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 8 || Math.abs(a.length - b.length) > 1) return false;
  if (a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return false;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

export interface LabelGroup {
  canonical: string;
  variants: ValueCount[];
}

export function groupLabels(values: ValueCount[], nearDuplicates = true): LabelGroup[] {
  const byKey = new Map<string, ValueCount[]>();
  for (const v of values) {
    const k = labelKey(v.value);
    if (!k) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), v]);
  }
  // Merge keys one typo apart (union-find over the sorted keys).
  const keys = [...byKey.keys()];
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => (parent.get(k) === k ? k : find(parent.get(k)!));
  if (nearDuplicates && keys.length <= 3000) {
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++)
        if (nearDuplicate(keys[i]!, keys[j]!)) parent.set(find(keys[j]!), find(keys[i]!));
  }
  const merged = new Map<string, ValueCount[]>();
  for (const k of keys) merged.set(find(k), [...(merged.get(find(k)) ?? []), ...byKey.get(k)!]);
  const groups: LabelGroup[] = [];
  for (const variants of merged.values()) {
    if (variants.length < 2) continue;
    variants.sort(
      (a, b) =>
        b.count - a.count ||
        Number(a.value !== a.value.trim()) - Number(b.value !== b.value.trim()) ||
        a.value.localeCompare(b.value),
    );
    groups.push({ canonical: variants[0]!.value, variants });
  }
  return groups.sort(
    (a, b) => b.variants.length - a.variants.length || a.canonical.localeCompare(b.canonical),
  );
}

export const inconsistentLabels: CheckDefinition = {
  id: 'inconsistent_labels',
  title: 'One label, several spellings',
  dimension: 'consistency',
  owner: 'ads',
  explanation:
    '"Facebook", "facebook" and "fb" are one source to a marketer but three to every report: spend, sessions and conversions split across them, and no single row shows the true total.',
  fix: 'Agree a canonical spelling, fix it at the source (UTM builder, campaign naming sheet) and map the old variants to it in reporting.',
  defaults: { maxDistinct: 20000, nearDuplicates: true, warningShare: 0 },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const max = numParam(ctx.params, 'maxDistinct', 20000);
    const cols = withRole(ds, ...LABEL_ROLES).filter((c) => c.kind === 'text' && (profileOf(ds, c.name)?.distinct ?? Infinity) <= max);
    const values = await distinctValues(ctx.engine, ds, cols);
    const out: CheckTarget[] = [];
    for (const c of cols) {
      const groups = groupLabels(values.get(c.name) ?? [], boolParam(ctx.params, 'nearDuplicates', true));
      if (!groups.length) continue;
      const off = groups.flatMap((g) => g.variants.slice(1).map((v) => v.value));
      const shown = groups
        .slice(0, 3)
        .map(
          (g) =>
            g.variants.map((v) => JSON.stringify(v.value)).join(' / ') + ` → ${JSON.stringify(g.canonical)}`,
        )
        .join('; ');
      out.push({
        columns: [c.name],
        where: `${tc(c.name)} IN (${off.map((v) => quoteLiteral(v)).join(',')})`,
        details: { groups: groups.map((g) => ({ canonical: g.canonical, variants: g.variants })) },
        message: (n, total) =>
          `${label(c)} spells ${plural(groups.length, 'label')} in several ways: ${shown}${groups.length > 3 ? '; …' : ''}. ${plural(n, 'row')} (${pct(n, total)}) ${n === 1 ? 'uses' : 'use'} a non-canonical spelling.`,
      });
    }
    return out;
  },
};

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
    const values = await distinctValues(ctx.engine, ds, cols);
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
