/**
 * Non-delimited formats. XLSX and JSON are turned into CSV text and then go through the same pipeline
 * as every CSV (header detection, summary rows, value reading), so they get the same care and the same log.
 * Parquet keeps its own types and goes straight into DuckDB through Arrow.
 */
import { ImportError } from './types';

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return String(v);
}

export function rowsToCsv(rows: unknown[][]): Uint8Array {
  const lines = rows.map((r) => r.map((c) => csvField(cellText(c))).join(','));
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

export interface XlsxRead {
  csv: Uint8Array;
  sheets: string[];
  sheet: string;
}

export async function xlsxToCsv(bytes: Uint8Array, name: string, sheet?: string): Promise<XlsxRead> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Loaded on first use: the workbook reader is ~160 KB that a CSV audit never needs.
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    sheets = (await readXlsxFile(buf)) as { sheet: string; data: unknown[][] }[];
  } catch (err) {
    throw new ImportError(`${name} could not be read as an Excel workbook (${oneLine(err)}); nothing was loaded.`);
  }
  if (sheets.length === 0) throw new ImportError(`${name} has no sheets; nothing was loaded.`);
  const names = sheets.map((s) => s.sheet);
  const chosen = sheet ? sheets.find((s) => s.sheet === sheet) : sheets[0];
  if (!chosen) throw new ImportError(`${name} has no sheet called "${sheet}". Sheets: ${names.join(', ')}.`);
  return { csv: rowsToCsv(chosen.data), sheets: names, sheet: chosen.sheet };
}

function flatten(value: unknown, prefix: string, out: Record<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out[prefix] = '{}';
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (Array.isArray(value)) {
    out[prefix || 'value'] = JSON.stringify(value);
    return;
  }
  out[prefix || 'value'] = value === null || value === undefined ? '' : String(value);
}

export interface JsonRead {
  csv: Uint8Array;
  records: number;
  nested: boolean;
  badLines: number[];
}

/** JSON (an array of objects, or an object holding one) and NDJSON (one object per line). */
export function jsonToCsv(text: string, name: string, ndjson: boolean): JsonRead {
  let records: unknown[] = [];
  const badLines: number[] = [];
  if (ndjson) {
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      try {
        records.push(parseJsonKeepingBigIntegers(l));
      } catch {
        badLines.push(i + 1);
      }
    });
    if (records.length === 0 && badLines.length) throw new ImportError(`${name} is not valid NDJSON: line ${badLines[0]} is not JSON; nothing was loaded.`);
  } else {
    let doc: unknown;
    try {
      doc = parseJsonKeepingBigIntegers(text);
    } catch (err) {
      // Maybe it is NDJSON with a .json name.
      try {
        return jsonToCsv(text, name, true);
      } catch {
        throw new ImportError(`${name} is not valid JSON (${oneLine(err)}); nothing was loaded.`);
      }
    }
    if (Array.isArray(doc)) records = doc;
    else if (doc && typeof doc === 'object') {
      const arrays = Object.values(doc as Record<string, unknown>).filter(Array.isArray) as unknown[][];
      records = arrays.length ? arrays.sort((a, b) => b.length - a.length)[0]! : [doc];
    } else throw new ImportError(`${name} holds a single JSON value, not a list of records; nothing was loaded.`);
  }
  const flat = records.map((r) => {
    const o: Record<string, string> = {};
    flatten(r, '', o);
    return o;
  });
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of flat) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      cols.push(k);
    }
  }
  const rows: string[][] = [cols, ...flat.map((r) => cols.map((c) => r[c] ?? ''))];
  return { csv: rowsToCsv(rows), records: records.length, nested: cols.some((c) => c.includes('.')), badLines };
}

/**
 * JSON.parse turns 12345678901234567 into 12345678901234568 (a double). Integers with more than 15
 * digits outside strings are quoted before parsing, so IDs keep every digit (they are typed later,
 * like any CSV cell). Strings and escapes are skipped by a small scanner.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const start = i;
      i++;
      while (i < n && /[0-9.eE+-]/.test(text[i]!)) i++;
      const token = text.slice(start, i);
      if (/^-?\d{16,}$/.test(token)) {
        out += text.slice(last, start) + '"' + token + '"';
        last = i;
      }
      continue;
    }
    i++;
  }
  return JSON.parse(last === 0 ? text : out + text.slice(last));
}

export function oneLine(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return (m.split('\n')[0] ?? '').trim().slice(0, 200);
}
