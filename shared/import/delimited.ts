/** The CSV/TSV pipeline: encoding → preamble and header → body pass → raw table → typed table. */
import type { Engine } from '../engine/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import { bodyPass } from './body';
import { decodeToUtf8, looksBinary } from './encoding';
import { uniqueNames } from './names';
import { NO_DATA, statedRange, SUMMARY_LABEL_SQL } from './preamble';
import type { HeadLine, TableBlock } from './sniff';
import { detectDelimiter, findTables, headLines, HEAD_BYTES, isSeparatorLine, splitFields } from './sniff';
import { typeTable } from './typing';
import type { Encoding, ImportLogEntry, ImportOptions, ImportResult, SummaryRow } from './types';
import { ImportError } from './types';

export interface DelimitedInput {
  engine: Engine;
  name: string;
  path: string;
  bytes: Uint8Array;
  options: ImportOptions;
  tableName: string;
  rawTableName: string;
  /** Set when the bytes are already UTF-8 CSV made from XLSX or JSON. */
  synthetic?: { format: 'xlsx' | 'json' | 'ndjson'; log: ImportLogEntry[]; warnings: string[]; sheets?: string[] };
  step: (stage: string, fraction: number) => void;
}

const DELIM_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export async function loadDelimited(inp: DelimitedInput): Promise<ImportResult> {
  const { engine, name, options } = inp;
  const log: ImportLogEntry[] = [...(inp.synthetic?.log ?? [])];
  const warnings: string[] = [...(inp.synthetic?.warnings ?? [])];

  const decoded = inp.synthetic ? { encoding: 'utf-8' as Encoding, utf8: inp.bytes, warnings: [] } : decodeToUtf8(inp.bytes, options.encoding);
  warnings.push(...decoded.warnings);
  let utf8 = decoded.utf8;
  if (utf8.indexOf(0x0a) < 0 && utf8.indexOf(0x0d) >= 0) {
    // Classic Mac line ends (a lone CR, as Excel's "CSV (Macintosh)" writes): without this the whole
    // file is one line and is misread without a word. A copy: the user's bytes are never modified.
    utf8 = utf8.map((b) => (b === 0x0d ? 0x0a : b));
    log.push({ level: 'change', message: 'Lines end with a lone carriage return (old Mac style); each one was read as a line break.' });
  }
  if (looksBinary(utf8.subarray(0, 8192))) throw new ImportError(`${name} contains binary data, not text; nothing was loaded.`);
  if (!inp.synthetic) {
    log.push({
      level: decoded.warnings.length ? 'warning' : 'info',
      message: `Encoding: ${decoded.encoding.toUpperCase()}${decoded.encoding.startsWith('utf-16') ? ' (transcoded to UTF-8 for reading)' : ''}.`,
      option: 'encoding',
    });
  }
  inp.step('Finding the header', 0.1);

  const { lines, complete } = headLines(utf8);
  if (lines.length === 0 || lines.every((l) => isSeparatorLine(l.text) && !l.text.trim().startsWith('#'))) {
    throw new ImportError(`${name} has no data: it contains only blank lines.`);
  }
  if (!complete && lines.length === 1) {
    throw new ImportError(`${name} has no line break in its first ${HEAD_BYTES / 1024 / 1024} MB, so it is not a table export; nothing was loaded.`);
  }
  const sniffed = detectDelimiter(lines, decoded.encoding.startsWith('utf-16'));
  const delimiter = options.delimiter ?? sniffed.delimiter;
  log.push({
    level: 'info',
    message: `Delimiter: ${DELIM_NAMES[delimiter] ?? JSON.stringify(delimiter)}${options.delimiter ? ' (chosen by you)' : ` (${Math.round(sniffed.consistency * 100)}% of lines have ${sniffed.fieldCount} fields)`}.`,
    option: 'delimiter',
  });

  const tables = findTables(lines, delimiter, complete);
  const table = pickTable(tables, lines, options, name, complete);
  const tableIndex = Math.max(0, tables.findIndex((t) => t.headerLine === table.headerLine));
  if (tables.length > 1) {
    log.push({
      level: 'warning',
      message: `This file holds ${tables.length} tables (headers on lines ${tables.map((t) => t.headerLine).join(', ')}); table ${tableIndex + 1} is loaded. Pick another to load it instead.`,
      option: 'tableIndex',
    });
  }
  const headerLine = table.headerLine;
  const lineByNo = new Map(lines.map((l) => [l.no, l]));
  const header = lineByNo.get(headerLine)!;
  const headerFields = splitFields(header.text, delimiter);
  const preambleLines = lines.filter((l) => l.no < headerLine && l.text.trim() !== '');
  const preamble = preambleLines.map((l) => l.text.replace(/^#\s?/, '').replace(/[,;\t|]+$/, '').replace(/^"|"$/g, '').trim()).filter((t) => t && !/^-+$/.test(t));
  log.push({
    level: 'info',
    message: `Header: line ${headerLine}${options.headerLine ? ' (chosen by you)' : ''}${headerLine > 1 ? `; ${headerLine - 1} line(s) above it skipped${preamble.length ? ` (${preamble.slice(0, 3).map((p) => `"${p.slice(0, 60)}"`).join(', ')}${preamble.length > 3 ? ', …' : ''})` : ''}` : ''}.`,
    option: 'headerLine',
    lines: preambleLines.map((l) => l.no),
  });

  inp.step('Reading rows', 0.2);
  const startByte = header.start;
  const endByte = table.endLine === null ? utf8.length : (lineByNo.get(table.endLine)?.start ?? utf8.length);
  const body = bodyPass({ utf8, start: startByte, end: endByte, firstLine: headerLine, delimiter, headerFields: headerFields.length });
  const width = Math.max(headerFields.length, body.maxFields);
  const { names, changes } = uniqueNames(headerFields, width);
  for (const c of changes) log.push({ level: 'change', message: c });

  const fileName = `${inp.tableName}.body.csv`;
  await engine.registerFile(fileName, body.bytes);
  try {
    const cols = [`'__line': 'INTEGER'`, ...names.map((n) => `${quoteLiteral(n)}: 'VARCHAR'`)].join(', ');
    const maxLine = Math.max(2_097_152, body.longestRecord + 1024);
    // DuckDB refuses null_padding with quoted line breaks in its parallel scanner ("Parameter Not
    // Allowed Error"), so files with multi-line cells are read by the single-threaded scanner.
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(inp.rawTableName)}`);
    await engine.exec(
      `CREATE TABLE ${quoteIdent(inp.rawTableName)} AS SELECT *, ${summarySql(names)} AS __summary FROM read_csv(${quoteLiteral(fileName)}, header=true, delim=${quoteLiteral(delimiter)}, quote='"', escape='"', auto_detect=false, strict_mode=false, null_padding=true${body.multiLineRecords ? ', parallel=false' : ''}, max_line_size=${maxLine}, columns={${cols}})`,
    );
  } catch (err) {
    throw new ImportError(`${name} could not be read as a table (${(err instanceof Error ? err.message : String(err)).split('\n')[0]}).`);
  } finally {
    await engine.dropFile(fileName);
  }
  inp.step('Finding summary rows', 0.5);

  // Summary rows: "Total: Account", "Grand total", … in one of the first three columns.
  const labelCols = names.slice(0, Math.min(3, names.length));
  // Computed once while reading (the __summary column of the raw table), then used as a plain flag.
  const isSummary = '__summary';
  const summaryRows: SummaryRow[] = [];
  if (names.length) {
    // Line numbers first, then only those rows: `SELECT * … ORDER BY … LIMIT` keeps a sort buffer per
    // column and ran the wasm heap out of memory on a 10,000-column file.
    const lines = await engine.query(`SELECT __line FROM ${quoteIdent(inp.rawTableName)} WHERE ${isSummary} ORDER BY __line LIMIT 1000`);
    const last = lines.rows.length ? Number(lines.rows[lines.rows.length - 1]!.__line) : 0;
    const found = lines.rows.length ? await engine.query(`SELECT * FROM ${quoteIdent(inp.rawTableName)} WHERE ${isSummary} AND __line <= ${last}`) : { rows: [] };
    found.rows.sort((a, b) => Number(a.__line) - Number(b.__line));
    for (const r of found.rows) {
      const values: Record<string, string> = {};
      for (const n of names) if (r[n] !== null) values[n] = String(r[n]);
      const label = labelCols.map((n) => r[n]).find((v) => typeof v === 'string' && /total|summe|gesamt|totaux/i.test(v));
      summaryRows.push({ line: Number(r.__line), label: String(label ?? '').trim(), values });
    }
  }
  const keep = options.keepSummaryRows || summaryRows.length === 0;
  if (summaryRows.length) {
    log.push({
      level: 'change',
      message: options.keepSummaryRows
        ? `${summaryRows.length} summary row(s) kept in the table as you asked (${summaryRows.map((s) => `"${s.label}"`).slice(0, 3).join(', ')}).`
        : `${summaryRows.length} summary row(s) removed from the table and kept here with their values: ${summaryRows.slice(0, 5).map((s) => `line ${s.line} "${s.label}"`).join(', ')}${summaryRows.length > 5 ? ', …' : ''}.`,
      option: 'keepSummaryRows',
      lines: summaryRows.map((s) => s.line),
    });
  }

  // Rows are reported after summary rows are known: GA4's "Grand total" row has one field more than the
  // header, and neither it nor the empty column it would add belongs to the user's table.
  const removed = keep ? new Set<number>() : new Set(summaryRows.map((s) => s.line));
  reportBody(body, headerFields.length, log, warnings, removed);
  const tableNames = keep ? names : await dropSummaryOnlyColumns(engine, inp.rawTableName, names, headerFields.length, isSummary, log);

  inp.step('Reading values', 0.6);
  const typed = await typeTable({
    engine,
    rawTable: inp.rawTableName,
    typedTable: inp.tableName,
    names: tableNames,
    originalNames: headerFields,
    keepWhere: keep ? 'true' : `NOT (${isSummary})`,
    delimiter,
    options,
    log,
    warnings,
  });

  if (typed.rows === 0) {
    const noData = [...preamble, ...headerFields].find((t) => NO_DATA.test(t));
    warnings.push(noData ? `The export says "${noData.trim()}": there are no data rows.` : `${name} has a header but no data rows.`);
  }

  return {
    path: inp.path,
    format: inp.synthetic?.format ?? (delimiter === '\t' ? 'tsv' : 'csv'),
    encoding: decoded.encoding,
    delimiter,
    decimalSeparator: typed.decimalSeparator,
    dateOrder: typed.dateOrder,
    headerLine,
    skippedLines: headerLine - 1,
    summaryRows,
    rows: typed.rows,
    columns: typed.columns,
    log,
    warnings,
    tableName: inp.tableName,
    rawTableName: inp.rawTableName,
    tables: tables.map((t, index) => ({ index, headerLine: t.headerLine, endLine: t.endLine, preview: t.header.slice(0, 6) })),
    sheets: inp.synthetic?.sheets,
    preamble,
    statedRange: statedRange(preamble),
    options: { ...options, decimalSeparator: typed.decimalSeparator },
  };
}

/** Summary rows: "Total: Account", "Grand total", … in one of the first three columns. */
function summarySql(names: string[]): string {
  const labelCols = names.slice(0, Math.min(3, names.length));
  if (labelCols.length === 0) return 'false';
  // The cheap ILIKE guard keeps the regular expression off almost every row.
  return labelCols
    .map((n) => `coalesce((${quoteIdent(n)} ILIKE '%tot%' OR ${quoteIdent(n)} ILIKE '%summe%' OR ${quoteIdent(n)} ILIKE '%gesamt%') AND regexp_full_match(${quoteIdent(n)}, ${quoteLiteral(SUMMARY_LABEL_SQL)}), false)`)
    .join(' OR ');
}

function pickTable(tables: TableBlock[], lines: HeadLine[], options: ImportOptions, name: string, complete: boolean): TableBlock {
  if (options.headerLine !== undefined) {
    const line = lines.find((l) => l.no === options.headerLine);
    if (!line) throw new ImportError(`Line ${options.headerLine} is not in the first part of ${name}; choose a header line between 1 and ${lines.length}.`);
    const containing = tables.find((t) => t.headerLine <= line.no && (t.endLine === null || line.no < t.endLine));
    return { headerLine: line.no, endLine: containing?.endLine ?? (complete ? null : null), fieldCount: 0, header: [], titleLines: [] };
  }
  if (options.tableIndex !== undefined) {
    const t = tables[options.tableIndex];
    if (!t) throw new ImportError(`${name} has ${tables.length} table(s); there is no table ${options.tableIndex + 1}.`);
    return t;
  }
  if (tables.length) return tables[0]!;
  // Nothing looks like a table: take the first non-comment line as the header (e.g. "No data available.").
  const first = lines.find((l) => !isSeparatorLine(l.text)) ?? lines[0]!;
  return { headerLine: first.no, endLine: null, fieldCount: 1, header: [first.text], titleLines: [] };
}

/** Extra columns (beyond the header) whose only values sit in removed summary rows are left out. */
async function dropSummaryOnlyColumns(engine: Engine, raw: string, names: string[], headerWidth: number, isSummary: string, log: ImportLogEntry[]): Promise<string[]> {
  const extra = names.slice(headerWidth);
  if (extra.length === 0) return names;
  const counts = (
    await engine.query(`SELECT ${extra.map((n, i) => `count_if(NOT (${isSummary}) AND trim(coalesce(${quoteIdent(n)}, '')) <> '') AS c${i}`).join(', ')} FROM ${quoteIdent(raw)}`)
  ).rows[0]!;
  const unused = extra.filter((_, i) => Number(counts[`c${i}`]) === 0);
  if (unused.length === 0) return names;
  log.push({
    level: 'change',
    message: `${unused.map((n) => `"${n}"`).join(', ')} held values only in summary rows (which have more fields than the header); left out of the table. The summary rows keep those values.`,
  });
  return names.filter((n) => !unused.includes(n));
}

function reportBody(body: ReturnType<typeof bodyPass>, headerWidth: number, log: ImportLogEntry[], warnings: string[], summaryLines: Set<number>): void {
  if (summaryLines.size) {
    const before = body.ragged.length;
    body.ragged = body.ragged.filter((r) => !summaryLines.has(r.line));
    body.raggedCount -= before - body.ragged.length;
  }
  if (body.blankLines) log.push({ level: 'change', message: `${body.blankLines} blank line(s) inside the table skipped.` });
  if (body.footerLines.length) {
    log.push({
      level: 'change',
      message: `${body.footerLines.length} footer line(s) under the table skipped: ${body.footerLines.slice(0, 3).map((f) => `line ${f.line} "${f.text.slice(0, 60)}"`).join(', ')}.`,
      lines: body.footerLines.map((f) => f.line),
    });
  }
  if (body.multiLineRecords) log.push({ level: 'info', message: `${body.multiLineRecords} row(s) contain line breaks inside quoted values.` });
  if (body.unbalancedQuoteLines.length) {
    warnings.push(
      `Unbalanced quote on line(s) ${body.unbalancedQuoteLines.slice(0, 10).join(', ')}: each was read as plain text up to the end of its line instead of swallowing the rest of the file.`,
    );
  }
  if (body.raggedCount) {
    const longer = body.ragged.filter((r) => r.fields > headerWidth);
    const shorter = body.ragged.filter((r) => r.fields < headerWidth);
    warnings.push(
      `${body.raggedCount} row(s) do not have ${headerWidth} fields like the header` +
        (shorter.length ? `; shorter rows were padded with empty cells (e.g. line ${shorter[0]!.line} has ${shorter[0]!.fields})` : '') +
        (longer.length ? `; longer rows keep their extra values in columns extra_1… (e.g. line ${longer[0]!.line} has ${longer[0]!.fields})` : '') +
        '. No row was dropped.',
    );
    log.push({ level: 'warning', message: `Ragged rows on lines ${body.ragged.slice(0, 20).map((r) => r.line).join(', ')}${body.raggedCount > 20 ? ', …' : ''}.`, lines: body.ragged.map((r) => r.line) });
  }
}
