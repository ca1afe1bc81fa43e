/**
 * The clean-file check: one tight byte loop over the table's rows that proves the file needs no rewrite
 * (common dialect: a one-byte delimiter, "double quotes" with "" inside; every record on one line with the
 * header's width; no blank line, stray quote, lone CR, repeated header or set-aside line inside). Such a file is handed to DuckDB as
 * it is (the rows' byte range, read without a header) and each row's line is its first line plus its
 * ordinal. Any doubt returns null and the body pass rewrites the rows (body.ts), as it always did.
 */
import type { BodyPassInput, BodyPassResult } from './body';
import { bodyResult, headerRepeat } from './body';
import type { Dialect } from './dialect';
import { splitFields } from './dialect';

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;

/** The rows as they are, when they are clean: `bytes` is a view of the input (no copy), `firstDataLine` set. */
export function cleanScan(input: BodyPassInput, every: number): BodyPassResult | null {
  const { utf8, start, end, dialect, headerFields } = input;
  if (dialect.delimiter.length !== 1 || dialect.quote !== '"' || dialect.escape !== 'double') return null;
  if (input.skipLines?.size) return null;
  const D = dialect.delimiter.charCodeAt(0);
  // Bytes that need no decision inside an unquoted field (`plain`) and inside a quoted one (`quoted`).
  const plain = new Uint8Array(256).fill(1);
  for (const b of [NL, CR, QUOTE, D]) plain[b] = 0;
  const quoted = new Uint8Array(256).fill(1);
  for (const b of [NL, CR, QUOTE]) quoted[b] = 0;
  const decoder = new TextDecoder();
  const sample: { line: number; fields: string[] }[] = [];

  let p = start;
  let line = input.firstLine;
  let isHeader = !input.headerless;
  let isHeaderAgain: ((start: number, end: number) => boolean) | undefined;
  let dataStart = start;
  let dataEnd = start;
  let records = 0;
  let longest = 0;
  let blanks = 0;
  while (p < end) {
    const c0 = utf8[p];
    if (c0 === NL || (c0 === CR && utf8[p + 1] === NL)) {
      if (isHeader) return null;
      blanks++;
      p += c0 === CR ? 2 : 1;
      line++;
      continue;
    }
    // A row after a blank line: the blank is inside the table and must be skipped, so rewrite.
    if (blanks) return null;
    const recStart = p;
    let fields = 1;
    let fieldStart = p;
    let hasValue = false;
    while (p < end) {
      // A run of ordinary bytes (not a line end, CR, quote or delimiter): one table lookup per byte.
      const run = p;
      while (p < end && plain[utf8[p]!] === 1) p++;
      if (!hasValue)
        for (let k = run; k < p; k++)
          if (utf8[k] !== SPACE) {
            hasValue = true;
            break;
          }
      if (p >= end) break;
      const c = utf8[p]!;
      if (c === NL) break;
      if (c === D) {
        fields++;
        p++;
        fieldStart = p;
        continue;
      }
      if (c === CR) {
        // A lone CR (not before the line's LF) ends a record for DuckDB, so the line would split in two.
        if (p + 1 < end && utf8[p + 1] !== NL) return null;
        p++;
        continue;
      }
      // A quote: a quoted value at the start of a field, else an ordinary character.
      hasValue = true;
      if (p !== fieldStart) {
        p++;
        continue;
      }
      p++;
      // Quoted value: "" is a quote; the closing quote must end the field on this line.
      for (;;) {
        while (p < end && quoted[utf8[p]!] === 1) p++;
        if (p >= end) return null;
        const q = utf8[p]!;
        if (q === NL || (q === CR && utf8[p + 1] !== NL)) return null;
        p++;
        if (q !== QUOTE) continue;
        if (utf8[p] === QUOTE) {
          p++;
          continue;
        }
        break;
      }
      const n = utf8[p];
      if (p < end && n !== NL && n !== CR && n !== D) return null;
    }
    const recEnd = p;
    p = recEnd < end ? recEnd + 1 : recEnd;
    line++;
    if (isHeader) {
      isHeader = false;
      isHeaderAgain = headerRepeat(utf8, recStart, recEnd);
      dataStart = dataEnd = p;
      continue;
    }
    // A line repeating the header (exports joined together) is removed by the body pass: rewrite.
    if (isHeaderAgain?.(recStart, recEnd)) return null;
    if (!hasValue) {
      // A row of delimiters only: read as blank. Fine at the end of the table, not inside it.
      blanks++;
      continue;
    }
    if (fields !== headerFields) return null;
    if (records % every === 0)
      sample.push({
        line: line - 1,
        fields: input.sampleLinesOnly ? [] : lineFields(decoder, utf8, recStart, recEnd, dialect),
      });
    records++;
    if (recEnd - recStart > longest) longest = recEnd - recStart;
    dataEnd = p;
  }
  if (records === 0) return null;
  return cleanResult(input, dataStart, dataEnd, {
    records,
    longestRecord: longest,
    blankLines: blanks,
    sample,
  });
}

/** One sampled record's fields, read from its line's bytes (a final CR dropped). */
export function lineFields(
  decoder: TextDecoder,
  utf8: Uint8Array,
  from: number,
  to: number,
  dialect: Dialect,
): string[] {
  const text = decoder.decode(utf8.subarray(from, to));
  return splitFields(text.endsWith('\r') ? text.slice(0, -1) : text, dialect);
}

/** The body pass's result for clean rows: bytes [dataStart, dataEnd) of the input, left as they are. */
export function cleanResult(
  input: BodyPassInput,
  dataStart: number,
  dataEnd: number,
  found: Pick<BodyPassResult, 'records' | 'longestRecord' | 'sample'> & { blankLines?: number },
): BodyPassResult {
  return bodyResult({
    bytes: input.utf8.subarray(dataStart, dataEnd),
    delimiter: input.dialect.delimiter,
    maxFields: input.headerFields,
    firstDataLine: input.headerless ? input.firstLine : input.firstLine + 1,
    ...found,
  });
}
