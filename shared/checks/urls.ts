/** Page paths: one page written several ways (trailing slash, case, query string) splits its numbers. */
import { quoteLiteral } from '../engine/sql';
import { normaliseHeader } from '../semantics/roles';
import { label, numParam, pct, plural, profileOf, tc } from './helpers';
import { distinctValues, isPagePath } from './labels';
import type { CheckDefinition } from './types';

/** The page a path points to: no fragment, no query string (unless the column is about them), case and trailing slash folded. */
export function pageKey(value: string, keepQuery = false): string {
  let v = value.trim().replace(/#.*$/, '');
  if (!keepQuery) v = v.replace(/\?.*$/, '');
  v = v
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .toLowerCase();
  return v.length > 1 ? v.replace(/\/+$/, '') || '/' : v;
}

export interface UrlVariantGroup {
  page: string;
  variants: Array<{ value: string; count: number }>;
}

export function urlVariantGroups(
  values: Array<{ value: string; count: number }>,
  keepQuery = false,
): UrlVariantGroup[] {
  const byKey = new Map<string, Array<{ value: string; count: number }>>();
  for (const v of values) {
    const k = pageKey(v.value, keepQuery);
    if (k) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  }
  return [...byKey.values()]
    .filter((vs) => vs.length > 1)
    .map((vs) => {
      vs.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return { page: vs[0]!.value, variants: vs };
    })
    .sort((a, b) => b.variants.length - a.variants.length || a.page.localeCompare(b.page));
}

export const urlVariants: CheckDefinition = {
  id: 'url_variants',
  title: 'One page under several addresses',
  dimension: 'consistency',
  owner: 'analytics',
  explanation:
    'Analytics and search tools count "/pricing", "/pricing/" and "/Pricing?ref=nav" as three pages. Views, clicks and conversions of one page are split across the rows, so the page looks weaker than it is and rankings by page are wrong.',
  fix: 'Redirect the variants to one canonical address (and set rel=canonical); in reports, group the listed variants under the first one.',
  defaults: { maxDistinct: 50000 },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const cols = ds.semantics.columns.filter(
      (c) =>
        c.kind === 'text' &&
        isPagePath(c) &&
        (profileOf(ds, c.name)?.distinct ?? Infinity) <= numParam(ctx.params, 'maxDistinct', 50000),
    );
    const values = await distinctValues(ctx, cols);
    return cols.flatMap((c) => {
      const keepQuery = /query string/.test(normaliseHeader(c.originalName));
      const groups = urlVariantGroups(values.get(c.name) ?? [], keepQuery);
      if (!groups.length) return [];
      const off = groups.flatMap((g) => g.variants.slice(1).map((v) => v.value));
      const shown = groups
        .slice(0, 3)
        .map((g) => g.variants.map((v) => `${JSON.stringify(v.value)} (${v.count})`).join(' / '))
        .join('; ');
      return [
        {
          columns: [c.name],
          where: `${tc(c.name)} IN (${off.map((v) => quoteLiteral(v)).join(',')})`,
          details: { groups },
          message: (n: number, total: number) =>
            `${label(c)} lists ${plural(groups.length, 'page')} under several addresses: ${shown}${groups.length > 3 ? '; …' : ''}. ${plural(n, 'row')} (${pct(n, total)}) ${n === 1 ? 'uses' : 'use'} another address than the most used one.`,
        },
      ];
    });
  },
};
