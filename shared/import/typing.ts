/**
 * Typing: decide each column's type on a sample of records taken by the body scan, then build the typed
 * table in one read of the file (stage.ts), counting placeholders, NULLs, unreadable cells, decimals and
 * currency marks from the facts written next to it. Columns where more than 1% of the cells cannot be read
 * as the chosen type fall back to text, with a warning (the read runs again: rare).
 */
import type { Engine } from '../engine/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { ColumnStats, StagedSummaryRow } from './stage';
import { expectRows, numberRows, removeSummaryRows, stagedSummaryRows, stageSql, stageStats } from './stage';
import type { DateOrder, DecimalSeparator, ImportedColumn, ImportLogEntry, ImportOptions } from './types';
import type { ColumnDecision } from './values';
import { decideColumn, detectDecimalSeparator, NUMBER_KINDS, PLACEHOLDERS } from './values';

export interface TypingInput {
  engine: Engine;
  /** FROM item yielding every name as VARCHAR (a read_csv call), with `__line` unless firstLine is set. */
  source: string;
  /** Set when the source has no `__line`: rows are numbered from this line in file order. */
  firstLine?: number;
  /**
   * Set when the source is the user's file read in place (in-place.ts): the rows it gives must number
   * exactly this many, or staging stops with SourceMismatch and the caller reads the copied rows instead.
   */
  expectRows?: number;
  /** Called once the first read is sent to the engine, while it runs (clean-guess.ts: the clean scan runs here). */
  onReading?: () => void;
  typedTable: string;
  /** Every column read (extra columns beyond the header included). */
  names: string[];
  /** The header's width: columns from here on are extra. */
  headerWidth: number;
  /** Records spread over the file (summary rows left out unless kept), fields by column index. */
  sample: string[][];
  /** SQL condition over the raw text marking a summary row. */
  summaryWhen: string;
  delimiter: string;
  options: ImportOptions;
}

export interface StagedTyping {
  decisions: ColumnDecision[];
  dec: DecimalSeparator;
  dateOrder: DateOrder | null;
  stats: { rows: number; cols: ColumnStats[] };
  /** Summary rows found while reading (still in the table when the user keeps them). */
  summary: StagedSummaryRow[];
  /** Typing's own log and warnings, to follow the structure entries. */
  log: ImportLogEntry[];
  warnings: string[];
}

export interface TypingOutput {
  columns: ImportedColumn[];
  rows: number;
  decimalSeparator: DecimalSeparator;
  dateOrder: DateOrder | null;
}

const NON_EMPTY_PLACEHOLDERS = PLACEHOLDERS.filter((p) => p !== '');

/** Largest sample the decisions read: fewer records for wider files. */
export function sampleSize(width: number): number {
  return Math.max(200, Math.min(20000, Math.floor(2_000_000 / Math.max(1, width))));
}

export async function stageTyped(inp: TypingInput): Promise<StagedTyping> {
  const { engine, names } = inp;
  const log: ImportLogEntry[] = [];
  const warnings: string[] = [];
  const byColumn = names.map((_, i) => inp.sample.map((r) => r[i]).filter((v): v is string => v !== undefined));
  const dec = inp.options.decimalSeparator ?? chooseDecimal(byColumn.flat(), inp.delimiter, log);
  const decisions = byColumn.map((vals) => decideColumn(vals, dec));
  const dateOrder = chooseDateOrder(decisions, dec, inp.delimiter, inp.options.dateOrder, log, warnings, names);

  for (let attempt = 0; ; attempt++) {
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(inp.typedTable)}`);
    const stage = { ...inp, decisions, dec, dateOrder: dateOrder ?? 'MDY' };
    const staged = await wideSafe(engine, names.length, async () => {
      const reading = engine.exec(stageSql(stage));
      if (attempt === 0 && inp.onReading) {
        // Rejections surface at the `await` below, not as unhandled while the scan runs.
        reading.catch(() => undefined);
        try {
          // One task later the statement has left: the app's engine queues it behind promise callbacks
          // before posting it to DuckDB's worker, which then reads while this thread runs onReading.
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          inp.onReading();
        } finally {
          await reading;
        }
      } else {
        await reading;
      }
      if (inp.expectRows !== undefined) await expectRows(engine, inp.typedTable, inp.expectRows);
      if (inp.firstLine !== undefined) await numberRows(engine, inp.typedTable, inp.firstLine);
      const summary = await stagedSummaryRows(engine, inp.typedTable, names.length);
      if (summary.length && !inp.options.keepSummaryRows) await removeSummaryRows(engine, inp.typedTable);
      return { summary, stats: await stageStats(engine, inp.typedTable, names, decisions, inp.headerWidth) };
    });
    const fallback = names.filter((_, i) => {
      const d = decisions[i]!;
      const s = staged.stats.cols[i]!;
      return d.kind !== 'text' && s.unparsed > 0 && s.unparsed > s.values * 0.01;
    });
    if (fallback.length === 0 || attempt === 1) return { decisions, dec, dateOrder, ...staged, log, warnings };
    for (const n of fallback) {
      const i = names.indexOf(n);
      const s = staged.stats.cols[i]!;
      warnings.push(`Column "${n}" looked like ${decisions[i]!.kind} values in a sample, but ${s.unparsed} of ${s.values} cells are not; it was kept as text.`);
      decisions[i] = { kind: 'text', type: 'VARCHAR', percent: false, bounded: false, parens: false };
    }
  }
}

function chooseDecimal(cells: string[], delimiter: string, log: ImportLogEntry[]): DecimalSeparator {
  const d = detectDecimalSeparator(cells, delimiter);
  const how =
    d.comma + d.dot === 0
      ? 'no number in the file shows it'
      : `${d.sep === ',' ? d.comma : d.dot} values such as ${d.sep === ',' ? '"1.234,56"' : '"1,234.56"'} show it` +
        (d.ambiguous ? ` (${d.sep === ',' ? d.dot : d.comma} values suggest the other way)` : '');
  log.push({
    level: d.ambiguous ? 'warning' : 'info',
    message: `Decimal separator: "${d.sep}" (${how}).`,
    option: 'decimalSeparator',
  });
  return d.sep;
}

function chooseDateOrder(
  decisions: ColumnDecision[],
  dec: DecimalSeparator,
  delimiter: string,
  forced: DateOrder | undefined,
  log: ImportLogEntry[],
  warnings: string[],
  names: string[],
): DateOrder | null {
  const dm = decisions.map((d, i) => ({ d, name: names[i]! })).filter((x) => x.d.dayMonth);
  const hasDates = decisions.some((d) => d.kind === 'date' || d.kind === 'timestamp');
  if (dm.length === 0) return hasDates ? 'YMD' : null;
  const dmy = dm.some((x) => x.d.dayMonth!.firstOver12);
  const mdy = dm.some((x) => x.d.dayMonth!.secondOver12);
  if (forced) {
    if ((forced === 'MDY' && dmy) || (forced === 'DMY' && mdy))
      warnings.push(`Date order ${forced} was chosen, but some dates only make sense the other way; those dates are empty.`);
    log.push({ level: 'info', message: `Date order: ${forced} (chosen by you).`, option: 'dateOrder' });
    return forced;
  }
  if (dmy && !mdy) {
    log.push({ level: 'info', message: `Date order: day/month/year (a first part above 12 appears in ${dm.find((x) => x.d.dayMonth!.firstOver12)!.name}).`, option: 'dateOrder' });
    return 'DMY';
  }
  if (mdy && !dmy) {
    log.push({ level: 'info', message: `Date order: month/day/year (a second part above 12 appears in ${dm.find((x) => x.d.dayMonth!.secondOver12)!.name}).`, option: 'dateOrder' });
    return 'MDY';
  }
  const sepDot = dm.some((x) => x.d.dayMonth!.sep === '.');
  const guess: DateOrder = dec === ',' || delimiter === ';' || sepDot ? 'DMY' : 'MDY';
  warnings.push(
    `Dates in ${dm.map((x) => `"${x.name}"`).join(', ')} could be day/month or month/day (no part is above 12); read as ${guess === 'DMY' ? 'day/month/year' : 'month/day/year'}. Change the date order if that is wrong.`,
  );
  log.push({ level: 'warning', message: `Date order: ${guess} (ambiguous: no day above 12 in the data).`, option: 'dateOrder' });
  return guess;
}

/**
 * DuckDB's common-subexpression optimizer compares the expressions of a statement pairwise: with
 * thousands of columns (each with its own placeholder list) one CREATE took minutes (1,000 text columns
 * 17 s, 4,000 columns 5 min; 10,000 never finished). Wide tables switch it off for these statements
 * (4,000 columns: 2.5 s); narrow tables keep it.
 */
const WIDE = 200;
async function wideSafe<T>(engine: Engine, width: number, fn: () => Promise<T>): Promise<T> {
  if (width <= WIDE) return fn();
  await engine.exec("SET disabled_optimizers = 'common_subexpressions'");
  try {
    return await fn();
  } finally {
    await engine.exec("SET disabled_optimizers = ''");
  }
}

export interface FinishInput {
  engine: Engine;
  typedTable: string;
  rawTable: string;
  staged: StagedTyping;
  /** Every column read, and the ones the typed table keeps. */
  names: string[];
  keep: string[];
  originalNames: string[];
  log: ImportLogEntry[];
  warnings: string[];
}

/** The columns' facts for the result, and the log entries that explain them. */
export async function finishTyped(inp: FinishInput): Promise<TypingOutput> {
  const { decisions, stats, dec, dateOrder } = inp.staged;
  inp.log.push(...inp.staged.log);
  inp.warnings.push(...inp.staged.warnings);
  const columns: ImportedColumn[] = [];
  const conversions: string[] = [];
  for (const name of inp.keep) {
    const i = inp.names.indexOf(name);
    const d = decisions[i]!;
    const s = stats.cols[i]!;
    const col: ImportedColumn = {
      name,
      originalName: inp.originalNames[i] ?? '',
      type: d.type,
      kind: d.kind,
      nulls: stats.rows - s.nonNull,
      placeholders: s.placeholders,
      percent: d.percent,
    };
    if (d.currency) col.currency = d.currency;
    if (s.bounded) col.bounded = s.bounded;
    if (s.unparsed) col.unparsed = s.unparsed;
    if (NUMBER_KINDS.includes(d.kind)) {
      col.decimals = s.decimals;
      // Without unparsed cells, a number column that is not read as money has no mark in its text
      // (a mark would have made the cell unreadable); with them, only the original text can tell.
      if (d.kind === 'currency' || !s.unparsed) col.symbols = s.symbols;
    }
    columns.push(col);
    if (d.kind !== 'text') conversions.push(`"${name}" → ${describeKind(d)}`);
    if (s.placeholders) {
      inp.log.push({ level: 'change', message: `"${name}": ${s.placeholders} placeholder cell(s) such as "--" or "N/A" read as empty.` });
    }
    if (s.bounded) {
      inp.log.push({
        level: 'change',
        message: `"${name}": ${s.bounded} bounded value(s) such as "< 10%" were loaded as the bound (10); the exact value is unknown. The original text stays in the raw table.`,
      });
    }
    if (s.unparsed && d.kind !== 'text') {
      const examples = await inp.engine.query(
        `SELECT r.__line AS line, r.${quoteIdent(name)} AS v FROM ${quoteIdent(inp.rawTable)} r JOIN ${quoteIdent(inp.typedTable)} t USING (__line) WHERE t.${quoteIdent(name)} IS NULL AND trim(r.${quoteIdent(name)}) <> '' AND trim(r.${quoteIdent(name)}) NOT IN (${NON_EMPTY_PLACEHOLDERS.map((p) => quoteLiteral(p)).join(', ')}) ORDER BY r.__line LIMIT 3`,
      );
      inp.warnings.push(
        `Column "${name}": ${s.unparsed} cell(s) could not be read as ${d.kind} and are empty in the typed table (e.g. ${examples.rows.map((r) => `line ${r.line}: "${r.v}"`).join(', ')}); their text is kept in the original view.`,
      );
    }
  }
  if (conversions.length) inp.log.push({ level: 'change', message: `Typed columns: ${conversions.join('; ')}.` });
  return { columns, rows: stats.rows, decimalSeparator: dec, dateOrder };
}

function describeKind(d: ColumnDecision): string {
  switch (d.kind) {
    case 'percent':
      return 'percent (2.81% read as 2.81)';
    case 'currency':
      return `amount in ${d.currency}`;
    case 'integer':
      return 'whole number';
    case 'bigint-id':
      return 'large whole number (every digit kept)';
    case 'decimal':
      return 'number';
    case 'epoch-ms':
      return 'timestamp (from epoch milliseconds)';
    default:
      return d.kind;
  }
}
