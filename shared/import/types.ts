/**
 * What the importer decided and what it loaded. This is the contract every later stage reads
 * (profile, checks, UI, CLI, contracts). See shared/import/README.md for the rules behind each decision.
 */

export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'ndjson' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type DecimalSeparator = '.' | ',';
export type DateOrder = 'YMD' | 'MDY' | 'DMY';

/** Choices the user can override; anything left undefined is detected. */
export interface ImportOptions {
  encoding?: Encoding;
  delimiter?: string;
  /** 1-based physical line of the header row (in the decoded text). */
  headerLine?: number;
  decimalSeparator?: DecimalSeparator;
  dateOrder?: DateOrder;
  /** Quote character: '"', "'", or '' for none. */
  quote?: '"' | "'" | '';
  /** How a quote is written inside a quoted value: doubled ("") or with a backslash (\"). */
  escape?: 'double' | 'backslash';
  /** How many lines the header spans: 0 (no header, the first line is data) to 3. */
  headerRows?: number;
  /** Which table to load when a file holds several (0-based). */
  tableIndex?: number;
  /** XLSX sheet name; the first sheet by default. */
  sheet?: string;
  /** File inside a .zip archive to load; the first data file by default. */
  entry?: string;
  /** Keep summary rows in the table instead of removing them. */
  keepSummaryRows?: boolean;
}

/** How the importer read a column's text. */
export type ValueKind =
  | 'integer'
  | 'bigint-id' // integers beyond 2^53, kept as exact text
  | 'decimal'
  | 'percent'
  | 'currency'
  | 'date'
  | 'timestamp'
  | 'epoch-ms'
  | 'boolean'
  | 'text';

export interface ImportedColumn {
  /** Unique name in the loaded table. */
  name: string;
  /** The header text exactly as the file had it ('' for an empty header cell). */
  originalName: string;
  /** DuckDB type in the typed table. */
  type: string;
  kind: ValueKind;
  /** NULL cells after reading, placeholders included. */
  nulls: number;
  /** Cells that held a placeholder such as `--`, `N/A`, `null`, `-`. */
  placeholders: number;
  /** True when the values were written as percents (`2.81%` → 2.81). */
  percent: boolean;
  /** Currency symbol or code seen in the values, when any. */
  currency?: string;
  /** Bounded values such as `< 10%`: count; they load as the bound (10) and are listed in the log. */
  bounded?: number;
  /** Non-empty cells that could not be read as the column's type and became NULL (kept in the raw table). */
  unparsed?: number;
  /**
   * Number-like columns (integer, decimal, percent, currency): the most decimal digits any cell shows in
   * the file's own text (`1,483.48` → 2, `4.5%` → 1, `12` → 0). Counted once at import.
   */
  decimals?: number;
  /**
   * Number-like columns: currency symbols and codes seen in the original text, with how many cells show
   * each (`{"$": 999000, "€": 12}`; `{}` when none). Absent when the importer could not tell without
   * reading the original text again (columns read as text, or with unparsed cells).
   */
  symbols?: Record<string, number>;
}

export type LogLevel = 'info' | 'change' | 'warning';

export interface ImportLogEntry {
  level: LogLevel;
  /** What was decided or changed, in plain words. */
  message: string;
  /** Which option overrides it, when the user can change the decision. */
  option?: keyof ImportOptions;
  /** Physical lines involved (1-based), when useful. */
  lines?: number[];
}

export interface SummaryRow {
  /** 1-based physical line in the decoded file. */
  line: number;
  label: string;
  /** The row's cells as text, by column name. */
  values: Record<string, string>;
}

export interface TableInFile {
  index: number;
  headerLine: number;
  /** First line after the table (exclusive), or null if it runs to the end. */
  endLine: number | null;
  /** First few header names, to let the user pick. */
  preview: string[];
}

export interface ImportResult {
  path: string;
  format: FileFormat;
  encoding: Encoding | 'binary';
  delimiter: string | null;
  /** Quote character and escape the file was read with (CSV/TSV only). */
  quote?: '"' | "'" | '';
  escape?: 'double' | 'backslash';
  decimalSeparator: DecimalSeparator;
  dateOrder: DateOrder | null;
  /** 1-based physical line of the header (null for Parquet/JSON). */
  headerLine: number | null;
  /** Lines the header spans (0: no header, columns are named column_1…; 2-3: parts joined per column). */
  headerRows?: number;
  /** A column-description row found under the header: each column's description, by column name. */
  columnDescriptions?: Record<string, string>;
  /** The line of that description row (removed from the table). */
  descriptionLine?: number;
  /** Physical lines skipped above the header (title rows, `#` comments, metadata, blanks). */
  skippedLines: number;
  summaryRows: SummaryRow[];
  rows: number;
  columns: ImportedColumn[];
  log: ImportLogEntry[];
  warnings: string[];
  /** DuckDB table holding the typed data; first column `__line` is the original physical line. */
  tableName: string;
  /** DuckDB view of every cell's original text (all VARCHAR, same `__line`): it re-reads the registered file, so query it for a few rows, not in a loop (export.ts originalTextTable copies it once). */
  rawTableName: string;
  /** Every table found in the file (several for GA4 "Report CSV Export" and Google Trends). */
  tables: TableInFile[];
  /** XLSX sheet names. */
  sheets?: string[];
  /** Data files inside a .zip archive (the one loaded is `options.entry`). */
  entries?: string[];
  /** Title/date-range text from the preamble, e.g. "27 January 2026 - 23 February 2026". */
  preamble: string[];
  /**
   * Date range stated in the preamble, when one could be read (ISO dates). For exports joined together,
   * the span of every part's stated range (none when a part states none).
   */
  statedRange?: { start: string; end: string };
  /**
   * Exports joined together (the header repeated inside the rows): the first line of each part after the
   * first (its title lines, or the repeated header). Summary rows total only the rows of their own part.
   */
  joinedAt?: number[];
  /** The day the file says it was exported (preamble line or file-name timestamp), ISO. */
  exportedOn?: string;
  /** Options in effect (detected or overridden): feed back to re-import with a change. */
  options: Required<Pick<ImportOptions, 'decimalSeparator'>> & ImportOptions;
}

/** File name extensions the app offers to open (dialogs, the file picker): one list for every door. */
export const IMPORT_EXTENSIONS = [
  'csv',
  'tsv',
  'txt',
  'xlsx',
  'parquet',
  'json',
  'ndjson',
  'jsonl',
  'gz',
  'zip',
] as const;

/** Raised for input that cannot be loaded at all; the message is one line for the user. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
