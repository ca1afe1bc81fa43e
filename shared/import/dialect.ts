/**
 * The CSV dialect (delimiter × quote × escape) and how it is chosen: every candidate reads a sample of
 * the first few hundred lines and is scored by how consistent the field counts are and how well the
 * cells look like values of a known kind. This is CleverCSV's consistency measure (pattern score ×
 * type score, van den Burg et al. 2019); DuckDB's sniffer scores candidates the same way.
 */
import { isPlaceholder } from './values';

export type QuoteChar = '"' | "'" | '';
export type EscapeStyle = 'double' | 'backslash';

export interface Dialect {
  /** One character, or ', ' (comma and space). */
  delimiter: string;
  /** '' means no quoting at all. */
  quote: QuoteChar;
  /** How a quote is written inside a quoted value: doubled ("") or backslash (\"). */
  escape: EscapeStyle;
}

export const DEFAULT_DIALECT: Dialect = { delimiter: ',', quote: '"', escape: 'double' };

export const DELIMITERS = [',', '\t', ';', '|', ', ', ' '] as const;
const QUOTES: QuoteChar[] = ['"', "'", ''];
const ESCAPES: EscapeStyle[] = ['double', 'backslash'];

export const DELIM_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ', ': 'comma and space', ' ': 'space' };

/** `\N` (MySQL's NULL) as a whole field, in backslash-escaped files. */
export const BACKSLASH_NULL = '\\N';

function unescapeBackslash(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  if (s === BACKSLASH_NULL) return '';
  return s.replace(/\\(.)/gs, (_, c: string) => (c === '0' ? '' : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}

/**
 * Split one physical line into fields. A quote opens only at the start of a field and counts only when
 * it closes on this line right before a delimiter or the line end; any other quote is plain text. So
 * a stray quote (`5'11" tall`, `"Ann` never closed) never pairs with a quote somewhere else.
 */
export function splitFields(line: string, d: string | Dialect): string[] {
  const { delimiter, quote, escape } = typeof d === 'string' ? { ...DEFAULT_DIALECT, delimiter: d } : d;
  const out: string[] = [];
  const n = line.length;
  const dl = delimiter.length;
  let i = 0;
  for (;;) {
    let field: string | null = null;
    let next = i;
    if (quote && line[i] === quote) {
      let j = i + 1;
      let val = '';
      let closed = false;
      while (j < n) {
        const c = line[j]!;
        if (escape === 'backslash' && c === '\\' && j + 1 < n) {
          val += line.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (c === quote) {
          if (escape === 'double' && line[j + 1] === quote) {
            val += quote;
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        val += c;
        j++;
      }
      if (closed && (j + 1 === n || line.startsWith(delimiter, j + 1))) {
        field = escape === 'backslash' ? unescapeBackslash(val) : val;
        next = j + 1;
      }
    }
    if (field === null) {
      let k = line.indexOf(delimiter, i);
      if (k < 0) k = n;
      field = line.slice(i, k);
      if (escape === 'backslash') field = unescapeBackslash(field);
      next = k;
    }
    out.push(field);
    if (next >= n) break;
    i = next + dl;
    if (i >= n) {
      out.push('');
      break;
    }
  }
  return out;
}

const NUMBER = /^[(+<>≤≥-]?\s*(?:[$€£¥₹]|[A-Z]{3} )?\s*(?:\d|\.\d)(?:[\d.,' ]*\d)?\s*%?\)?$/;
const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[AP]M|[+-]\d{2}:?\d{2})?)?$/i;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?$/i;
const URL = /^(?:https?:\/\/|www\.)\S+$/i;
const EMAIL = /^[^\s@,;"]+@[^\s@,;"]+\.[a-z]{2,}$/i;
const WORDS = /^[\p{L}\p{N}(¿¡#@$€£][\p{L}\p{N}\p{M} _\-.&/()#+:!?@%'’"–*=[\]$€£]*$/u;
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

export type CellKind = 'empty' | 'number' | 'date' | 'text' | 'unknown';

/** What one cell holds, for structure detection (not for typing columns: that is values.ts). */
export function cellKind(cell: string): CellKind {
  const t = cell.trim();
  if (t === '' || isPlaceholder(t)) return 'empty';
  if (COMPACT_DATE.test(t)) return 'date';
  if (NUMBER.test(t)) return 'number';
  if (DATE.test(t) || TIME.test(t)) return 'date';
  // Prose keeps ", " and "; " (a comma followed by a space); a comma glued to the next word is a
  // sign of a wrong delimiter, and so is a quote at the start of a value.
  if (URL.test(t) || EMAIL.test(t) || WORDS.test(t.replace(/[,;] (?=\S)/g, ' '))) return 'text';
  return 'unknown';
}

/** How well a cell fits a known kind: 1, or ½ when it carries spaces around it, or 0. */
function typeScore(cell: string): number {
  const k = cellKind(cell);
  if (k === 'unknown') return 0;
  if (k === 'empty') return 1;
  return cell.length !== cell.trim().length ? 0.5 : 1;
}

export interface DialectChoice extends Dialect {
  fieldCount: number;
  /** Share of sampled lines having the winning field count. */
  consistency: number;
  score: number;
}

/** Lines sampled for sniffing: at most this many, and at most SAMPLE_CHARS characters. */
export const SAMPLE_LINES = 400;
const SAMPLE_CHARS = 256 * 1024;

/**
 * A `#` comment line (GA4's "# Property: …" block). A `#` that is a whole first field followed by a delimiter
 * (`#,Keyword,Volume` — Ahrefs' rank column) is a header cell, not a comment.
 */
export function isCommentLine(text: string): boolean {
  return /^\s*#(?![,;\t|])/.test(text);
}

export function sampleLines(texts: string[]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const t of texts) {
    if (t.trim() === '' || isCommentLine(t)) continue;
    out.push(t);
    chars += t.length;
    if (out.length >= SAMPLE_LINES || (chars >= SAMPLE_CHARS && out.length >= 2)) break;
  }
  return out;
}

function candidates(sample: string[], preferTab: boolean): Dialect[] {
  const text = sample.join('\n');
  const delims = DELIMITERS.filter((d) => text.includes(d));
  if (preferTab) delims.sort((a, b) => (a === '\t' ? -1 : b === '\t' ? 1 : 0));
  const out: Dialect[] = [];
  for (const delimiter of delims) {
    for (const quote of QUOTES) {
      if (quote === "'" && !text.includes("'")) continue;
      if (quote === '' && !text.includes('"')) continue;
      for (const escape of ESCAPES) {
        if (escape === 'backslash' && (!quote || !text.includes('\\' + quote))) continue;
        if (escape === 'double' || quote) out.push({ delimiter, quote, escape });
      }
    }
  }
  return out;
}

/** Delimiters that also separate words in text: "John Smith" or "Smith, John" alone is not two columns. */
const WORD_SEPARATORS = new Set([' ', ', ']);

/**
 * A table split on a word separator must show it: at least two rows of the same width, and a column
 * holding numbers or dates in most of them.
 */
function holdsValues(rows: string[][]): boolean {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let mode = 0;
  for (const [n, c] of counts) if (n >= 2 && c >= 2 && c > (counts.get(mode) ?? 0)) mode = n;
  if (mode === 0) return false;
  const same = rows.filter((r) => r.length === mode);
  for (let j = 0; j < mode; j++) {
    const valued = same.filter((r) => {
      const k = cellKind(r[j]!);
      return k === 'number' || k === 'date';
    }).length;
    if (valued >= same.length / 2) return true;
  }
  return false;
}

/**
 * Choose the dialect that reads the sample most consistently. Ties go to the more common dialect
 * (comma before tab before semicolon…, double quote before single quote before none).
 */
export function detectDialect(lines: { text: string }[], preferTab: boolean): DialectChoice {
  const sample = sampleLines(lines.map((l) => l.text));
  let best: DialectChoice = { ...DEFAULT_DIALECT, delimiter: preferTab ? '\t' : ',', fieldCount: 1, consistency: 0, score: 0 };
  for (const d of candidates(sample, preferTab)) {
    const counts = new Map<number, number>();
    let known = 0;
    let cells = 0;
    const rows: string[][] = [];
    for (const line of sample) {
      const fields = splitFields(line, d);
      rows.push(fields);
      counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
      for (const f of fields) known += typeScore(f);
      cells += fields.length;
    }
    if (WORD_SEPARATORS.has(d.delimiter) && !holdsValues(rows)) continue;
    let pattern = 0;
    let mode = 1;
    let freq = 0;
    for (const [len, count] of counts) {
      pattern += (count * (len - 1)) / len;
      if (count > freq || (count === freq && len > mode)) [mode, freq] = [len, count];
    }
    pattern /= counts.size;
    const score = pattern * (cells ? known / cells : 0);
    if (score > best.score * (1 + 1e-9)) best = { ...d, fieldCount: mode, consistency: sample.length ? freq / sample.length : 0, score };
  }
  return best;
}
