/**
 * The body pass: one scan over the table's bytes that
 * - prefixes every record with its physical line number (so every row, finding and sample can point
 *   back to the user's file, even with line breaks inside quoted values),
 * - skips blank lines and rows made only of delimiters, and the lines the header analysis set aside
 *   (second and third header lines, a column-description row),
 * - removes rows that repeat the header line exactly (exports joined together: each part brings its header),
 * - counts fields per record (ragged rows are reported, never dropped silently),
 * - repairs stray quotes per record: a record whose quoting goes wrong (a quote that closes in the
 *   middle of a value, never closes, or swallows the next line) is re-read as plain text on its own
 *   line, so it never takes the next line with it,
 * - trims one-field footer lines at the end of the table.
 * A clean file (clean-scan.ts) is not copied at all: its rows go to DuckDB as they are. Otherwise, files in
 * the common dialect (one-byte delimiter, "double quotes" with "" escapes) are copied byte for byte; other dialects (single quotes, backslash escapes, ", " or space delimiters) are rewritten
 * record by record as plain CSV, so DuckDB always reads one well-known dialect.
 */
import type { Dialect } from './dialect';
import { cleanScan } from './clean-scan';
import { BACKSLASH_NULL, splitFields } from './dialect';

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;

export interface BodyPassInput {
  utf8: Uint8Array;
  start: number;
  end: number;
  /** Physical line number of the first line at `start` (the header, or the first row without one). */
  firstLine: number;
  dialect: Dialect;
  /** Field count of the header (the table's width). */
  headerFields: number;
  /** True when the table has no header line: the first record is data. */
  headerless?: boolean;
  /** Records starting on these lines are read but not written (extra header lines, description row). */
  skipLines?: Set<number>;
  /** How many records to keep as a sample for the type decisions, spread evenly over the table. */
  sampleRows?: number;
  /**
   * Clean rows only: sample the records' lines without reading their fields (the clean guess has read them
   * already; clean-guess.ts confirms by lines). A rewritten file still samples its fields.
   */
  sampleLinesOnly?: boolean;
  /** False when the rows must be rewritten even if clean (default true: clean rows are left as they are). */
  leaveAsIs?: boolean;
}

export interface RepairedRecord {
  line: number;
  /** The line's original text. */
  text: string;
}

export interface BodyPassResult {
  bytes: Uint8Array;
  /** The dialect of `bytes`, for DuckDB's read_csv. */
  delimiter: string;
  records: number;
  maxFields: number;
  longestRecord: number;
  blankLines: number;
  /** Records whose field count differs from the header's: line and count (first 200 kept). */
  ragged: { line: number; fields: number }[];
  raggedCount: number;
  multiLineRecords: number;
  /** Records with a lone CR (a carriage return not before a line feed) inside a value: written quoted. */
  loneCRRecords: number;
  /**
   * Lines that repeat the header exactly, removed from the rows with the one-field title lines right above
   * them (first 200 kept).
   */
  repeatedHeaders: { line: number; titles: { line: number; text: string }[] }[];
  repeatedHeaderCount: number;
  /** Records re-read as plain text on their own line because of a stray quote (first 200 kept). */
  repaired: RepairedRecord[];
  repairedCount: number;
  /** `\N` cells read as empty (backslash-escaped files). */
  backslashNulls: number;
  /** `\0` (an escaped NUL character) removed from values (backslash-escaped files). */
  backslashNuls: number;
  footerLines: { line: number; text: string }[];
  /** Every k-th record's fields (about `sampleRows` of them, the first record included), with its line. */
  sample: { line: number; fields: string[] }[];
  /**
   * Set when the rows were clean and left as they are (clean-scan.ts): `bytes` is then the rows' byte range
   * of the input, without a header or line numbers, and row n (1-based) is on line firstDataLine + n - 1.
   */
  firstDataLine?: number;
}

function writeDigits(out: Uint8Array, pos: number, n: number): number {
  const s = String(n);
  for (let i = 0; i < s.length; i++) out[pos + i] = s.charCodeAt(i);
  return pos + s.length;
}

/** One record as plain CSV with '"' quotes, in the output delimiter. */
function csvRecord(fields: string[], delim: string): string {
  return fields.map((f) => (/["\n\r]/.test(f) || f.includes(delim) ? '"' + f.replace(/"/g, '""') + '"' : f)).join(delim);
}

/** The bytes of line [from, to) without a final CR. */
function lineBytes(utf8: Uint8Array, from: number, to: number): Uint8Array {
  return utf8.subarray(from, to > from && utf8[to - 1] === CR ? to - 1 : to);
}

/**
 * A matcher for lines that repeat the header line [from, to) byte for byte (a final CR aside): exports
 * joined together bring one header each. Compares lengths first, so almost every line costs one test.
 */
export function headerRepeat(
  utf8: Uint8Array,
  from: number,
  to: number,
): (start: number, end: number) => boolean {
  const header = lineBytes(utf8, from, to);
  return (start, end) => {
    const line = lineBytes(utf8, start, end);
    if (line.length !== header.length || line.length === 0) return false;
    for (let i = 0; i < line.length; i++) if (line[i] !== header[i]) return false;
    return true;
  };
}

/** A body-pass result that found nothing yet; `found` sets the bytes, dialect, width and whatever the pass counted. */
export function bodyResult(found: Pick<BodyPassResult, 'bytes' | 'delimiter' | 'maxFields'> & Partial<BodyPassResult>): BodyPassResult {
  return {
    records: 0,
    longestRecord: 0,
    blankLines: 0,
    ragged: [],
    raggedCount: 0,
    multiLineRecords: 0,
    loneCRRecords: 0,
    repeatedHeaders: [],
    repeatedHeaderCount: 0,
    repaired: [],
    repairedCount: 0,
    backslashNulls: 0,
    backslashNuls: 0,
    footerLines: [],
    sample: [],
    ...found,
  };
}

/** `counted`: the table's newlines and sampling step when the caller has them (clean-guess.ts indexLines). */
export function bodyPass(input: BodyPassInput, counted?: { newlines: number; every: number }): BodyPassResult {
  const { utf8, start, end, dialect, headerFields } = input;
  const fast = dialect.delimiter.length === 1 && dialect.quote === '"' && dialect.escape === 'double';
  const outDelim = fast ? dialect.delimiter : ',';
  const D0 = dialect.delimiter.charCodeAt(0);
  const D1 = dialect.delimiter.length > 1 ? dialect.delimiter.charCodeAt(1) : -1;
  const dLen = dialect.delimiter.length;
  const Q = dialect.quote ? dialect.quote.charCodeAt(0) : -1;
  const backslash = dialect.escape === 'backslash';
  const skip = input.skipLines ?? new Set<number>();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  let newlines = counted?.newlines ?? 0;
  if (!counted) for (let i = utf8.indexOf(NL, start); i >= 0 && i < end; i = utf8.indexOf(NL, i + 1)) newlines++;
  const every = counted?.every ?? Math.max(1, Math.ceil(newlines / Math.max(1, input.sampleRows ?? 20000)));
  const clean = input.leaveAsIs === false ? null : cleanScan(input, every);
  if (clean) return clean;
  let out = new Uint8Array(Math.floor((end - start) * (fast ? 1 : 1.2)) + (newlines + 2) * 12 + 64);
  let o = 0;
  const ensure = (extra: number) => {
    if (o + extra <= out.length) return;
    const grown = new Uint8Array(Math.max(out.length * 2, o + extra + 1024));
    grown.set(out.subarray(0, o));
    out = grown;
  };

  const res = bodyResult({ bytes: out, delimiter: outDelim, maxFields: headerFields });
  // Output offsets and field counts of the last few records, to trim footers.
  const tail: { outStart: number; line: number; fields: number; inStart: number; inEnd: number }[] = [];

  const lineEnd = (from: number) => {
    const i = utf8.indexOf(NL, from);
    return i < 0 || i > end ? end : i;
  };
  const text = (s: number, e: number) => {
    const t = decoder.decode(utf8.subarray(s, e));
    return t.endsWith('\r') ? t.slice(0, -1) : t;
  };
  /** A line on its own has the table's width (reading quotes only within the line). */
  const widthAlone = (s: number) => splitFields(text(s, lineEnd(s)), dialect).length === headerFields;

  /** Text in the first cell only ("Campaign report,,,,": a title line a spreadsheet padded to the table's width). */
  const firstCellOnly = (t: (typeof tail)[number]): string | null => {
    const cells = splitFields(text(t.inStart, t.inEnd), dialect);
    return cells[0]!.trim() !== '' && cells.slice(1).every((c) => c.trim() === '') ? cells[0]!.trim() : null;
  };
  /**
   * The last records, when they are one-field lines under a wide table, taken back out of the rows (with
   * `padded`, lines with text in their first cell only count too: the title lines of a joined export).
   */
  const takeBackOneFieldLines = (padded = false): { line: number; text: string }[] => {
    const taken: { line: number; text: string }[] = [];
    if (headerFields < 3) return taken;
    for (;;) {
      const t = tail[tail.length - 1];
      if (!t) break;
      const title = t.fields === 1 ? text(t.inStart, t.inEnd).trim() : padded ? firstCellOnly(t) : null;
      if (title === null) break;
      tail.pop();
      o = t.outStart;
      res.records--;
      if (t.fields !== headerFields) res.raggedCount--;
      res.ragged = res.ragged.filter((r) => r.line !== t.line);
      taken.unshift({ line: t.line, text: title });
    }
    if (taken.length) {
      const gone = new Set(taken.map((f) => f.line));
      res.sample = res.sample.filter((r) => !gone.has(r.line));
    }
    return taken;
  };

  let p = start;
  let line = input.firstLine;
  let isHeader = !input.headerless;
  let isHeaderAgain: ((start: number, end: number) => boolean) | undefined;
  if (input.headerless) {
    ensure(8);
    for (const ch of '__line\n') out[o++] = ch.charCodeAt(0);
  }
  while (p < end) {
    // Blank line (or just '\r').
    if (utf8[p] === NL || (utf8[p] === CR && utf8[p + 1] === NL)) {
      p += utf8[p] === CR ? 2 : 1;
      if (!isHeader) res.blankLines++;
      line++;
      continue;
    }
    const recStart = p;
    const recLine = line;
    let fields = 1;
    let atFieldStart = true;
    let inQuotes = false;
    let malformed = false;
    let hasValue = false;
    let lines = 1;
    // A lone CR (not before LF) ends a record for DuckDB: such a record is written again with it quoted.
    let loneCR = false;
    while (p < end) {
      const c = utf8[p]!;
      if (c === CR && p + 1 < end && utf8[p + 1] !== NL) loneCR = true;
      if (inQuotes) {
        if (backslash && c === BACKSLASH) {
          if (utf8[p + 1] === NL) lines++;
          p += 2;
          continue;
        }
        if (c === Q) {
          if (!backslash && utf8[p + 1] === Q) p += 2;
          else {
            inQuotes = false;
            p++;
            // A closing quote must end the value: anything else means the quote was stray.
            const n = utf8[p];
            if (p < end && n !== NL && n !== CR && !(n === D0 && (dLen === 1 || utf8[p + 1] === D1))) malformed = true;
          }
          continue;
        }
        if (c === NL) lines++;
        p++;
        continue;
      }
      if (c === NL) break;
      if (c === D0 && (dLen === 1 || utf8[p + 1] === D1)) {
        fields++;
        atFieldStart = true;
        p += dLen;
        continue;
      }
      if (c === Q && atFieldStart) {
        inQuotes = true;
        hasValue = true;
      } else if (!hasValue && c !== SPACE && c !== CR) hasValue = true;
      atFieldStart = false;
      p++;
    }
    let recEnd = p; // at '\n' or end
    let repairedFields: string[] | null = null;
    const swallowed = lines > 1 && !inQuotes && !malformed && (fields !== headerFields || (widthAlone(recStart) && widthAlone(lineEnd(recStart) + 1)));
    if (inQuotes || malformed || swallowed) {
      // Stray quote: read this record's first line on its own, quotes that do not close on it as text.
      recEnd = lineEnd(recStart);
      const original = text(recStart, recEnd);
      repairedFields = splitFields(original, dialect);
      fields = repairedFields.length;
      lines = 1;
      hasValue = true;
      if (!isHeader && !skip.has(recLine)) {
        res.repairedCount++;
        if (res.repaired.length < 200) res.repaired.push({ line: recLine, text: original });
      }
    }
    const recLen = recEnd - recStart;
    line = recLine + lines;
    p = recEnd < end ? recEnd + 1 : recEnd;
    if (!hasValue && !isHeader) {
      // A row of delimiters only (",,,,,,,,"): blank.
      res.blankLines++;
      continue;
    }
    if (skip.has(recLine)) continue;
    if (!isHeader && isHeaderAgain?.(recStart, recEnd)) {
      // The joined export's own title lines ("Campaign report", its date range) sit right above it.
      const titles = takeBackOneFieldLines(true);
      res.repeatedHeaderCount++;
      if (res.repeatedHeaders.length < 200) res.repeatedHeaders.push({ line: recLine, titles });
      continue;
    }
    if (recLen > res.longestRecord) res.longestRecord = recLen;
    if (lines > 1) res.multiLineRecords++;
    if (loneCR && !isHeader) res.loneCRRecords++;

    const outStart = o;
    if (isHeader) {
      ensure(8);
      for (const ch of '__line\n') out[o++] = ch.charCodeAt(0);
      isHeader = false;
      isHeaderAgain = headerRepeat(utf8, recStart, recEnd);
      continue;
    }
    let encoded: Uint8Array | null = null;
    const sampled = res.records % every === 0;
    let fieldsOut: string[] | null = repairedFields;
    if (repairedFields || !fast || loneCR) {
      const recordText = repairedFields ? null : text(recStart, recEnd);
      if (backslash && recordText !== null && recordText.includes('\\')) {
        res.backslashNulls += recordText.split(dialect.delimiter).filter((f) => f === BACKSLASH_NULL).length;
        res.backslashNuls += (recordText.match(/(?<!\\)\\0/g) ?? []).length;
      }
      fieldsOut = repairedFields ?? splitFields(recordText!, dialect);
      encoded = encoder.encode(csvRecord(fieldsOut, outDelim));
    }
    if (sampled) res.sample.push({ line: recLine, fields: fieldsOut ?? splitFields(text(recStart, recEnd), dialect) });
    ensure((encoded ? encoded.length : recLen) + 16);
    o = writeDigits(out, o, recLine);
    out[o++] = outDelim.charCodeAt(0);
    if (encoded) {
      out.set(encoded, o);
      o += encoded.length;
    } else {
      out.set(utf8.subarray(recStart, recEnd), o);
      o += recLen;
    }
    out[o++] = NL;

    res.records++;
    if (fields > res.maxFields) res.maxFields = fields;
    if (fields !== headerFields) {
      res.raggedCount++;
      if (res.ragged.length < 200) res.ragged.push({ line: recLine, fields });
    }
    tail.push({ outStart, line: recLine, fields, inStart: recStart, inEnd: recEnd });
    if (tail.length > 50) tail.shift();
  }

  // Footer: trailing one-field lines under a wide table ("Report generated by …").
  res.footerLines = takeBackOneFieldLines();
  res.bytes = out.subarray(0, o);
  return res;
}
