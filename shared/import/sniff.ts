/**
 * Sniffing: find the tables in the first few MB of a file, and each table's header (see header.ts).
 * Works on physical lines (1-based, as a text editor numbers them); the dialect comes from dialect.ts.
 */
import type { Dialect } from './dialect';
import { isCommentLine, splitFields } from './dialect';
import type { HeaderAnalysis, SplitRow } from './header';
import { analyseHeader } from './header';

export interface HeadLine {
  /** 1-based physical line number. */
  no: number;
  /** Byte offset of the line start in the UTF-8 bytes. */
  start: number;
  /** Byte offset just past the line's '\n' (or the end of the window). */
  next: number;
  text: string;
}

export const HEAD_BYTES = 4 * 1024 * 1024;

export function headLines(utf8: Uint8Array, maxBytes = HEAD_BYTES): { lines: HeadLine[]; complete: boolean } {
  const limit = Math.min(utf8.length, maxBytes);
  const decoder = new TextDecoder('utf-8');
  const lines: HeadLine[] = [];
  let start = 0;
  let no = 1;
  for (let i = 0; i < limit; i++) {
    if (utf8[i] === 0x0a) {
      lines.push({ no, start, next: i + 1, text: stripCr(decoder.decode(utf8.subarray(start, i))) });
      start = i + 1;
      no++;
    }
  }
  const complete = limit === utf8.length;
  if (start < limit && (complete || lines.length === 0)) {
    lines.push({ no, start, next: limit, text: stripCr(decoder.decode(utf8.subarray(start, limit))) });
  }
  return { lines, complete };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

export { DELIMITERS, splitFields } from './dialect';

export function isSeparatorLine(text: string): boolean {
  const t = text.trim();
  return t === '' || isCommentLine(t) || /^[,;\t|]+$/.test(t);
}

const NUMERIC_CELL = /^[\s(+-]*[$€£¥₹]?\s*[\d.,]+\s*%?\)?\s*$/;

function looksLikeHeader(fields: string[]): boolean {
  const nonEmpty = fields.filter((f) => f.trim() !== '');
  if (nonEmpty.length === 0) return false;
  const numeric = nonEmpty.filter((f) => NUMERIC_CELL.test(f)).length;
  return numeric === 0 || numeric / nonEmpty.length < 0.34;
}

const METADATA_KEY = /^(report|account|property|start date|end date|date range|date generated|generated|time ?zone|currency|filters?|customer id|ad account|downloaded|created|exported|period)\b/i;

export interface TableBlock extends HeaderAnalysis {
  /** First line of the table: the header's first line, or the first data row when there is no header. */
  headerLine: number;
  /** First line after the table (exclusive); null when it runs past the sniffed window to the end. */
  endLine: number | null;
  fieldCount: number;
  /** The first header line's fields, or the first row's when there is no header (to preview the table). */
  header: string[];
  /** Lines above the header inside the same block (title rows). */
  titleLines: number[];
}

interface Block {
  lines: HeadLine[];
}

/** Rows handed to the header analysis: enough to learn the columns, fewer on very wide files. */
function analysisRows(b: HeadLine[], widths: string[][], from: number, k: number): SplitRow[] {
  const n = Math.max(6, Math.min(64, Math.floor(200_000 / Math.max(1, k))));
  return b.slice(from, from + n).map((l, i) => ({ no: l.no, fields: widths[from + i]! }));
}

/** A row holding at most one value (a title padded with delimiters, as Excel writes it). */
function isTitleOnly(fields: string[]): boolean {
  return fields.filter((f) => f.trim() !== '').length <= 1;
}

/** The header of the table starting at `line`, when the user names the line (and maybe the height). */
export function headerAt(lines: HeadLine[], line: number, dialect: Dialect, headerRows?: number): HeaderAnalysis & { fieldCount: number } {
  const from = lines.findIndex((l) => l.no === line);
  const below = lines.slice(from).filter((l) => !isSeparatorLine(l.text));
  const widths = below.map((l) => splitFields(l.text, dialect));
  const k = Math.max(...widths.slice(0, 1 + (headerRows ?? 1)).map((w) => w.length), 1);
  return { ...analyseHeader(analysisRows(below, widths, 0, k), k, headerRows ?? 1), fieldCount: k };
}

/**
 * Blocks are runs of lines between blank lines and `#` comments. In each block the header is the first
 * line as wide as the block's modal width; lines above it are titles. Key-value metadata blocks
 * (LinkedIn "Report Start: …", CM360 blocks ending at "Report Fields") are preamble, not tables, and
 * so is a block of titles padded with delimiters. Whether the first line is a header at all, and how
 * many lines it spans, is judged against the rows under it (header.ts).
 */
export function findTables(lines: HeadLine[], dialect: Dialect, complete: boolean, headerRows?: number): TableBlock[] {
  const blocks: Block[] = [];
  let cur: HeadLine[] = [];
  for (const l of lines) {
    if (isSeparatorLine(l.text)) {
      if (cur.length) blocks.push({ lines: cur });
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) blocks.push({ lines: cur });
  const lastLineNo = lines.length ? lines[lines.length - 1]!.no : 0;

  const candidates: (TableBlock & { rows: number; metadata: boolean })[] = [];
  for (const b of blocks) {
    const widths = b.lines.map((l) => splitFields(l.text, dialect));
    const freq = new Map<number, number>();
    for (const w of widths) if (w.length >= 2) freq.set(w.length, (freq.get(w.length) ?? 0) + 1);
    let k = 0;
    let f = 0;
    for (const [n, c] of freq) if (c > f || (c === f && n > k)) [k, f] = [n, c];
    if (k < 2) {
      // A one-column table (e.g. an audience file with only emails) is still a table when it is the only block.
      if (blocks.length === 1 && b.lines.length >= 1) {
        candidates.push({
          headerLine: b.lines[0]!.no,
          endLine: null,
          fieldCount: 1,
          header: widths[0]!,
          titleLines: [],
          rows: b.lines.length - 1,
          metadata: false,
          headerRows: 1,
          names: widths[0]!,
          headerLines: [b.lines[0]!.no],
        });
      }
      continue;
    }
    // Titles padded with delimiters ("PREAMBLE,,,,,,,,") are as wide as a table but hold no table.
    if (blocks.length > 1 && widths.every(isTitleOnly)) continue;
    // A title row padded with empty cells ("Campaign report,,,,", as Excel writes it and as XLSX sheets
    // read) is as wide as the table but is not its header: the header names at least two columns.
    const named = (w: string[]) => w.length === k && w.filter((f) => f.trim() !== '').length >= 2;
    const hIdx = Math.max(0, widths.findIndex(named) >= 0 ? widths.findIndex(named) : widths.findIndex((w) => w.length === k));
    const header = widths[hIdx]!;
    const firstCells = widths.map((w) => (w[0] ?? '').trim());
    const metadata =
      firstCells.every((c) => c.endsWith(':') || METADATA_KEY.test(c)) ||
      (k === 2 && firstCells.slice(hIdx).every((c) => METADATA_KEY.test(c) || c.endsWith(':')));
    const endIdx = b.lines.length;
    const last = b.lines[endIdx - 1]!;
    const runsToEnd = !complete && last.no === lastLineNo;
    const prev = candidates[candidates.length - 1];
    if (prev && !prev.metadata && prev.fieldCount === k && !looksLikeHeader(header) && hIdx === 0) {
      // Same width and no header: the table continues after a blank line (e.g. a totals row).
      prev.endLine = runsToEnd ? null : last.no + 1;
      prev.rows += b.lines.length;
      continue;
    }
    const analysis = analyseHeader(analysisRows(b.lines, widths, hIdx, k), k, headerRows);
    candidates.push({
      ...analysis,
      headerLine: b.lines[hIdx]!.no,
      endLine: runsToEnd ? null : last.no + 1,
      fieldCount: k,
      header,
      titleLines: b.lines.slice(0, hIdx).map((l) => l.no),
      rows: b.lines.length - hIdx - analysis.headerRows,
      metadata,
    });
  }
  // CM360 and similar: a 2-column key/value block above a wider table is metadata.
  for (let i = 0; i < candidates.length - 1; i++) {
    const c = candidates[i]!;
    const later = candidates.slice(i + 1);
    if (c.fieldCount === 2 && later.some((l) => l.fieldCount > 2) && c.rows < 20 && !looksLikeTableHeader2(c.header)) {
      c.metadata = true;
    }
  }
  return candidates.filter((c) => !c.metadata).map(({ rows: _r, metadata: _m, ...t }) => t);
}

function looksLikeTableHeader2(header: string[]): boolean {
  // "Date,Users" is a header; "Report Time,2026-01-01 10:00" is a key/value pair.
  return looksLikeHeader(header) && !/\d{4}|\d+[/.-]\d+/.test(header[1] ?? '');
}
