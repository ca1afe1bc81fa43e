/**
 * What reading the rows found, told in the import log: blank, footer and multi-line records, stray quotes
 * re-read as text, backslash escapes, ragged rows, and the columns left out: extra columns that only summary
 * rows filled, nameless columns with no value.
 */
import type { BodyPassResult } from './body';
import type { ColumnStats } from './stage';
import type { ImportLogEntry } from './types';

/** Extra columns (beyond the header) whose only values sit in removed summary rows are left out. */
export function summaryOnlyColumns(names: string[], headerWidth: number, stats: ColumnStats[], log: ImportLogEntry[]): string[] {
  const unused = names.filter((_, i) => i >= headerWidth && stats[i]!.nonEmpty === 0);
  if (unused.length) {
    log.push({
      level: 'change',
      message: `${unused.map((n) => `"${n}"`).join(', ')} held values only in summary rows (which have more fields than the header); left out of the table. The summary rows keep those values.`,
    });
  }
  return unused;
}

/** Header columns without a name whose cells are all empty (no value, no placeholder): left out of the table. */
export function namelessEmptyColumns(header: string[], stats: ColumnStats[]): number[] {
  return header.flatMap((h, i) => (h.trim() === '' && stats[i] && stats[i].nonNull === 0 && stats[i].values === 0 && stats[i].placeholders === 0 ? [i] : []));
}

export function reportNameless(blank: number[], headerWidth: number, log: ImportLogEntry[]): void {
  if (!blank.length) return;
  log.push({
    level: 'change',
    message: `${blank.length === 1 ? `Column ${blank[0]! + 1} has` : `Columns ${blank.map((i) => i + 1).join(', ')} have`} no name in the header and no value in any row${blank.includes(headerWidth - 1) ? ' (every line ends with an extra delimiter)' : ''}; left out of the table.`,
  });
}

export function reportBody(body: BodyPassResult, headerWidth: number, log: ImportLogEntry[], warnings: string[], summaryLines: Set<number>): void {
  if (summaryLines.size) {
    const before = body.ragged.length;
    body.ragged = body.ragged.filter((r) => !summaryLines.has(r.line));
    body.raggedCount -= before - body.ragged.length;
  }
  if (body.blankLines) log.push({ level: 'change', message: `${body.blankLines} blank line(s) inside the table skipped.` });
  if (body.repeatedHeaderCount) {
    const shown = body.repeatedHeaders.slice(0, 10).map((h) => `line ${h.line}${h.titles.length ? ` with the title line(s) ${h.titles.map((t) => t.line).join(', ')} above it` : ''}`);
    log.push({
      level: 'change',
      message: `${body.repeatedHeaderCount} line(s) repeating the header removed from the rows (${shown.join('; ')}${body.repeatedHeaderCount > 10 ? '; …' : ''}): the file looks like several exports joined together, so check it for rows that appear twice.`,
      lines: body.repeatedHeaders.flatMap((h) => [...h.titles.map((t) => t.line), h.line]),
    });
  }
  if (body.footerLines.length) {
    log.push({
      level: 'change',
      message: `${body.footerLines.length} footer line(s) under the table skipped: ${body.footerLines.slice(0, 3).map((f) => `line ${f.line} "${f.text.slice(0, 60)}"`).join(', ')}.`,
      lines: body.footerLines.map((f) => f.line),
    });
  }
  if (body.multiLineRecords) log.push({ level: 'info', message: `${body.multiLineRecords} row(s) contain line breaks inside quoted values.` });
  if (body.loneCRRecords)
    log.push({ level: 'info', message: `${body.loneCRRecords} row(s) contain a lone carriage return (CR) inside a value; it was kept in the value, not read as a line break.` });
  if (body.repairedCount) {
    const lines = body.repaired.map((r) => r.line);
    warnings.push(
      `Stray quote on line(s) ${lines.slice(0, 10).join(', ')}${body.repairedCount > 10 ? ', …' : ''}: each was read as plain text on its own line (its quotes kept as text) instead of swallowing the lines after it.`,
    );
    log.push({
      level: 'change',
      message: `${body.repairedCount} line(s) with a stray quote re-read as plain text on their own line: ${body.repaired
        .slice(0, 5)
        .map((r) => `line ${r.line} ${JSON.stringify(r.text.slice(0, 80))}`)
        .join(', ')}${body.repairedCount > 5 ? ', …' : ''}. Their cells keep the exact text in the original view.`,
      lines,
    });
  }
  if (body.backslashNuls) log.push({ level: 'change', message: `${body.backslashNuls} escaped NUL character(s) (\\0) removed from values; the source file keeps them.` });
  if (body.backslashNulls) log.push({ level: 'change', message: `${body.backslashNulls} cell(s) written as \\N (the NULL marker of backslash-escaped exports) read as empty.` });
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
