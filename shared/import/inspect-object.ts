/** The per-file object of `meshlens inspect --json` (and of `audit --json`'s "files"). */
import type { ImportResult } from './types';

export interface InspectObject {
  path: string;
  format: string;
  encoding: string;
  delimiter: string | null;
  decimalSeparator: string;
  dateOrder: string | null;
  headerLine: number | null;
  /** Present when the header is not one line: 0 (no header) or 2-3 lines joined. */
  headerRows?: number;
  /** Present when the file is not quoted with "…" and "" escapes. */
  quote?: string;
  escape?: string;
  columnDescriptions?: Record<string, string>;
  skippedLines: number;
  summaryRows: { line: number; label: string; values: Record<string, string> }[];
  rows: number;
  columns: { name: string; originalName: string; type: string; kind: string; nulls: number; placeholders: number; percent: boolean; currency?: string }[];
  tables: { index: number; headerLine: number }[];
  sheets?: string[];
  entries?: string[];
  statedRange?: { start: string; end: string };
  log: string[];
  warnings: string[];
}

export function inspectObject(r: ImportResult): InspectObject {
  return {
    path: r.path,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    decimalSeparator: r.decimalSeparator,
    dateOrder: r.dateOrder,
    headerLine: r.headerLine,
    ...(r.headerRows !== undefined && r.headerRows !== 1 ? { headerRows: r.headerRows } : {}),
    ...(r.quote !== undefined && (r.quote !== '"' || r.escape !== 'double') ? { quote: r.quote, escape: r.escape } : {}),
    ...(r.columnDescriptions ? { columnDescriptions: r.columnDescriptions } : {}),
    skippedLines: r.skippedLines,
    summaryRows: r.summaryRows.map((s) => ({ line: s.line, label: s.label, values: s.values })),
    rows: r.rows,
    columns: r.columns.map((c) => ({
      name: c.name,
      originalName: c.originalName,
      type: c.type,
      kind: c.kind,
      nulls: c.nulls,
      placeholders: c.placeholders,
      percent: c.percent,
      ...(c.currency ? { currency: c.currency } : {}),
    })),
    tables: r.tables.map((t) => ({ index: t.index, headerLine: t.headerLine })),
    ...(r.sheets ? { sheets: r.sheets } : {}),
    ...(r.entries ? { entries: r.entries } : {}),
    ...(r.statedRange ? { statedRange: r.statedRange } : {}),
    log: r.log.map((l) => l.message),
    warnings: r.warnings,
  };
}
