/** `meshlens inspect <file...> [--json]`: show what MeshLens read from each file; a bad file does not stop the others. */
import { inspectObject } from '../../shared/import/inspect-object';
import type { InspectObject } from '../../shared/import/inspect-object';
import { parseArgs } from './args';
import { checkInputs, eachFile, IMPORT_BOOLEANS, IMPORT_FLAGS, importOptionsFromFlags, reportFailures, withEngine } from './load';
import { progressFor } from './progress';
import type { Command } from './types';
import { UsageError } from './types';

const DELIM: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'space', ', ': 'comma-and-space' };

export function formatInspect(f: InspectObject): string {
  const out: string[] = [];
  out.push(`${f.path}`);
  out.push(
    `  ${f.format.toUpperCase()}, ${f.encoding}${f.delimiter ? `, ${DELIM[f.delimiter] ?? JSON.stringify(f.delimiter)}-separated` : ''}, decimal "${f.decimalSeparator}"${f.dateOrder ? `, dates ${f.dateOrder}` : ''}`,
  );
  const where = f.headerRows === 0 ? `no header, table starts on line ${f.headerLine}` : `header on line ${f.headerLine ?? '-'}${(f.headerRows ?? 1) > 1 ? ` (${f.headerRows} lines)` : ''}`;
  out.push(`  ${where}, ${f.skippedLines} line(s) skipped above it, ${f.rows} row(s), ${f.columns.length} column(s)`);
  if (f.entries && f.entries.length > 1) out.push(`  files in the archive: ${f.entries.join(', ')}`);
  if (f.statedRange) out.push(`  stated range: ${f.statedRange.start} to ${f.statedRange.end}`);
  if (f.summaryRows.length) out.push(`  summary rows removed: ${f.summaryRows.map((s) => `line ${s.line} "${s.label}"`).join(', ')}`);
  const w = Math.min(40, Math.max(6, ...f.columns.map((c) => c.name.length)));
  out.push('', `  ${'column'.padEnd(w)}  ${'type'.padEnd(10)}  ${'read as'.padEnd(10)}  ${'nulls'.padStart(8)}  placeholders`);
  for (const c of f.columns) {
    const name = c.name.length > w ? c.name.slice(0, w - 1) + '…' : c.name;
    const kind = c.kind + (c.currency ? ` ${c.currency}` : '');
    out.push(`  ${name.padEnd(w)}  ${c.type.padEnd(10)}  ${kind.padEnd(10)}  ${String(c.nulls).padStart(8)}  ${c.placeholders || ''}`);
  }
  if (f.log.length) out.push('', '  Import log:', ...f.log.map((l) => `  - ${l}`));
  if (f.warnings.length) out.push('', '  Warnings:', ...f.warnings.map((l) => `  ! ${l}`));
  return out.join('\n') + '\n';
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Show how each file was read: encoding, header, summary rows, column types, the import log. Many files: each gets its result or its error.',
  usage: 'meshlens inspect <file...> [--json] [--header-line N] [--header-rows 0-3] [--delimiter D] [--quote double|single|none] [--escape double|backslash] [--decimal .|,] [--date-order MDY|DMY] [--encoding E] [--table N] [--sheet S] [--entry E]',
  async run(args, io) {
    const p = parseArgs(args, IMPORT_FLAGS, ['json', ...IMPORT_BOOLEANS]);
    if (p.positional.length === 0) throw new UsageError('inspect needs at least one file');
    const options = importOptionsFromFlags(p.flags);
    // One file: fail fast on a missing path before paying for the engine. Many: each file fails on its own.
    if (p.positional.length === 1) checkInputs(p.positional);
    const bar = progressFor(io, p.flags.get('json') === true);
    const outcomes = await withEngine((engine) => eachFile(engine, p.positional, options, async (result) => inspectObject(result), bar)).finally(() => bar.done());
    const code = reportFailures('inspect', outcomes, io);
    if (p.flags.get('json')) {
      const files = outcomes.map((o) => ('value' in o ? o.value : { path: o.path, error: o.error }));
      io.stdout(JSON.stringify({ files }, null, 2) + '\n');
    } else {
      io.stdout(outcomes.map((o) => ('value' in o ? formatInspect(o.value) : `${o.path}\n  not loaded: ${o.error}\n`)).join('\n'));
    }
    return code;
  },
};
