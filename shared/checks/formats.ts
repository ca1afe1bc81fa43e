/** Validity of values and governance: mixed currencies, values that break a column's format, personal data. */
import { lineSample, quoteIdent, quoteLiteral } from '../engine/sql';
import { patternPredicate } from '../profile/patterns';
import type { ValuePattern } from '../semantics/roles';
import {
  from,
  isContactData,
  verb,
  label,
  LINE,
  numParam,
  pct,
  PLACEHOLDERS,
  plural,
  profileOf,
  shareSeverity,
  tc,
  withRole,
} from './helpers';
import type { Engine } from '../engine/types';
import { currencyMarkSql, symbolCounts } from '../import/values';
import { countConditions, hasFewValues } from './count';
import type { SemanticColumn } from '../semantics/describe';
import type { CheckDefinition, CheckTarget, Dataset } from './types';

const PATTERN_NAMES: Record<ValuePattern, string> = {
  email: 'email address',
  url_utm: 'URL with UTM tags',
  url: 'URL',
  sha256: 'SHA-256 hash',
  md5: 'MD5 hash',
  phone: 'phone number',
  country_code: 'ISO country code',
  currency_code: 'ISO currency code',
};

const notPlaceholder = (x: string) =>
  `lower(trim(${x})) NOT IN (${PLACEHOLDERS.map((v) => quoteLiteral(v)).join(',')})`;
const raw = (name: string) => `r.${quoteIdent(name)}`;
const present = (x: string) => `${x} IS NOT NULL AND trim(${x}) <> '' AND ${notPlaceholder(x)}`;
const parsesAsNumber = (x: string) =>
  `TRY_CAST(regexp_replace(trim(${x}), '[%$€£¥, ]', '', 'g') AS DOUBLE) IS NOT NULL`;
const parsesAsDate = (x: string) =>
  `coalesce(TRY_CAST(trim(${x}) AS DATE), try_strptime(trim(${x}), '%d.%m.%Y')::DATE, try_strptime(trim(${x}), '%m/%d/%Y')::DATE, try_strptime(trim(${x}), '%d/%m/%Y')::DATE) IS NOT NULL`;
/** The ways a date cell can be written that parsesAsDate reads: ISO 2026-02-01, 01.02.2026, 02/01/2026. */
const DATE_WRITINGS = [
  { name: 'ISO', test: (x: string) => `TRY_CAST(trim(${x}) AS DATE) IS NOT NULL` },
  { name: 'dotted', test: (x: string) => `try_strptime(trim(${x}), '%d.%m.%Y') IS NOT NULL` },
  { name: 'slashed', test: (x: string) => `(try_strptime(trim(${x}), '%m/%d/%Y') IS NOT NULL OR try_strptime(trim(${x}), '%d/%m/%Y') IS NOT NULL)` },
];
/** Slashed dates that can only be read one way: the day first (13/01/2026) or the month first (01/13/2026). */
const DAY_ORDERS = [
  { name: 'day first', test: (x: string) => `(try_strptime(trim(${x}), '%d/%m/%Y') IS NOT NULL AND try_strptime(trim(${x}), '%m/%d/%Y') IS NULL)` },
  { name: 'month first', test: (x: string) => `(try_strptime(trim(${x}), '%m/%d/%Y') IS NOT NULL AND try_strptime(trim(${x}), '%d/%m/%Y') IS NULL)` },
];

export const mixedCurrency: CheckDefinition = {
  id: 'mixed_currency',
  title: 'Several currencies in one file',
  dimension: 'consistency',
  owner: 'ads',
  explanation:
    'Adding 100 EUR to 100 USD gives a number that means nothing. When accounts in different currencies are exported together, total spend, CPA and ROAS are wrong unless every amount is converted first.',
  fix: 'Split the file by currency or convert every amount to one reporting currency (with a dated exchange rate) before summing.',
  defaults: {},
  severity: (n) => (n > 0 ? 'error' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const out: CheckTarget[] = [];
    for (const c of withRole(ds, 'currency').filter((c) => c.kind === 'text')) {
      const p = profileOf(ds, c.name);
      const dominant = p?.topValues[0]?.value;
      if (!p || p.distinct < 2 || dominant === undefined) continue;
      const seen = p.topValues.map((v) => v.value);
      out.push({
        columns: [c.name],
        show: [...ds.semantics.naturalKey.slice(0, 2), c.name],
        where: `trim(upper(${tc(c.name)})) <> ${quoteLiteral(dominant.trim().toUpperCase())}`,
        details: { currencies: seen, dominant },
        message: (n) =>
          `${label(c)} holds ${plural(p.distinct, 'currency', 'currencies')} (${seen.join(', ')}); ${plural(n, 'row')} are not in ${dominant}.`,
      });
    }
    const money = withRole(ds, 'spend', 'revenue', 'cpc', 'cpa', 'cpm');
    const headerCurrencies = [...new Set(money.map((c) => c.currency).filter((x): x is string => !!x))];
    if (headerCurrencies.length > 1) {
      out.push({
        columns: money.filter((c) => c.currency).map((c) => c.name),
        where: 'TRUE',
        count: ds.rows,
        details: { currencies: headerCurrencies },
        message: (n) =>
          `Money columns are stated in different currencies (${headerCurrencies.join(', ')}); all ${plural(n, 'row')} mix them.`,
      });
    }
    // Currency marks in the original text ("$12.00" next to "€9.50") of one column: counted by the importer;
    // only a column it could not tell about (read as text, or with unparsed cells) reads the text again.
    const marks = new Map(money.map((c) => [c.name, ds.importedColumns?.find((i) => i.name === c.name)?.symbols]));
    const unknown = ds.rawTableName ? money.filter((c) => !marks.get(c.name)) : [];
    if (unknown.length) {
      const sel = unknown.map((c, i) => `histogram(${currencyMarkSql(raw(c.name))}) AS h${i}`);
      const counted = `SELECT ${sel.join(', ')} FROM ${quoteIdent(ds.rawTableName!)} r`;
      const keys = unknown.flatMap((_, i) => [`array_to_string(map_keys(h${i}), ' ') AS k${i}`, `array_to_string(map_values(h${i}), ' ') AS v${i}`]);
      const row = (await ctx.engine.query(`SELECT ${keys.join(', ')} FROM (${counted})`)).rows[0] ?? {};
      unknown.forEach((c, i) => marks.set(c.name, symbolCounts(row[`k${i}`], row[`v${i}`])));
    }
    for (const c of money) {
      const seen = Object.entries(marks.get(c.name) ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const dominant = seen[0]?.[0];
      if (seen.length < 2 || dominant === undefined || !ds.rawTableName) continue;
      out.push({
        columns: [c.name],
        sql: `SELECT r.${LINE}, ${raw(c.name)} AS ${quoteIdent(c.name)} FROM ${quoteIdent(ds.rawTableName)} r WHERE ${currencyMarkSql(raw(c.name))} <> ${quoteLiteral(dominant)}`,
        details: { dominant },
        message: (n) =>
          `${label(c)} is written in more than one currency; ${plural(n, 'row')} use another symbol than ${dominant}.`,
      });
    }
    return out;
  },
};

/**
 * Text columns worth a full count: on a sample of up to 20 000 rows, at least `share` of the values read as
 * numbers or dates (parsing every cell of every text column of a big table would dominate the audit).
 * A column with few distinct values needs no sample: its full count runs per value (count.ts).
 */
async function mostlyParseable(
  engine: Engine,
  ds: Dataset,
  cols: SemanticColumn[],
  share: number,
): Promise<SemanticColumn[]> {
  const sampled = cols.filter((c) => !hasFewValues(ds, c.name));
  if (!sampled.length) return cols;
  const sel = sampled.flatMap((c, i) => [
    `count(*) FILTER (WHERE ${present(tc(c.name))}) AS n${i}`,
    `count(*) FILTER (WHERE ${present(tc(c.name))} AND (${parsesAsNumber(tc(c.name))} OR ${parsesAsDate(tc(c.name))})) AS ok${i}`,
  ]);
  const sample =
    ds.rows > 20_000 ? `${lineSample(ds.tableName, ds.rows, 20_000)} t` : from(ds);
  const row = (await engine.query(`SELECT ${sel.join(', ')} FROM ${sample}`)).rows[0] ?? {};
  const kept = new Set(
    sampled.filter((_, i) => {
      const n = Number(row[`n${i}`] ?? 0);
      return n > 0 && Number(row[`ok${i}`] ?? 0) / n >= share * 0.9;
    }),
  );
  return cols.filter((c) => kept.has(c) || !sampled.includes(c));
}

/**
 * A text column whose every cell reads as a date, yet the importer kept it as text, because its dates are
 * written in more than one way (2026-02-01 and 03/01/2026) or with both day orders (13/01/2026 and
 * 01/13/2026): a date column is typed from one way of writing. The cells not written the most common way
 * (or in the less common order) are the ones to fix; an example of each names them.
 */
async function mixedDates(engine: Engine, ds: Dataset, c: SemanticColumn, n: number, writings: number[], orders: number[]): Promise<CheckTarget | null> {
  const x = tc(c.name);
  const most = writings.reduce((best, k, j) => (k > writings[best]! ? j : best), 0);
  let common: string;
  let where: string;
  let says: (k: number, a: string, b: string) => string;
  if (n - writings[most]! > 0 && writings.filter((k) => k > 0).length >= 2) {
    common = DATE_WRITINGS[most]!.test(x);
    where = `${present(x)} AND NOT (${common})`;
    says = (k, a, b) => `${plural(k, 'value')} ${k === 1 ? 'is' : 'are'} written another way (${b}) than the rest (${a})`;
  } else if (orders.every((k) => k > 0)) {
    const [major, minor] = orders[0]! >= orders[1]! ? [DAY_ORDERS[0]!, DAY_ORDERS[1]!] : [DAY_ORDERS[1]!, DAY_ORDERS[0]!];
    common = major.test(x);
    where = `${present(x)} AND ${minor.test(x)}`;
    says = (k, a, b) => `${plural(k, 'value')} ${k === 1 ? 'puts' : 'put'} the ${minor.name.split(' ')[0]} first (${b}) where the rest put the ${major.name.split(' ')[0]} first (${a})`;
  } else return null;
  const ex = (await engine.query(`SELECT min(${x}) FILTER (WHERE ${common}) AS a, min(${x}) FILTER (WHERE ${where}) AS b FROM ${from(ds)}`)).rows[0];
  const [a, b] = [JSON.stringify(String(ex?.a ?? '')), JSON.stringify(String(ex?.b ?? ''))];
  return {
    columns: [c.name],
    where,
    details: { expected: 'date', mixed: true },
    message: (k) => `${label(c)} holds dates, but ${says(k, a, b)}; because of them the whole column was read as text.`,
  };
}

export const invalidFormat: CheckDefinition = {
  id: 'invalid_format',
  title: 'Value breaks the column format',
  dimension: 'validity',
  owner: 'data',
  explanation:
    'When most values of a column follow one format (emails, SHA-256 hashes, dates, country codes), the others are mistakes: a malformed email is rejected by an audience upload, an MD5 in a SHA-256 column never matches, a date that does not parse drops out of every trend.',
  fix: 'Correct the listed values at the source; for hashed identifiers hash the normalised email with SHA-256, for dates use one format (YYYY-MM-DD).',
  defaults: { dominantShare: 0.8, warningShare: 0, errorShare: 0.2 },
  severity: (n, total, params) => shareSeverity(n, total, params),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const dominantShare = numParam(ctx.params, 'dominantShare', 0.8);
    const out: CheckTarget[] = [];
    for (const c of ds.semantics.columns.filter((c) => c.kind === 'text')) {
      const p = profileOf(ds, c.name);
      // A sampled profile can miss a few bad values: then the full-table count below decides.
      if (!p?.pattern || p.patternShare < dominantShare || (p.patternShare >= 1 && !p.patternsSampled))
        continue;
      const pattern: ValuePattern = p.pattern === 'url_utm' ? 'url' : p.pattern;
      const other = (Object.keys(p.patternCounts) as ValuePattern[]).filter(
        (k) => k !== pattern && k !== 'url_utm',
      );
      // Raw e-mails and phone numbers in a hashed-ID column are pii_detected's error: not counted again here.
      const notPii =
        c.role === 'hashed_id'
          ? ` AND NOT (${patternPredicate('email', tc(c.name))} OR ${patternPredicate('phone', tc(c.name))})`
          : '';
      out.push({
        columns: [c.name],
        where: `${tc(c.name)} IS NOT NULL AND ${notPlaceholder(tc(c.name))} AND NOT ${patternPredicate(pattern, tc(c.name))}${notPii}`,
        details: { expected: pattern, alsoSeen: other },
        message: (n) =>
          `${label(c)} holds ${PATTERN_NAMES[pattern].replace(/(ss|sh)$/, '$1e')}s, but ${plural(n, 'value')} ${n === 1 ? 'is' : 'are'} not one` +
          (other.length ? ` (seen instead: ${other.map((o) => PATTERN_NAMES[o]).join(', ')})` : '') +
          '.',
      });
    }
    // Text columns that are numbers or dates except for a few cells: the importer kept them as text
    // because of those cells, so they are the ones to fix.
    const textCols = await mostlyParseable(
      ctx.engine,
      ds,
      ds.semantics.columns.filter((c) => c.kind === 'text' && !profileOf(ds, c.name)?.pattern),
      dominantShare,
    );
    if (textCols.length) {
      const counts = await countConditions(
        ctx.engine,
        ds,
        textCols.flatMap((c) => [
          present(tc(c.name)),
          `${present(tc(c.name))} AND ${parsesAsNumber(tc(c.name))}`,
          `${present(tc(c.name))} AND ${parsesAsDate(tc(c.name))}`,
          ...[...DATE_WRITINGS, ...DAY_ORDERS].map((w) => `${present(tc(c.name))} AND ${w.test(tc(c.name))}`),
        ]),
        ctx.shared,
      );
      const per = 3 + DATE_WRITINGS.length + DAY_ORDERS.length;
      for (const [i, c] of textCols.entries()) {
        const [n = 0, asNumber = 0, asDate = 0, ...ways] = counts.slice(per * i, per * i + per);
        if (!n) continue;
        if (asDate === n) {
          // Every cell is a date, yet the column was kept as text: its dates are written in more than one way.
          const mixed = await mixedDates(ctx.engine, ds, c, n, ways.slice(0, DATE_WRITINGS.length), ways.slice(DATE_WRITINGS.length));
          if (mixed) out.push(mixed);
          continue;
        }
        const kind =
          asNumber / n >= dominantShare && asNumber < n
            ? 'number'
            : asDate / n >= dominantShare && asDate < n
              ? 'date'
              : null;
        if (!kind) continue;
        const test = kind === 'number' ? parsesAsNumber(tc(c.name)) : parsesAsDate(tc(c.name));
        out.push({
          columns: [c.name],
          where: `${present(tc(c.name))} AND NOT (${test})`,
          details: { expected: kind },
          message: (k) =>
            `${label(c)} holds ${kind}s, but ${plural(k, 'value')} cannot be read as ${kind === 'number' ? 'a number' : 'a date'}; because of them the whole column was read as text.`,
        });
      }
    }
    // Cells the importer could not read as the column's type (kept as text in the raw table).
    // The importer counts them per column (`unparsed`), so only those columns are joined to the raw text.
    const typed = ds.semantics.columns.filter(
      (c) => (c.kind === 'number' || c.kind === 'date' || c.kind === 'boolean') && c.unparsed > 0,
    );
    if (ds.rawTableName && typed.length) {
      const bad = (name: string) =>
        `t.${quoteIdent(name)} IS NULL AND ${raw(name)} IS NOT NULL AND trim(${raw(name)}) <> '' AND ${notPlaceholder(raw(name))}`;
      const join = `${from(ds)} JOIN ${quoteIdent(ds.rawTableName)} r ON r.${LINE} = t.${LINE}`;
      const row =
        (
          await ctx.engine.query(
            `SELECT ${typed.map((c, i) => `count(*) FILTER (WHERE ${bad(c.name)}) AS u${i}`).join(', ')} FROM ${join}`,
          )
        ).rows[0] ?? {};
      typed.forEach((c, i) => {
        if (!Number(row[`u${i}`] ?? 0)) return;
        const what = c.kind === 'date' ? 'dates' : c.kind === 'number' ? 'numbers' : 'true/false values';
        out.push({
          columns: [c.name],
          sql: `SELECT t.${LINE}, ${raw(c.name)} AS ${quoteIdent(c.name)} FROM ${join} WHERE ${bad(c.name)}`,
          message: (n) =>
            `${plural(n, 'value')} in ${label(c)} cannot be read as ${what} like the rest of the column; they count as empty.`,
        });
      });
    }
    return out;
  },
};

const emailInside = (x: string) =>
  `regexp_matches(${x}, '[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+\\.[A-Za-z]{2,}')`;

export const piiDetected: CheckDefinition = {
  id: 'pii_detected',
  title: 'Personal data where it does not belong',
  dimension: 'validity',
  owner: 'governance',
  explanation:
    'Raw emails, phone numbers and names are personal data. In a hashed-ID column or an audience upload they mean the file was never hashed; inside campaign names or URLs they end up in ad platforms and analytics tools that must not hold them (GDPR, platform terms).',
  fix: 'Hash identifiers with SHA-256 after normalising (trim, lowercase) before upload; remove emails from URLs and UTM values and purge them from analytics.',
  defaults: {},
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: (ctx) => {
    const ds = ctx.dataset;
    const out: CheckTarget[] = [];
    for (const c of withRole(ds, 'hashed_id').filter((c) => c.kind === 'text')) {
      out.push({
        columns: [c.name],
        where: `(${patternPredicate('email', tc(c.name))} OR ${patternPredicate('phone', tc(c.name))})`,
        message: (n) =>
          `${label(c)} should hold hashes but ${plural(n, 'row')} hold a raw email or phone number.`,
        severity: (n) => (n > 0 ? 'error' : null),
      });
    }
    if (ds.semantics.platform.platform === 'audience_segment') {
      for (const c of withRole(ds, 'email', 'phone', 'person_name').filter((c) => c.kind === 'text')) {
        const pred =
          c.role === 'person_name'
            ? `${tc(c.name)} IS NOT NULL AND trim(${tc(c.name)}) <> '' AND NOT ${patternPredicate('sha256', tc(c.name))}`
            : `${patternPredicate(c.role === 'email' ? 'email' : 'phone', tc(c.name))}`;
        out.push({
          columns: [c.name],
          where: pred,
          message: (n, total) =>
            `This audience file holds ${plural(n, 'unhashed value')} (${pct(n, total)}) in ${label(c)}; upload hashed values instead.`,
        });
      }
    }
    if (!isContactData(ctx)) {
      const free = withRole(
        ds,
        'campaign',
        'ad_group',
        'ad',
        'source',
        'medium',
        'source_medium',
        'url',
        'segment',
        'channel',
        'search_query',
        'page_path',
      ).filter((c) => c.kind === 'text');
      for (const c of free) {
        out.push({
          columns: [c.name],
          where: emailInside(tc(c.name)),
          message: (n) =>
            `${plural(n, 'value')} in ${label(c)} ${verb(n, 'contains', 'contain')} an email address.`,
        });
      }
    }
    return out;
  },
};
