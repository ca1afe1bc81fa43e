/**
 * Reading values: placeholders, formatted numbers, percents, currencies, bounded values, dates and
 * epoch milliseconds. Decisions are made on a sample in JS, then applied to the whole table in SQL.
 */
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { DateOrder, DecimalSeparator, ValueKind } from './types';

/** Cells that mean "no value". `--` is what Google Ads prints for "not applicable". */
export const PLACEHOLDERS = ['', '--', '-', 'n/a', 'N/A', 'NA', 'null', 'NULL', 'Null', '#N/A', '(null)', '—', '–', 'nan', 'NaN'];
const PLACEHOLDER_SET = new Set(PLACEHOLDERS);
// 'NA' is only a placeholder in number columns: in text it can be Namibia or North America.
const TEXT_PLACEHOLDERS = PLACEHOLDERS.filter((p) => p !== 'NA' && p !== 'nan' && p !== 'NaN');
/**
 * Placeholder sets as DuckDB list literals for list_contains(). `x IN (a, b, …)` is expanded by DuckDB's
 * optimizer into a chain per expression: with thousands of columns (a 10,000-column file) one statement
 * took minutes and ran the wasm heap out of memory, while list_contains is as fast on tall files.
 */
const TEXT_PLACEHOLDER_LIST = `[${TEXT_PLACEHOLDERS.map((p) => quoteLiteral(p)).join(', ')}]`;
/** Every placeholder including '' (empty or blank cells). */
export const ALL_PLACEHOLDER_LIST = `[${PLACEHOLDERS.map((p) => quoteLiteral(p)).join(', ')}]`;

/**
 * SQL: true when cell `c` cannot trim to any of `placeholders` because its first character rules it out:
 * an ASCII character that is neither a placeholder's first character nor blank (trim strips spaces and
 * Unicode spaces; any non-ASCII first character goes on to the full test). ascii() reads one character, so
 * ordinary text skips trim() and the list lookup (measured on 1M text cells: 128 → 53 ms CPU native,
 * 237 → 91 ms duckdb-wasm). Also true for cells longer than any padded placeholder. list_contains, not IN:
 * DuckDB turns a long IN list into a join, which drops the order-keeping insert of the one read.
 */
export function notPlaceholderSql(c: string, placeholders: readonly string[]): string {
  const first = new Set([0, 9, 10, 11, 12, 13, 32, ...placeholders.map((p) => p.codePointAt(0) ?? 0).filter((x) => x < 128)]);
  return `(ascii(${c}) < 128 AND NOT list_contains([${[...first].sort((a, b) => a - b).join(', ')}], ascii(${c}))) OR strlen(${c}) > 48`;
}

export function isPlaceholder(v: string): boolean {
  return PLACEHOLDER_SET.has(v.trim());
}

const CURRENCY_SYMBOLS = '$€£¥₹';
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'INR', 'BRL', 'MXN', 'ZAR', 'SGD', 'HKD', 'CNY']);

export interface ParsedNumber {
  value: number;
  percent: boolean;
  currency?: string;
  bounded: boolean;
  integer: boolean;
  digits: number;
  leadingZero: boolean;
  parens: boolean;
  grouped: boolean;
}

const NUM_DOT = /^(\d{1,3}(,\d{3})+|\d{1,3}([ \u00a0\u202f']\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const NUM_COMMA = /^(\d{1,3}(\.\d{3})+|\d{1,3}([ \u00a0\u202f']\d{3})+|\d+)?(,\d+)?$/;

/** The shapes most cells take ("538", "2.81", "12,023", "1,483.48", "4.47%"), with "." for decimals. */
const COMMON_DOT = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)$/;

/**
 * parseNumber's answer for the common shapes without its dozen pattern tests (the type sample parses up
 * to 20,000 cells per column); undefined for anything else. test/unit/import/parse-number.test.ts holds
 * it equal to the full parse.
 */
function commonNumber(raw: string, dec: DecimalSeparator): ParsedNumber | undefined {
  if (dec !== '.') return undefined;
  const m = COMMON_DOT.exec(raw);
  if (!m) return undefined;
  const grouped = m[1]!.length > 3 && m[1]!.includes(',');
  const intPart = grouped ? m[1]!.replace(/,/g, '') : m[1]!;
  const value = Number(intPart + (m[2] ?? ''));
  if (!Number.isFinite(value)) return undefined;
  return {
    value,
    percent: m[3] === '%',
    currency: undefined,
    bounded: false,
    integer: !m[2],
    digits: intPart.length,
    leadingZero: intPart.length > 1 && intPart.startsWith('0'),
    parens: false,
    grouped,
  };
}

export function parseNumber(raw: string, dec: DecimalSeparator): ParsedNumber | null {
  return commonNumber(raw, dec) ?? parseNumberFully(raw, dec);
}

/** Every form a number cell takes: bounds, parentheses, signs, percents, currencies, grouping. */
export function parseNumberFully(raw: string, dec: DecimalSeparator): ParsedNumber | null {
  let s = raw.trim();
  if (s === '') return null;
  let bounded = false;
  const b = /^(<=?|>=?|≤|≥)\s*/.exec(s);
  if (b) {
    bounded = true;
    s = s.slice(b[0].length);
  }
  let parens = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    parens = true;
    s = s.slice(1, -1).trim();
  }
  let neg = parens;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = neg || s.startsWith('-');
    s = s.slice(1).trim();
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let currency: string | undefined;
  const pre = /^([$€£¥₹]|[A-Z]{3})\s*/.exec(s);
  const post = /\s*([$€£¥₹]|[A-Z]{3})$/.exec(s);
  if (pre && (CURRENCY_SYMBOLS.includes(pre[1]!) || CURRENCY_CODES.has(pre[1]!))) {
    currency = pre[1];
    s = s.slice(pre[0].length);
  } else if (post && (CURRENCY_SYMBOLS.includes(post[1]!) || CURRENCY_CODES.has(post[1]!))) {
    currency = post[1];
    s = s.slice(0, s.length - post[0].length);
  }
  if (!neg && s.startsWith('-')) {
    neg = true;
    s = s.slice(1);
  }
  if (s === '' || !/\d/.test(s)) return null;
  const re = dec === '.' ? NUM_DOT : NUM_COMMA;
  const m = re.exec(s);
  if (!m) return null;
  const grouped = /[ \u00a0\u202f',.]\d{3}/.test(m[1] ?? '');
  let plain = s.replace(/[ \u00a0\u202f']/g, '');
  plain = dec === '.' ? plain.replace(/,/g, '') : plain.replace(/\./g, '').replace(',', '.');
  const value = Number(plain) * (neg ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  const intPart = (m[1] ?? '').replace(/\D/g, '');
  return {
    value,
    percent,
    currency,
    bounded,
    integer: !m[4] && !m[5],
    digits: intPart.length,
    leadingZero: intPart.length > 1 && intPart.startsWith('0'),
    parens,
    grouped,
  };
}

/** Evidence for the decimal separator from number-like cells across the whole sample. */
/** "1.234,56", "12,5", "0,1234": a comma that can only be a decimal separator (and the dot twins below). */
const COMMA_EVIDENCE = /^(?:\d{1,3}(?:\.\d{3})+,\d+|\d+,\d{1,2}|\d+,\d{4,})$/;
const DOT_EVIDENCE = /^(?:\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d{1,2}|\d+\.\d{4,})$/;

export function detectDecimalSeparator(cells: string[], delimiter: string): { sep: DecimalSeparator; ambiguous: boolean; comma: number; dot: number } {
  let comma = 0;
  let dot = 0;
  for (const c of cells) {
    // Every pattern below needs a "," or a "." (most cells have neither: names, dates, whole numbers).
    if (!c.includes(',') && !c.includes('.')) continue;
    const s = c.trim().replace(/^[$€£¥₹]\s*|\s*[$€£¥₹%]$/g, '').replace(/^-/, '');
    if (COMMA_EVIDENCE.test(s)) comma++;
    else if (DOT_EVIDENCE.test(s)) dot++;
  }
  if (comma > dot) return { sep: ',', ambiguous: dot > 0, comma, dot };
  if (dot > comma) return { sep: '.', ambiguous: comma > 0, comma, dot };
  return { sep: delimiter === ';' ? ',' : '.', ambiguous: comma + dot === 0 && delimiter === ';', comma, dot };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLASH_YMD = /^\d{4}\/\d{1,2}\/\d{1,2}$/;
const YMD8 = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const DM_Y = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const ISO_TS = /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MONTH_FIRST = /^[A-Za-z]{3,9}\.? \d{1,2}, \d{4}$/;
const DAY_MONTH = /^\d{1,2} [A-Za-z]{3,9}\.? \d{4}$/;
const EPOCH_MS = /^1\d{12}$/;

export interface ColumnDecision {
  kind: ValueKind;
  type: string;
  percent: boolean;
  currency?: string;
  /** Date formats (DuckDB strptime) when kind is date. */
  dateFormats?: string[];
  /** For dd/mm-style dates: which of the two first parts ruled the order. */
  dayMonth?: { firstOver12: boolean; secondOver12: boolean; sep: string };
  bounded: boolean;
  parens: boolean;
  /** Thousands grouped with spaces or apostrophes ("1 234", "1'234"). */
  spaced?: boolean;
  /** Most sampled values are grouped ("12,023"): the conversion removes separators from every cell. */
  mostlyGrouped?: boolean;
}

export function decideColumn(values: string[], dec: DecimalSeparator): ColumnDecision {
  const vals = values.map((v) => v.trim()).filter((v) => !PLACEHOLDER_SET.has(v));
  const text: ColumnDecision = { kind: 'text', type: 'VARCHAR', percent: false, bounded: false, parens: false };
  if (vals.length === 0) return text;
  const all = (re: RegExp) => vals.every((v) => re.test(v));
  if (vals.every((v) => /^(true|false)$/i.test(v))) return { ...text, kind: 'boolean', type: 'BOOLEAN' };
  if (all(ISO_DATE)) return { ...text, kind: 'date', type: 'DATE', dateFormats: ['%Y-%m-%d'] };
  if (all(SLASH_YMD)) return { ...text, kind: 'date', type: 'DATE', dateFormats: ['%Y/%m/%d'] };
  if (all(YMD8)) return { ...text, kind: 'date', type: 'DATE', dateFormats: ['%Y%m%d'] };
  if (all(ISO_TS)) return { ...text, kind: 'timestamp', type: 'TIMESTAMP' };
  if (all(MONTH_FIRST)) return { ...text, kind: 'date', type: 'DATE', dateFormats: ['%b %d, %Y', '%B %d, %Y', '%b. %d, %Y'] };
  if (all(DAY_MONTH)) return { ...text, kind: 'date', type: 'DATE', dateFormats: ['%d %b %Y', '%d %B %Y', '%d %b. %Y'] };
  if (all(DM_Y)) {
    let firstOver12 = false;
    let secondOver12 = false;
    const seps = new Set<string>();
    for (const v of vals) {
      const m = DM_Y.exec(v)!;
      if (Number(m[1]) > 12) firstOver12 = true;
      if (Number(m[3]) > 12) secondOver12 = true;
      seps.add(m[2]!);
    }
    if (!(firstOver12 && secondOver12) && seps.size === 1) {
      return { ...text, kind: 'date', type: 'DATE', dayMonth: { firstOver12, secondOver12, sep: [...seps][0]! } };
    }
    return text;
  }
  if (all(EPOCH_MS)) {
    const ok = vals.every((v) => {
      const n = Number(v);
      return n >= 946684800000 && n <= 4102444800000;
    });
    if (ok) return { ...text, kind: 'epoch-ms', type: 'TIMESTAMP' };
  }
  // Stops at the first value that is not a number (a text column is known after a value or two).
  const nums: ParsedNumber[] = [];
  for (const v of vals) {
    const n = parseNumber(v, dec);
    if (n === null) return text;
    nums.push(n);
  }
  if (nums.some((n) => n.leadingZero && n.integer && !n.grouped)) return text; // ZIP codes, IDs with zeros
  const percent = nums.some((n) => n.percent);
  const currencies = new Set(nums.map((n) => n.currency).filter(Boolean));
  const bounded = nums.some((n) => n.bounded);
  const parens = nums.some((n) => n.parens);
  const integer = nums.every((n) => n.integer) && !percent;
  const maxDigits = Math.max(...nums.map((n) => n.digits));
  const spaced = vals.some((v) => /\d[ \u00a0\u202f']\d/.test(v));
  const mostlyGrouped = nums.filter((n) => n.grouped).length * 2 > nums.length;
  const base = { spaced, mostlyGrouped, percent, currency: currencies.size === 1 ? [...currencies][0] : currencies.size > 1 ? [...currencies].join('/') : undefined, bounded, parens };
  if (integer && maxDigits >= 19) return text; // beyond BIGINT: keep every digit as text
  if (integer && maxDigits >= 16) return { ...text, ...base, kind: 'bigint-id', type: 'BIGINT' };
  if (integer && !base.currency) return { ...text, ...base, kind: 'integer', type: 'BIGINT' };
  return { ...text, ...base, kind: percent ? 'percent' : base.currency ? 'currency' : 'decimal', type: 'DOUBLE' };
}

export function dateFormatsFor(d: ColumnDecision, order: DateOrder): string[] {
  if (d.dateFormats) return d.dateFormats;
  const sep = d.dayMonth?.sep ?? '/';
  return order === 'DMY' ? [`%d${sep}%m${sep}%Y`] : [`%m${sep}%d${sep}%Y`];
}

/** SQL that turns the raw text column into the decided type. Placeholders become NULL. */
export function conversionSql(col: string, d: ColumnDecision, dec: DecimalSeparator, order: DateOrder): string {
  const c = quoteIdent(col);
  const t = `trim(${c})`;
  switch (d.kind) {
    case 'text':
      // The guard skips the list lookup for ordinary text (a CASE branch, so the lookup runs only for the rows
      // left; AND evaluates both sides). Placeholders are short: 16 characters with padding, ≤ 3 bytes each.
      return `CASE WHEN ${notPlaceholderSql(c, TEXT_PLACEHOLDERS)} THEN ${c} WHEN list_contains(${TEXT_PLACEHOLDER_LIST}, ${t}) THEN NULL ELSE ${c} END`;
    case 'boolean':
      return `TRY_CAST(${t} AS BOOLEAN)`;
    case 'date': {
      const f = dateFormatsFor(d, order);
      // TRY_CAST skips surrounding spaces itself; no trim() needed on the fast paths.
      if (f.length === 1 && f[0] === '%Y-%m-%d') return `TRY_CAST(${c} AS DATE)`;
      return `CAST(TRY_STRPTIME(${t}, [${f.map((x) => quoteLiteral(x)).join(', ')}]) AS DATE)`;
    }
    case 'timestamp':
      return `TRY_CAST(${c} AS TIMESTAMP)`;
    case 'epoch-ms':
      return `epoch_ms(TRY_CAST(${t} AS BIGINT))`;
    default: {
      let e = c;
      if (d.bounded) e = `regexp_replace(trim(${e}), '^(<=?|>=?|≤|≥)\\s*', '')`;
      if (d.percent) e = `replace(${e}, '%', '')`;
      if (d.currency) e = `regexp_replace(${e}, '[$€£¥₹]|[A-Z]{3}', '', 'g')`;
      if (d.spaced) e = `regexp_replace(${e}, '[ \\x{00A0}\\x{202F}'']', '', 'g')`;
      const cast = (x: string) => `TRY_CAST(${d.parens ? `CASE WHEN ${x} LIKE '(%)' THEN '-' || trim(${x}, '()') ELSE ${x} END` : x} AS ${d.type})`;
      // Grouped numbers lose their thousands separators.
      if (dec === ',') return cast(`replace(replace(${e}, '.', ''), ',', '.')`);
      const grouped = cast(`replace(${e}, ',', '')`);
      // Where few values are grouped, cells without a comma skip replace() (no rewriting above adds or removes
      // a comma, so the result is the same): 93 → 70 ms CPU native, 126 → 104 ms wasm per 1M cells; a column
      // of mostly grouped values keeps the one expression (the test costs more than it saves there).
      return d.mostlyGrouped ? grouped : `CASE WHEN contains(${c}, ',') THEN ${grouped} ELSE ${cast(e)} END`;
    }
  }
}

/** Kinds whose cells are written as numbers: they carry decimals shown and currency marks. */
export const NUMBER_KINDS: readonly ValueKind[] = ['integer', 'decimal', 'percent', 'currency'];

/**
 * A currency mark in a cell's text: a symbol or a three-letter code (`$12.00`, `9.50 EUR`), as a
 * regular expression for DuckDB's regexp_extract (group 1). One definition for the importer's count and
 * the mixed_currency check's affected rows.
 */
export const CURRENCY_MARK_REGEX = '([$€£¥]|\\b[A-Z]{3}\\b)';

/** SQL: the currency mark of one cell's text, NULL when it has none. */
export function currencyMarkSql(cell: string): string {
  return `nullif(regexp_extract(${cell}, ${quoteLiteral(CURRENCY_MARK_REGEX)}, 1), '')`;
}

/** Currency marks counted per mark, read back from two space-separated lists (keys, counts). */
export function symbolCounts(keys: unknown, counts: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof keys !== 'string' || typeof counts !== 'string' || keys === '') return out;
  const n = counts.split(' ');
  keys.split(' ').forEach((k, i) => (out[k] = Number(n[i])));
  return out;
}

/** SQL: how many decimal digits one cell's text shows (0 when none). */
export function decimalsShownSql(cell: string, dec: DecimalSeparator): string {
  return `length(regexp_extract(${cell}, ${quoteLiteral(dec === ',' ? ',(\\d+)' : '\\.(\\d+)')}, 1))`;
}

/** Count expression: cells holding a placeholder (for the per-column count in the import log). */
export function placeholderCountSql(col: string): string {
  return `count_if(list_contains(${ALL_PLACEHOLDER_LIST}, trim(${quoteIdent(col)})))`;
}
