/**
 * The header of one table, judged against the rows under it: how many lines it spans (0 when the first
 * row is already data, up to 3 when group labels sit above the names), a column-description row
 * directly under it, and a totals row without a label right under that (GA4 Explorations).
 * Every judgement compares a row with the kind of values its columns hold in the data rows.
 */
import type { CellKind } from './dialect';
import { cellKind } from './dialect';
import { SUMMARY_LABEL } from './preamble';
import { parseNumber } from './values';

export interface SplitRow {
  /** 1-based physical line. */
  no: number;
  fields: string[];
}

export interface HeaderAnalysis {
  /** 0 when the table has no header line, else 1 to 3. */
  headerRows: number;
  /** One name per column: the header lines' parts joined with a space ('' where there is none). */
  names: string[];
  /** Physical lines of the header (all parts). */
  headerLines: number[];
  /** A row of column descriptions directly under the header (removed from the table). */
  description?: { line: number; cells: string[] };
  /** A totals row without a label directly under the header (removed from the table, kept as a summary row). */
  totalsLine?: number;
}

const MAX_HEADER_ROWS = 3;
/** Rows read to learn each column's kind. */
const PROFILE_ROWS = 60;

type ColumnKind = 'number' | 'date' | 'text' | 'empty';

function kinds(row: SplitRow): CellKind[] {
  return row.fields.map(cellKind);
}

function isDataLike(row: SplitRow): boolean {
  return kinds(row).some((k) => k === 'number' || k === 'date');
}

/** The kind of values each column holds in the rows that look like data (they carry numbers or dates). */
function columnKinds(rows: SplitRow[], width: number, first: SplitRow): { kinds: ColumnKind[]; values: Set<string>[] } {
  const data = rows.filter(isDataLike).slice(0, PROFILE_ROWS);
  // Values seen under the first row, except in rows that repeat it (a header written again).
  const firstText = first.fields.join('\u0000');
  const others = rows.slice(0, PROFILE_ROWS).filter((r) => r.fields.join('\u0000') !== firstText);
  const out: ColumnKind[] = [];
  const values: Set<string>[] = [];
  for (let j = 0; j < width; j++) {
    const counts = { number: 0, date: 0, text: 0 };
    for (const r of data) {
      const k = cellKind(r.fields[j] ?? '');
      if (k === 'empty') continue;
      if (k === 'number' || k === 'date') counts[k]++;
      else counts.text++;
    }
    const total = counts.number + counts.date + counts.text;
    out.push(total === 0 ? 'empty' : counts.number >= total * 0.8 ? 'number' : counts.date >= total * 0.8 ? 'date' : 'text');
    values.push(new Set(others.map((r) => (r.fields[j] ?? '').trim()).filter((v) => v && cellKind(v) !== 'empty')));
  }
  return { kinds: out, values };
}

const YEAR = /^(19|20)\d{2}$/;

/** Whole numbers counting up in even steps (hours 0…23, months 1…12, years) name columns; data rarely does. */
function isCountingSequence(cells: string[]): boolean {
  const n = cells.map((c) => (/^\d+$/.test(c.trim()) ? Number(c.trim()) : NaN));
  if (n.length < 3 || n.some(Number.isNaN)) return false;
  const step = n[1]! - n[0]!;
  return step > 0 && n.every((v, i) => i === 0 || v - n[i - 1]! === step);
}

/**
 * The first row is data when each of its cells fits its column (a number over numbers, a date over dates,
 * or a value the rows below repeat) and at least one of them says so.
 */
function firstRowIsData(row: SplitRow, cols: ColumnKind[], values: Set<string>[]): boolean {
  if (isCountingSequence(row.fields.filter((c) => cellKind(c) === 'number'))) return false;
  let evidence = 0;
  for (let j = 0; j < row.fields.length; j++) {
    const cell = row.fields[j]!.trim();
    const k = cellKind(cell);
    const col = cols[j] ?? 'empty';
    if (k === 'empty') continue;
    if (values[j]?.has(cell)) {
      evidence++;
      continue;
    }
    if ((k === 'number' || k === 'date') && k === col) {
      // Years as column names ("Campaign,2024,2025") are a header over amounts.
      if (YEAR.test(cell) && ![...(values[j] ?? [])].every((v) => YEAR.test(v))) return false;
      evidence++;
      continue;
    }
    if ((k === 'text' || k === 'unknown') && col === 'text') continue;
    return false;
  }
  return evidence > 0;
}

function words(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}

/** A cell holding something: not empty and not a placeholder such as "--". */
function filled(cell: string): boolean {
  return cellKind(cell) !== 'empty';
}

/** A row of sentences under the header, one per metric column, with the first cells empty. */
function isDescriptionRow(row: SplitRow, cols: ColumnKind[]): boolean {
  const k = kinds(row);
  if (k.some((x) => x === 'number' || x === 'date')) return false;
  if ((row.fields[0] ?? '').trim() !== '') return false;
  const texts = row.fields.filter(filled).map((f) => f.trim());
  if (texts.length < 2) return false;
  const overMetrics = row.fields.some((f, j) => filled(f) && (cols[j] === 'number' || cols[j] === 'date'));
  const prose = texts.reduce((a, f) => a + words(f), 0) / texts.length >= 4;
  return overMetrics && prose;
}

/**
 * A second or third header line: short labels, at least one of them over a column of numbers or dates,
 * and none of them a value the data rows below hold (then it would be a row of data).
 */
function continuesHeader(row: SplitRow, below: SplitRow[], cols: ColumnKind[], width: number): boolean {
  if (row.fields.length !== width) return false;
  const k = kinds(row);
  if (k.some((x) => x === 'number' || x === 'date')) return false;
  const texts = row.fields.filter(filled).map((f) => f.trim());
  if (texts.length === 0 || texts.some((f) => words(f) > 4 || f.length > 40)) return false;
  if (row.fields.some((f, j) => filled(f) && below.some((r) => (r.fields[j] ?? '').trim() === f.trim()))) return false;
  return row.fields.some((f, j) => filled(f) && (cols[j] === 'number' || cols[j] === 'date'));
}

function numberOf(cell: string): number | null {
  const p = parseNumber(cell, '.') ?? parseNumber(cell, ',');
  return p ? p.value : null;
}

/**
 * A totals row under the header, without a label or with one in any dimension column (GA4 Explorations
 * writes one first, with empty dimension cells and one extra trailing field). It is a total when every text column is empty in it but filled in the other
 * rows, and it has one field more than the header, or each count in it is at least every other row's.
 */
function isUnlabelledTotals(row: SplitRow, rest: SplitRow[], cols: ColumnKind[], width: number): boolean {
  const textCols = cols.map((c, j) => (c === 'text' || c === 'date' ? j : -1)).filter((j) => j >= 0);
  const numCols = cols.map((c, j) => (c === 'number' ? j : -1)).filter((j) => j >= 0);
  if (textCols.length === 0 || numCols.length === 0 || rest.length < 2) return false;
  // Empty, or a summary label ("Grand total") in whichever dimension column the export put it.
  if (textCols.some((j) => cellKind(row.fields[j] ?? '') !== 'empty' && !SUMMARY_LABEL.test(row.fields[j]!))) return false;
  if (numCols.some((j) => cellKind(row.fields[j] ?? '') !== 'number')) return false;
  const filledElsewhere = textCols.some((j) => rest.filter((r) => cellKind(r.fields[j] ?? '') !== 'empty').length >= rest.length * 0.95);
  if (!filledElsewhere) return false;
  const extraEmptyField = row.fields.length === width + 1 && (row.fields[width] ?? '').trim() === '';
  if (extraEmptyField) return true;
  const counts = numCols.filter((j) => rest.every((r) => /^\d+$/.test((r.fields[j] ?? '').trim().replace(/[,.]/g, ''))));
  return (
    counts.length > 0 &&
    counts.every((j) => {
      const total = numberOf(row.fields[j]!);
      return total !== null && rest.every((r) => (numberOf(r.fields[j] ?? '') ?? 0) <= total);
    })
  );
}

/** Join the header lines into one name per column; group labels over merged cells fill to the right. */
function joinNames(rows: SplitRow[], width: number): string[] {
  const parts = rows.map((r, ri) => {
    const cells = Array.from({ length: width }, (_, j) => (r.fields[j] ?? '').trim());
    if (ri === rows.length - 1) return cells;
    let last = '';
    return cells.map((c, j) => {
      if (c) last = c;
      return c || (j > 0 ? last : '');
    });
  });
  return Array.from({ length: width }, (_, j) =>
    parts
      .map((p) => p[j]!)
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * Analyse the header at rows[0]. `forcedRows` (the user's choice) skips the guess for the header
 * height; description and totals rows are still looked for under it.
 */
export function analyseHeader(rows: SplitRow[], width: number, forcedRows?: number): HeaderAnalysis {
  const first = rows[0];
  if (!first) return { headerRows: 1, names: [], headerLines: [] };
  const { kinds: cols, values } = columnKinds(rows.slice(1), width, first);
  let h = 1;
  if (forcedRows !== undefined) h = Math.max(0, Math.min(MAX_HEADER_ROWS, forcedRows));
  else if (rows.length > 1 && firstRowIsData(first, cols, values)) h = 0;
  else {
    while (h < MAX_HEADER_ROWS && rows[h] && rows[h + 1] && continuesHeader(rows[h]!, rows.slice(h + 1), cols, width) && !isDescriptionRow(rows[h]!, cols)) h++;
  }

  const header = rows.slice(0, h);
  const out: HeaderAnalysis = {
    headerRows: h,
    names: h === 0 ? Array.from({ length: width }, () => '') : h === 1 ? first.fields : joinNames(header, width),
    headerLines: header.map((r) => r.no),
  };
  if (h === 0) return out;
  let next = h;
  const under = rows[next];
  if (under && rows[next + 1] && isDescriptionRow(under, cols)) {
    out.description = { line: under.no, cells: under.fields };
    next++;
  }
  const totals = rows[next];
  if (totals && isUnlabelledTotals(totals, rows.slice(next + 1, next + 1 + PROFILE_ROWS), cols, width)) out.totalsLine = totals.no;
  return out;
}
