/**
 * The typed table in one read of the file: one CREATE TABLE … AS SELECT over read_csv converts every
 * column (TRY_CAST-style, values.ts conversionSql) and, in the same pass, writes small per-column facts
 * about each cell's original text next to it (a status code: empty / placeholder / value / bounded; the
 * decimals it shows; its currency mark) plus the raw text of summary rows. One aggregate over those facts
 * gives every count the import log needs; then the fact columns are dropped, so no all-text twin of the
 * file is ever kept and the file is parsed once.
 */
import type { Engine } from '../engine/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { DateOrder, DecimalSeparator } from './types';
import type { ColumnDecision } from './values';
import { ALL_PLACEHOLDER_LIST, conversionSql, currencyMarkSql, decimalsShownSql, notPlaceholderSql, NUMBER_KINDS, symbolCounts } from './values';

export interface StageInput {
  engine: Engine;
  /** FROM item yielding every name as VARCHAR (a read_csv call), with `__line` unless firstLine is set. */
  source: string;
  /** Set when the source has no `__line`: numberRows fills it after the read. */
  firstLine?: number;
  typedTable: string;
  names: string[];
  decisions: ColumnDecision[];
  dec: DecimalSeparator;
  dateOrder: DateOrder;
  /** SQL condition over the raw text marking a summary row ("Total: Account", a totals line). */
  summaryWhen: string;
  /** Columns from this index on are extra (beyond the header): their non-empty cells are counted. */
  headerWidth: number;
}

export interface ColumnStats {
  nonNull: number;
  values: number;
  placeholders: number;
  unparsed: number;
  bounded: number;
  decimals: number;
  symbols: Record<string, number>;
  /** Extra columns only: cells with text outside summary rows. */
  nonEmpty: number;
}

export interface StagedSummaryRow {
  line: number;
  /** Raw text by column index (null for a missing or empty unquoted field). */
  cells: (string | null)[];
}

const FACT = '__meshlens_';
/** Cell status, two bits per column, 32 columns to one UBIGINT: 0 no text, 1 placeholder, 2 value, 3 bounded value. */
const PER_PACK = 32;
const pack = (i: number) => quoteIdent(`${FACT}s${Math.floor(i / PER_PACK)}`);
const statusOf = (i: number) => `((${pack(i)} >> ${2 * (i % PER_PACK)}) & 3)`;
const typedCol = (i: number) => quoteIdent(`${FACT}t${i}`);
const decimalsCol = (i: number) => quoteIdent(`${FACT}d${i}`);
const markCol = (i: number) => quoteIdent(`${FACT}m${i}`);
const extraCol = (i: number) => quoteIdent(`${FACT}x${i}`);
const nulledCol = (i: number) => quoteIdent(`${FACT}n${i}`);
const SUMMARY = quoteIdent(`${FACT}summary`);

const hasDecimals = (d: ColumnDecision) => NUMBER_KINDS.includes(d.kind) && d.kind !== 'integer';
const NAN = ['NA', 'nan', 'NaN'];
const NAN_LIST = `[${NAN.map((p) => quoteLiteral(p)).join(', ')}]`;

/**
 * One cell's status from its text `c` and its typed value `t`. A cell that converted is a value without
 * looking at its text again (the common case, cheap); only NULLs are matched against the placeholders.
 * Exceptions kept exact: NaN came from the placeholder "nan"; text columns keep "NA"/"nan" as text but
 * count them as placeholders.
 */
function statusSql(c: string, t: string, d: ColumnDecision): string {
  const placeholder = `list_contains(${ALL_PLACEHOLDER_LIST}, trim(${c}))`;
  const bounded = d.bounded ? `WHEN regexp_matches(${c}, '^\\s*(<|>|≤|≥)') THEN 3 ` : '';
  const converted =
    d.kind === 'text'
      ? `WHEN ${t} IS NOT NULL THEN CASE WHEN ${notPlaceholderSql(t, NAN)} THEN 2 WHEN list_contains(${NAN_LIST}, trim(${t})) THEN 1 ELSE 2 END `
      : d.type === 'DOUBLE'
        ? `WHEN ${t} IS NOT NULL AND NOT isnan(${t}) THEN 2 `
        : `WHEN ${t} IS NOT NULL THEN 2 `;
  return `CASE WHEN ${c} IS NULL THEN 0 ${bounded}${converted}WHEN ${placeholder} THEN 1 ELSE 2 END`;
}

/**
 * Decimal digits a converted cell shows. A plain number or percent counts the bytes after the separator
 * (minus a final "%"): no pattern per cell (least() and a UTINYINT cast here cost 3× more on duckdb-wasm,
 * so the value stays an INTEGER). A trailing space or an exponent ("1.5e3") counts as shown digits: an
 * upper bound, so a tolerance built on it errs on the side of no false alarm. Amounts with a currency,
 * bounds and parentheses use the exact pattern.
 */
function decimalsSql(c: string, t: string, d: ColumnDecision, dec: DecimalSeparator): string {
  const simple = (d.kind === 'decimal' || d.kind === 'percent') && !d.currency && !d.bounded && !d.parens && !d.spaced;
  const p = `strpos(${c}, ${dec === ',' ? "','" : "'.'"})`;
  const tail = d.kind === 'percent' ? ` - CAST(ends_with(${c}, '%') AS INTEGER)` : '';
  const shown = simple ? `CASE WHEN ${p} = 0 THEN 0 ELSE strlen(${c}) - ${p}${tail} END` : decimalsShownSql(c, dec);
  return `CASE WHEN ${t} IS NULL THEN NULL ELSE CAST(${shown} AS INTEGER) END`;
}

/** The one statement that reads the file: typed columns, their text facts and summary rows' text. */
export function stageSql(inp: StageInput): string {
  const { names, decisions } = inp;
  // Inner: every cell's text and its converted value; outer: the typed table plus the facts.
  const inner = ['*', ...names.map((n, i) => `${conversionSql(n, decisions[i]!, inp.dec, inp.dateOrder)} AS ${typedCol(i)}`)];
  const cells = names.length ? `list_value(${names.map((n) => quoteIdent(n)).join(', ')})` : 'NULL';
  inner.push(`CASE WHEN ${inp.summaryWhen} THEN ${cells} END AS ${SUMMARY}`);
  const line = inp.firstLine === undefined ? '__line' : 'CAST(NULL AS INTEGER) AS __line';
  const sel = [line, ...names.map((n, i) => `${typedCol(i)} AS ${quoteIdent(n)}`)];
  for (let b = 0; b < names.length; b += PER_PACK) {
    const parts = names.slice(b, b + PER_PACK).map((n, j) => `(CAST(${statusSql(quoteIdent(n), typedCol(b + j), decisions[b + j]!)} AS UBIGINT) << ${2 * j})`);
    sel.push(`(${parts.join(' | ')}) AS ${pack(b)}`);
  }
  names.forEach((n, i) => {
    const d = decisions[i]!;
    const c = quoteIdent(n);
    if (hasDecimals(d)) sel.push(`${decimalsSql(c, typedCol(i), d, inp.dec)} AS ${decimalsCol(i)}`);
    if (d.kind === 'currency') sel.push(`${currencyMarkSql(c)} AS ${markCol(i)}`);
    if (i >= inp.headerWidth) sel.push(`trim(coalesce(${c}, '')) <> '' AS ${extraCol(i)}`);
    // A text cell the conversion emptied ("--", "n/a") keeps its text here, for keepNulledText.
    if (d.kind === 'text') sel.push(`CASE WHEN ${typedCol(i)} IS NULL THEN ${c} END AS ${nulledCol(i)}`);
  });
  sel.push(SUMMARY);
  return `CREATE TABLE ${quoteIdent(inp.typedTable)} AS SELECT ${sel.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${inp.source})`;
}

/** The staged rows are not the rows the scan counted (a file read in place that DuckDB split differently). */
export class SourceMismatch extends Error {
  constructor(readonly rows: number, readonly expected: number) {
    super(`the file read in place gave ${rows} rows where the scan counted ${expected}`);
    this.name = 'SourceMismatch';
  }
}

/** Throws SourceMismatch unless the staged table holds exactly `expected` rows (summary rows included). */
export async function expectRows(engine: Engine, table: string, expected: number): Promise<void> {
  const rows = Number((await engine.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`)).rows[0]?.n ?? 0);
  if (rows !== expected) {
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    throw new SourceMismatch(rows, expected);
  }
}

/**
 * A clean file's rows get their lines from their row ids: the parallel read inserts rows in file order
 * (DuckDB preserves insertion order), so row id n is the file's (firstLine + n)-th line. Numbering in the
 * read itself (row_number() over the scan) would force a single-threaded read.
 */
export async function numberRows(engine: Engine, table: string, firstLine: number): Promise<void> {
  await engine.exec(`UPDATE ${quoteIdent(table)} SET __line = CAST(rowid + ${firstLine} AS INTEGER)`);
}

/** Summary rows (first 1000) with their raw text, read from the staged table (no second read of the file). */
export async function stagedSummaryRows(engine: Engine, table: string, width: number): Promise<StagedSummaryRow[]> {
  const t = quoteIdent(table);
  // Line numbers first, then only those rows: `SELECT * … ORDER BY … LIMIT` keeps a sort buffer per
  // column and ran the wasm heap out of memory on a 10,000-column file.
  const lines = await engine.query(`SELECT __line FROM ${t} WHERE ${SUMMARY} IS NOT NULL ORDER BY __line LIMIT 1000`);
  if (!lines.rows.length) return [];
  const last = Number(lines.rows[lines.rows.length - 1]!.__line);
  const cells = Array.from({ length: width }, (_, i) => `${SUMMARY}[${i + 1}] AS c${i}`);
  const found = await engine.query(`SELECT __line${cells.length ? ', ' + cells.join(', ') : ''} FROM ${t} WHERE ${SUMMARY} IS NOT NULL AND __line <= ${last}`);
  return found.rows
    .map((r) => ({ line: Number(r.__line), cells: cells.map((_, i) => (r[`c${i}`] === null ? null : String(r[`c${i}`]))) }))
    .sort((a, b) => a.line - b.line);
}

/** Summary rows leave the typed table (their text is kept in the result and in the original view). */
export async function removeSummaryRows(engine: Engine, table: string): Promise<void> {
  await engine.exec(`DELETE FROM ${quoteIdent(table)} WHERE ${SUMMARY} IS NOT NULL`);
}

/** Every count of the import log in one aggregate over the staged facts (batched for wide files). */
export async function stageStats(engine: Engine, table: string, names: string[], decisions: ColumnDecision[], headerWidth: number): Promise<{ rows: number; cols: ColumnStats[] }> {
  const cols: ColumnStats[] = names.map(() => ({ nonNull: 0, values: 0, placeholders: 0, unparsed: 0, bounded: 0, decimals: 0, symbols: {}, nonEmpty: 0 }));
  const t = quoteIdent(table);
  let rows = Number((await engine.query(`SELECT count(*) AS n FROM ${t}`)).rows[0]?.n ?? 0);
  const BATCH = 400;
  for (let b = 0; b < names.length; b += BATCH) {
    const sel: string[] = ['count(*) AS n'];
    for (let i = b; i < Math.min(names.length, b + BATCH); i++) {
      const d = decisions[i]!;
      sel.push(`count(${quoteIdent(names[i]!)}) AS c${i}`, `count_if(${statusOf(i)} = 1) AS p${i}`, `count_if(${statusOf(i)} >= 2) AS v${i}`);
      if (d.bounded) sel.push(`count_if(${statusOf(i)} = 3) AS b${i}`);
      if (hasDecimals(d)) sel.push(`max(${decimalsCol(i)}) AS d${i}`);
      if (d.kind === 'currency') {
        const h = `histogram(${markCol(i)})`;
        sel.push(`array_to_string(map_keys(${h}), ' ') AS sk${i}`, `array_to_string(map_values(${h}), ' ') AS sv${i}`);
      }
      if (i >= headerWidth) sel.push(`count_if(${extraCol(i)}) AS x${i}`);
    }
    const r = (await engine.query(`SELECT ${sel.join(', ')} FROM ${t}`)).rows[0]!;
    rows = Number(r.n);
    for (let i = b; i < Math.min(names.length, b + BATCH); i++) {
      const s = cols[i]!;
      s.nonNull = Number(r[`c${i}`]);
      s.placeholders = Number(r[`p${i}`]);
      s.values = Number(r[`v${i}`]);
      s.bounded = Number(r[`b${i}`] ?? 0);
      s.decimals = Number(r[`d${i}`] ?? 0);
      s.symbols = symbolCounts(r[`sk${i}`], r[`sv${i}`]);
      s.nonEmpty = Number(r[`x${i}`] ?? 0);
      s.unparsed = Math.max(0, s.values - s.nonNull);
    }
  }
  return { rows, cols };
}

/** The fact columns (and any column left out) go; the typed table keeps `__line` and the data. */
export async function dropStaged(engine: Engine, table: string, names: string[], decisions: ColumnDecision[], headerWidth: number, leftOut: string[]): Promise<void> {
  const t = quoteIdent(table);
  const drop: string[] = [...leftOut.map((n) => quoteIdent(n)), SUMMARY];
  names.forEach((_, i) => {
    const d = decisions[i]!;
    if (i % PER_PACK === 0) drop.push(pack(i));
    if (hasDecimals(d)) drop.push(decimalsCol(i));
    if (d.kind === 'currency') drop.push(markCol(i));
    if (i >= headerWidth) drop.push(extraCol(i));
    if (d.kind === 'text') drop.push(nulledCol(i));
  });
  for (const c of drop) await engine.exec(`ALTER TABLE ${t} DROP COLUMN ${c}`);
}

/**
 * The text of placeholders the importer emptied in text columns ("--", "n/a" in Ad group), by line and
 * column, in `side` (nulledTextName): the placeholder_values check reads them there instead of reading the
 * whole file again through the original-text view. Made only when a text column has such cells.
 */
export async function keepNulledText(engine: Engine, table: string, side: string, names: string[], decisions: ColumnDecision[], stats: ColumnStats[]): Promise<void> {
  const cols = names.map((n, i) => ({ n, i })).filter(({ i }) => decisions[i]!.kind === 'text' && stats[i]!.placeholders > 0);
  await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(side)}`);
  if (!cols.length) return;
  const parts = cols.map(({ n, i }) => `SELECT __line, ${quoteLiteral(n)} AS col, ${nulledCol(i)} AS text FROM ${quoteIdent(table)} WHERE ${nulledCol(i)} IS NOT NULL`);
  await engine.exec(`CREATE TABLE ${quoteIdent(side)} AS ${parts.join(' UNION ALL ')}`);
}
