/** Sources: which domain a dataset belongs to, its period, and its numbers per day (and key) in SQL. */
import type { Dataset } from '../checks/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { Platform } from '../semantics/platform';
import { normaliseHeader } from '../semantics/roles';
import type { Period, PeriodAlignment, ReconDomain, Source } from './types';

/** Domain by platform: ad platforms claim conversions, GA4 observes sessions, CRMs hold deals. */
const PLATFORM_DOMAIN: Partial<Record<Platform, ReconDomain>> = {
  google_ads: 'ads',
  meta_ads: 'ads',
  linkedin_ads: 'ads',
  tiktok_ads: 'ads',
  microsoft_ads: 'ads',
  ga4: 'analytics',
  hubspot: 'crm',
  salesforce: 'crm',
  mailchimp: 'crm',
  audience_segment: 'crm',
};

/** The data product's mesh domain (shared/mesh/types DomainId) read as a reconciliation domain. */
const PRODUCT_DOMAIN: Record<string, ReconDomain> = {
  marketing: 'ads',
  sales: 'crm',
  crm: 'crm',
  product: 'product',
  finance: 'finance',
  orders: 'finance',
  analytics: 'analytics',
};

const headers = (ds: Dataset): string[] => ds.semantics.columns.map((c) => normaliseHeader(c.originalName));

/** Header words that say what a generic table is about, most specific first. */
const COLUMN_DOMAIN: Array<[ReconDomain, RegExp]> = [
  ['finance', /^(order[ _]?id|order number|invoice|invoice[ _]?(id|number)|transaction[ _]?id|payment|amount paid|net revenue|gross revenue)$/],
  ['crm', /^(stage|deal stage|opportunity[ _]?id|deal[ _]?id|lead[ _]?source|original source|lifecycle stage|close[ _]?date)$/],
  ['product', /^(active[ _]?users|feature|dau|mau|plan|app version|event[ _]?name)$/],
];

export function assignDomain(ds: Dataset, productDomain?: string): Pick<Source, 'domain' | 'domainFrom'> {
  const fromProduct = productDomain ? PRODUCT_DOMAIN[productDomain.toLowerCase()] : undefined;
  if (fromProduct) {
    // A marketing product built on GA4 is analytics: it observes what the ads claim.
    if (fromProduct === 'ads' && ds.semantics.platform.platform === 'ga4') return { domain: 'analytics', domainFrom: 'product' };
    return { domain: fromProduct, domainFrom: 'product' };
  }
  const byPlatform = PLATFORM_DOMAIN[ds.semantics.platform.platform];
  if (byPlatform) return { domain: byPlatform, domainFrom: 'platform' };
  const hs = headers(ds);
  for (const [domain, re] of COLUMN_DOMAIN) if (hs.some((h) => re.test(h))) return { domain, domainFrom: 'columns' };
  const roles = new Set(ds.semantics.columns.map((c) => c.role));
  if (roles.has('sessions')) return { domain: 'analytics', domainFrom: 'columns' };
  if (roles.has('spend') || roles.has('impressions')) return { domain: 'ads', domainFrom: 'columns' };
  return { domain: 'finance', domainFrom: 'columns' };
}

/** The currency of a source's money: a header or value currency, or the single value of a currency column. */
async function currencyOf(engine: Engine, ds: Dataset): Promise<string | undefined> {
  const money = ds.semantics.columns.find((c) => (c.role === 'spend' || c.role === 'revenue') && c.currency);
  if (money?.currency) return normaliseCurrency(money.currency);
  const col = ds.semantics.columns.find((c) => c.role === 'currency');
  const named = ds.semantics.columns.find((c) => /_(eur|usd|gbp|chf)$|\b(eur|usd|gbp|chf)$/.test(normaliseHeader(c.originalName)));
  if (col) {
    const r = await engine.query(`SELECT DISTINCT ${quoteIdent(col.name)}::VARCHAR AS v FROM ${quoteIdent(ds.tableName)} WHERE ${quoteIdent(col.name)} IS NOT NULL LIMIT 3`);
    if (r.rows.length === 1) return normaliseCurrency(String(r.rows[0]!.v));
  }
  if (named) return /(eur|usd|gbp|chf)$/.exec(normaliseHeader(named.originalName))![1]!.toUpperCase();
  return undefined;
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const normaliseCurrency = (c: string): string => SYMBOLS[c] ?? c.trim().toUpperCase();

/** A time zone stated in a header ("Date (UTC)", "Time zone") or a preamble line. */
function timeZoneOf(ds: Dataset): string | undefined {
  for (const c of ds.semantics.columns) {
    const m = /\((utc|gmt)([+-]\d{1,2}(:?\d{2})?)?\)/i.exec(c.originalName);
    if (m) return (m[1]!.toUpperCase() + (m[2] ?? '')).replace('GMT', 'UTC');
  }
  return undefined;
}

export async function makeSource(
  engine: Engine,
  ds: Dataset,
  options: { productDomain?: string; domain?: ReconDomain; timeZone?: string; currency?: string } = {},
): Promise<Source> {
  const assigned = options.domain ? { domain: options.domain, domainFrom: 'user' as const } : assignDomain(ds, options.productDomain);
  const currency = options.currency ?? (await currencyOf(engine, ds));
  const timeZone = options.timeZone ?? timeZoneOf(ds);
  const platform = ds.semantics.platform;
  return {
    name: ds.file,
    dataset: ds,
    ...assigned,
    label: platform.platform === 'generic' ? ds.file : platform.label,
    ...(currency ? { currency } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

/** The date column a source is compared on: a CRM's close date (deals are won when they close), else the main date. */
export function dateColumnOf(source: Source): string | undefined {
  const ds = source.dataset;
  const dates = ds.semantics.columns.filter((c) => c.role === 'date' && (c.kind === 'date'));
  if (source.domain === 'crm') {
    const close = dates.find((c) => /close|won|abschluss/.test(normaliseHeader(c.originalName)));
    if (close) return close.name;
  }
  return ds.semantics.primaryDate ?? dates[0]?.name;
}

export async function periodOf(engine: Engine, source: Source): Promise<Period | null> {
  const col = dateColumnOf(source);
  if (!col) return null;
  const r = await engine.query(
    `SELECT min(${quoteIdent(col)})::DATE::VARCHAR AS s, max(${quoteIdent(col)})::DATE::VARCHAR AS e FROM ${quoteIdent(source.dataset.tableName)}`,
  );
  const row = r.rows[0];
  if (!row?.s || !row.e) return null;
  return { start: String(row.s), end: String(row.e), column: col };
}

/** Only the overlap is compared; each source's rows outside it are counted and reported, never summed. */
export async function alignPeriods(engine: Engine, sources: Source[]): Promise<PeriodAlignment> {
  const periods = await Promise.all(sources.map((s) => periodOf(engine, s)));
  const known = periods.filter((p): p is Period => !!p);
  let overlap: PeriodAlignment['overlap'] = null;
  if (known.length) {
    const start = known.map((p) => p.start).sort().at(-1)!;
    const end = known.map((p) => p.end).sort()[0]!;
    overlap = start <= end ? { start, end } : null;
  }
  const out: PeriodAlignment['sources'] = [];
  for (const [i, s] of sources.entries()) {
    const p = periods[i] ?? null;
    if (!p) {
      out.push({ name: s.name, period: null, rowsOutside: 0, rowsInside: s.dataset.rows });
      continue;
    }
    const inside = overlap ? `${quoteIdent(p.column)}::DATE BETWEEN ${quoteLiteral(overlap.start)}::DATE AND ${quoteLiteral(overlap.end)}::DATE` : 'false';
    const r = await engine.query(
      `SELECT count(*) FILTER (WHERE ${inside}) AS i, count(*) FILTER (WHERE NOT coalesce(${inside}, false)) AS o FROM ${quoteIdent(s.dataset.tableName)}`,
    );
    out.push({ name: s.name, period: p, rowsInside: Number(r.rows[0]?.i ?? 0), rowsOutside: Number(r.rows[0]?.o ?? 0) });
  }
  return { overlap, sources: out };
}

export interface SeriesRow {
  /** ISO day, or the Monday of the ISO week when grouped by week. */
  date: string;
  key: string | null;
  value: number;
  /** First line of the original file behind this cell (the drill-down). */
  line: number;
  rows: number;
}

export interface SeriesSpec {
  date: string;
  key?: string;
  /** Summed column; absent: count rows. */
  metric?: string;
  /** Extra SQL predicate over the table (alias-free column names). */
  where?: string;
  byWeek?: boolean;
  overlap: { start: string; end: string } | null;
}

/** A source's metric per day (or week) and key, restricted to the overlap. */
export async function series(engine: Engine, ds: Dataset, spec: SeriesSpec): Promise<SeriesRow[]> {
  const d = `${quoteIdent(spec.date)}::DATE`;
  const day = spec.byWeek ? `date_trunc('week', ${d})::DATE` : d;
  const key = spec.key ? `${quoteIdent(spec.key)}::VARCHAR` : 'NULL::VARCHAR';
  const value = spec.metric ? `coalesce(sum(${quoteIdent(spec.metric)}), 0)` : 'count(*)';
  const where = [
    `${d} IS NOT NULL`,
    spec.overlap ? `${d} BETWEEN ${quoteLiteral(spec.overlap.start)}::DATE AND ${quoteLiteral(spec.overlap.end)}::DATE` : 'false',
    ...(spec.where ? [spec.where] : []),
  ];
  const r = await engine.query(
    `SELECT ${day}::VARCHAR AS d, ${key} AS k, ${value}::DOUBLE AS v, min("__line") AS l, count(*) AS n FROM ${quoteIdent(ds.tableName)} WHERE ${where.join(' AND ')} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return r.rows.map((x) => ({
    date: String(x.d),
    key: x.k === null || x.k === undefined ? null : String(x.k),
    value: Number(x.v),
    line: Number(x.l),
    rows: Number(x.n),
  }));
}
