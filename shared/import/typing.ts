/**
 * From the raw all-text table to the typed table: decide each column's type on a sample, convert in one
 * CREATE TABLE … AS SELECT, then count placeholders, NULLs and unreadable cells in two scans. Columns
 * where more than 1% of the cells cannot be read as the chosen type fall back to text, with a warning.
 */
import type { Engine, Row } from '../engine/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { DateOrder, DecimalSeparator, ImportedColumn, ImportLogEntry, ImportOptions } from './types';
import type { ColumnDecision } from './values';
import { ALL_PLACEHOLDER_LIST, conversionSql, currencyMarkSql, decideColumn, decimalsShownSql, detectDecimalSeparator, NUMBER_KINDS, placeholderCountSql, PLACEHOLDERS, symbolCounts } from './values';

export interface TypingInput {
  engine: Engine;
  rawTable: string;
  typedTable: string;
  names: string[];
  originalNames: string[];
  /** SQL condition selecting the rows to keep (summary rows excluded). */
  keepWhere: string;
  delimiter: string;
  options: ImportOptions;
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

export async function typeTable(inp: TypingInput): Promise<TypingOutput> {
  const { engine, rawTable, names } = inp;
  const width = Math.max(1, names.length);
  const sampleRows = Math.max(200, Math.min(20000, Math.floor(2_000_000 / width)));
  // An evenly spread sample by row position: cheaper than reservoir sampling, deterministic, and it
  // always includes the first rows.
  const total = Number((await engine.query(`SELECT count(*) AS n FROM ${quoteIdent(rawTable)}`)).rows[0]?.n ?? 0);
  // Big tables: DuckDB's system sampling reads whole vectors at random, so most of the table is skipped.
  // At least 40 vectors of 2048 rows, so the sample is spread over the file.
  const pct = Math.min(100, (Math.max(sampleRows * 1.5, 40 * 2048) / Math.max(1, total)) * 100);
  const cols = names.map((n) => quoteIdent(n)).join(', ');
  const pick = async (method: 'system' | 'bernoulli') => {
    const from = pct < 100 ? `${quoteIdent(rawTable)} TABLESAMPLE ${pct.toFixed(4)}% (${method}, 7)` : quoteIdent(rawTable);
    return (await engine.query(`SELECT ${cols} FROM ${from} WHERE ${inp.keepWhere} LIMIT ${sampleRows}`)).rows;
  };
  let sample = names.length ? await pick('system') : [];
  if (names.length && pct < 100 && sample.length < Math.min(1000, total / 2)) sample = await pick('bernoulli');
  const byColumn = names.map((n) => sample.map((r: Row) => r[n]).filter((v): v is string => typeof v === 'string'));

  const dec = inp.options.decimalSeparator ?? chooseDecimal(byColumn.flat(), inp.delimiter, inp.log);
  const decisions = byColumn.map((vals) => decideColumn(vals, dec));
  const dateOrder = chooseDateOrder(decisions, dec, inp.delimiter, inp.options.dateOrder, inp.log, inp.warnings, names);

  for (let attempt = 0; attempt < 2; attempt++) {
    const selects = names.map((n, i) => `${conversionSql(n, decisions[i]!, dec, dateOrder ?? 'MDY')} AS ${quoteIdent(n)}`);
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(inp.typedTable)}`);
    const create = `CREATE TABLE ${quoteIdent(inp.typedTable)} AS SELECT __line${selects.length ? ', ' + selects.join(', ') : ''} FROM ${quoteIdent(rawTable)} WHERE ${inp.keepWhere}`;
    const stats = await wideSafe(engine, names.length, async () => {
      await engine.exec(create);
      return columnStats(inp, decisions, dec);
    });
    const fallback = names.filter((_, i) => {
      const d = decisions[i]!;
      const s = stats.cols[i]!;
      return d.kind !== 'text' && s.unparsed > 0 && s.unparsed > s.values * 0.01;
    });
    if (fallback.length === 0 || attempt === 1) return finish(inp, decisions, stats, dec, dateOrder);
    for (const n of fallback) {
      const i = names.indexOf(n);
      const s = stats.cols[i]!;
      inp.warnings.push(
        `Column "${n}" looked like ${decisions[i]!.kind} values in a sample, but ${s.unparsed} of ${s.values} cells are not; it was kept as text.`,
      );
      decisions[i] = { kind: 'text', type: 'VARCHAR', percent: false, bounded: false, parens: false };
    }
  }
  throw new Error('unreachable');
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

interface Stats {
  rows: number;
  cols: { nonNull: number; values: number; placeholders: number; unparsed: number; bounded: number; decimals: number; symbols: Record<string, number> }[];
}

/** Currency marks counted per symbol: keys and counts as two space-separated lists (plain values on both engines). */
function symbolCountsSql(col: string, i: number): string {
  const h = `histogram(${currencyMarkSql(quoteIdent(col))})`;
  return `array_to_string(map_keys(${h}), ' ') AS sk${i}, array_to_string(map_values(${h}), ' ') AS sv${i}`;
}

async function columnStats(inp: TypingInput, decisions: ColumnDecision[], dec: DecimalSeparator): Promise<Stats> {
  const { engine, names } = inp;
  const rows: Stats['cols'] = names.map(() => ({ nonNull: 0, values: 0, placeholders: 0, unparsed: 0, bounded: 0, decimals: 0, symbols: {} }));
  let total = 0;
  // Wide files: batch the aggregates so one statement never carries tens of thousands of expressions.
  const BATCH = 500;
  if (names.length === 0) {
    total = Number((await engine.query(`SELECT count(*) AS n FROM ${quoteIdent(inp.typedTable)}`)).rows[0]?.n ?? 0);
  }
  for (let b = 0; b < names.length; b += BATCH) {
    const part = names.slice(b, b + BATCH);
    const typed = await engine.query(
      `SELECT count(*) AS n, ${part.map((n, i) => `count(${quoteIdent(n)}) AS c${i}`).join(', ')} FROM ${quoteIdent(inp.typedTable)}`,
    );
    const raw = await engine.query(
      `SELECT ${part
        .map((n, i) => {
          const c = quoteIdent(n);
          const d = decisions[b + i]!;
          const bounded = d.bounded ? `count_if(regexp_matches(${c}, '^\\s*(<|>|≤|≥)'))` : '0';
          const decimals = NUMBER_KINDS.includes(d.kind) && d.kind !== 'integer' ? `, max(${decimalsShownSql(c, dec)}) AS d${i}` : '';
          const symbols = d.kind === 'currency' ? `, ${symbolCountsSql(n, i)}` : '';
          return `${placeholderCountSql(n)} AS p${i}, count_if(NOT list_contains(${ALL_PLACEHOLDER_LIST}, trim(${c}))) AS v${i}, ${bounded} AS b${i}${decimals}${symbols}`;
        })
        .join(', ')} FROM ${quoteIdent(inp.rawTable)} WHERE ${inp.keepWhere}`,
    );
    const t = typed.rows[0]!;
    const r = raw.rows[0]!;
    total = Number(t.n);
    part.forEach((_, i) => {
      const s = rows[b + i]!;
      s.nonNull = Number(t[`c${i}`]);
      s.placeholders = Number(r[`p${i}`]);
      s.values = Number(r[`v${i}`]);
      s.bounded = Number(r[`b${i}`]);
      s.unparsed = Math.max(0, s.values - s.nonNull);
      s.decimals = Number(r[`d${i}`] ?? 0);
      s.symbols = symbolCounts(r[`sk${i}`], r[`sv${i}`]);
    });
  }
  return { rows: total, cols: rows };
}

async function finish(
  inp: TypingInput,
  decisions: ColumnDecision[],
  stats: Stats,
  dec: DecimalSeparator,
  dateOrder: DateOrder | null,
): Promise<TypingOutput> {
  const columns: ImportedColumn[] = [];
  const conversions: string[] = [];
  for (let i = 0; i < inp.names.length; i++) {
    const d = decisions[i]!;
    const s = stats.cols[i]!;
    const name = inp.names[i]!;
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
        `SELECT r.__line AS line, r.${quoteIdent(name)} AS v FROM ${quoteIdent(inp.rawTable)} r JOIN ${quoteIdent(inp.typedTable)} t USING (__line) WHERE t.${quoteIdent(name)} IS NULL AND trim(r.${quoteIdent(name)}) <> '' AND trim(r.${quoteIdent(name)}) NOT IN (${NON_EMPTY_PLACEHOLDERS.map((p) => quoteLiteral(p)).join(', ')}) LIMIT 3`,
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
