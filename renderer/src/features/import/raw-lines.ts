/** The first lines of a file as the importer read them, each marked with the role the importer gave it. */
import type { Encoding, ImportResult } from '../../../../shared/import/types';

export type LineRole = 'preamble' | 'header' | 'summary' | 'data' | 'after';

export interface RawLine {
  /** 1-based physical line. */
  line: number;
  text: string;
  role: LineRole;
}

const DECODER_LABEL: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
};

/** Decode the start of the file (at most `maxBytes`) with the importer's encoding and split it into lines. */
export function firstLines(bytes: Uint8Array, encoding: Encoding | 'binary', maxLines = 60, maxBytes = 256 * 1024): string[] {
  if (encoding === 'binary') return [];
  let head = bytes.subarray(0, maxBytes);
  // Never cut a UTF-16 code unit in half.
  if (encoding.startsWith('utf-16') && head.length % 2) head = head.subarray(0, head.length - 1);
  const text = new TextDecoder(DECODER_LABEL[encoding], { ignoreBOM: false }).decode(head);
  const lines = text.split(/\r\n|\n|\r/);
  if (head.length < bytes.length) lines.pop(); // the last line may be cut
  return lines.slice(0, maxLines);
}

export function markLines(
  lines: string[],
  result: Pick<ImportResult, 'headerLine' | 'summaryRows' | 'tables' | 'options' | 'headerRows' | 'descriptionLine'>,
): RawLine[] {
  const summary = new Set(result.summaryRows.map((s) => s.line));
  // A column-description row under the header is removed like a summary row.
  if (result.descriptionLine !== undefined) summary.add(result.descriptionLine);
  const header = result.headerLine;
  const headerRows = result.headerRows ?? 1;
  const table = result.tables.find((t) => t.headerLine === header);
  const end = table?.endLine ?? null;
  return lines.map((text, i) => {
    const line = i + 1;
    let role: LineRole = 'data';
    if (header !== null && line < header) role = 'preamble';
    else if (header !== null && line >= header && line < header + headerRows) role = 'header';
    else if (summary.has(line)) role = 'summary';
    else if (end !== null && line >= end) role = 'after';
    return { line, text, role };
  });
}

export function showDelimiter(d: string | null): string {
  if (d === null) return 'none';
  if (d === '\t') return 'Tab';
  if (d === ',') return 'Comma (,)';
  if (d === ';') return 'Semicolon (;)';
  if (d === '|') return 'Pipe (|)';
  if (d === ' ') return 'Space';
  if (d === ', ') return 'Comma and space (, )';
  return `“${d}”`;
}
