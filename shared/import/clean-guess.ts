/**
 * The clean read, started before it is proven. The clean-file check (clean-scan.ts) touches every byte in
 * JavaScript; DuckDB's read of the same rows runs on other threads. So the rows a clean table would have
 * are guessed from line ends alone (one memchr per line): the byte range, the record count and the same
 * every-k-th sample the scan takes. The typed table is built from the guess while the scan runs; the scan
 * then confirms the guess (same range, records and sampled lines) or the table is dropped and the file
 * takes the ordinary path. For a clean file the result is the one the scan alone would give.
 */
import type { BodyPassInput, BodyPassResult } from './body';
import { headerRepeat } from './body';
import { cleanResult, lineFields } from './clean-scan';

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/** Line ends of the table and the sampling step both the guess and the body pass use. */
export interface LineIndex {
  /** Newlines between the table's start and end. */
  newlines: number;
  /** Every k-th record goes into the sample. */
  every: number;
  /** Start offset of each line (the first at input.start); null when the table is not a candidate. */
  starts: Int32Array | null;
}

/** Counts the table's lines (and keeps their starts when a clean read could be guessed). */
export function indexLines(input: BodyPassInput): LineIndex {
  const { utf8, start, end } = input;
  const candidate = canBeClean(input) && end < 2 ** 31;
  let starts = candidate ? new Int32Array(1024) : null;
  let n = 0;
  if (starts) starts[n++] = start;
  let newlines = 0;
  for (let i = utf8.indexOf(NL, start); i >= 0 && i < end; i = utf8.indexOf(NL, i + 1)) {
    newlines++;
    if (starts) {
      if (n === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = i + 1;
    }
  }
  return { newlines, every: Math.max(1, Math.ceil(newlines / Math.max(1, input.sampleRows ?? 20000))), starts: starts ? starts.subarray(0, n) : null };
}

/** What cleanScan needs before it looks at a byte: the common dialect, nothing set aside, no forced rewrite. */
export function canBeClean(input: BodyPassInput): boolean {
  const { dialect } = input;
  return input.leaveAsIs !== false && !input.skipLines?.size && dialect.delimiter.length === 1 && dialect.quote === '"' && dialect.escape === 'double';
}

/**
 * The body pass's result if the table is clean: each line a record with the header's width, blank or
 * delimiter-only lines only at the end. Null when the line ends already rule it out.
 */
export function guessClean(input: BodyPassInput, index: LineIndex): BodyPassResult | null {
  const { utf8, end, dialect } = input;
  const starts = index.starts;
  if (!starts) return null;
  const D = dialect.delimiter.charCodeAt(0);
  const decoder = new TextDecoder();
  const lineEnd = (i: number) => (i + 1 < starts.length ? starts[i + 1]! - 1 : end);
  const blank = (from: number, to: number) => {
    for (let p = from; p < to; p++) {
      const c = utf8[p];
      if (c !== D && c !== SPACE && c !== CR) return false;
    }
    return true;
  };
  let i = 0;
  let isHeaderAgain: ((start: number, end: number) => boolean) | undefined;
  if (!input.headerless) {
    // The header: cleanScan rejects an empty one.
    if (starts[0]! >= end || utf8[starts[0]!] === NL || (utf8[starts[0]!] === CR && utf8[starts[0]! + 1] === NL)) return null;
    isHeaderAgain = headerRepeat(utf8, starts[0]!, lineEnd(0));
    i = 1;
  }
  const dataStart = i < starts.length ? starts[i]! : end;
  let dataEnd = dataStart;
  let records = 0;
  let longest = 0;
  const sample: { line: number; fields: string[] }[] = [];
  for (; i < starts.length; i++) {
    const from = starts[i]!;
    if (from >= end) break;
    const to = lineEnd(i);
    // The first blank or delimiter-only line ends the rows (inside the table, cleanScan refuses the file).
    if (blank(from, to)) break;
    // A repeated header is removed by the body pass (clean-scan.ts refuses it too).
    if (isHeaderAgain?.(from, to)) return null;
    if (records % index.every === 0) sample.push({ line: input.firstLine + i, fields: lineFields(decoder, utf8, from, to, dialect) });
    records++;
    if (to - from > longest) longest = to - from;
    dataEnd = to < end ? to + 1 : to;
  }
  if (records === 0) return null;
  return cleanResult(input, dataStart, dataEnd, { records, longestRecord: longest, sample });
}

/** True when the scan's clean result is the guess: same rows' bytes, records and sampled lines. */
export function confirms(scan: BodyPassResult, guess: BodyPassResult): boolean {
  return (
    scan.firstDataLine !== undefined &&
    scan.firstDataLine === guess.firstDataLine &&
    scan.bytes.byteOffset === guess.bytes.byteOffset &&
    scan.bytes.length === guess.bytes.length &&
    scan.records === guess.records &&
    scan.sample.length === guess.sample.length &&
    scan.sample.every((r, k) => r.line === guess.sample[k]!.line)
  );
}
