/**
 * importFile: read one user file into DuckDB, record every decision in a log the user can read and
 * override. The bytes given are never modified.
 */
import type { Engine, ProgressFn } from '../engine/types';
import { CancelledError } from '../engine/types';
import { safeTableName } from '../engine/sql';
import { unpack } from './archive';
import { loadDelimited } from './delimited';
import { dropTables } from './drop';
import { detectSignature, isUtf16, looksBinary, refuseBinary, stripStrayNul } from './encoding';
import { jsonToCsv, oneLine, xlsxToCsv } from './formats';
import { loadParquet } from './parquet';
import type { ParquetCodec } from './parquet';
import type { Utf8Check } from './encoding';
import type { FileFormat, ImportLogEntry, ImportOptions, ImportResult } from './types';
import { ImportError } from './types';

export type { ParquetCodec } from './parquet';
export * from './types';
export { inspectObject } from './inspect-object';
export { dropTables } from './drop';

export interface ImportHooks {
  progress?: ProgressFn;
  signal?: AbortSignal;
  /** Parquet reader/writer for this runtime (parquet-wasm's Node or web build). */
  parquet?: ParquetCodec;
  /** A native UTF-8 validity check (Node's `buffer.isUtf8`); without it a JS loop checks the bytes. */
  isUtf8?: Utf8Check;
}

export interface InputFile {
  path: string;
  name: string;
  bytes: Uint8Array;
  /**
   * The absolute path of the file on disk that holds exactly `bytes` (the CLI): an engine that reads local
   * files reads a clean table there instead of a copy (in-place.ts). Never written.
   */
  diskPath?: string;
}

let counter = 0;

function formatFromName(name: string): FileFormat | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return null;
}

export async function importFile(engine: Engine, file: InputFile, options: ImportOptions = {}, hooks: ImportHooks = {}): Promise<ImportResult> {
  return importBytes(engine, file, options, hooks, 0);
}

/** Archives unpack at most this deep (a .csv.gz inside a .zip); deeper nesting is refused. */
const MAX_NESTING = 2;

async function importBytes(engine: Engine, file: InputFile, options: ImportOptions, hooks: ImportHooks, depth: number): Promise<ImportResult> {
  const { name } = file;
  let bytes = file.bytes;
  const step = (stage: string, fraction: number) => {
    if (hooks.signal?.aborted) throw new CancelledError(`Loading ${name} was cancelled; nothing was kept.`);
    hooks.progress?.({ stage, fraction, detail: name });
  };
  step('Reading the file', 0);
  if (bytes.length === 0) throw new ImportError(`${name} is empty (0 bytes); nothing to load.`);

  const sig = detectSignature(bytes);
  const packed = sig === 'xlsx' || sig === 'parquet' ? null : unpack(bytes, name, sig === 'zip', options.entry);
  if (packed) {
    if (depth >= MAX_NESTING) throw new ImportError(`${name} is an archive inside an archive inside an archive; unpack it first. Nothing was loaded.`);
    step('Unpacking', 0.02);
    const result = await importBytes(engine, { path: file.path, name: packed.name, bytes: packed.bytes }, options, hooks, depth + 1);
    result.log.unshift(...packed.log);
    result.warnings.unshift(...packed.warnings);
    if (packed.entries) {
      result.entries = packed.entries;
      result.options = { ...result.options, entry: packed.entry };
    }
    return result;
  }

  const base = safeTableName(name.replace(/\.[^.]+$/, ''), `_${++counter}`);
  const tableName = base;
  const rawTableName = `${base}__raw`;
  const byName = formatFromName(name);
  const log: ImportLogEntry[] = [];
  const warnings: string[] = [];
  let format: FileFormat = byName ?? 'csv';
  if (sig === 'parquet' || sig === 'xlsx') {
    if (byName && byName !== sig) warnings.push(`${name} is named .${name.split('.').pop()} but is really ${sig === 'xlsx' ? 'an Excel workbook' : 'a Parquet file'}; it was read as one.`);
    format = sig;
  } else if (sig) {
    refuseBinary(sig, name);
  } else if (byName === 'parquet' || byName === 'xlsx') {
    throw new ImportError(`${name} is not a valid ${byName === 'parquet' ? 'Parquet file (its magic bytes are missing: corrupt or truncated)' : 'Excel workbook'}; nothing was loaded.`);
  }
  // Stray NUL bytes in a text file are repaired (removed from a copy), not a reason to refuse the file.
  const repairs: ImportLogEntry[] = [];
  if (format !== 'parquet' && format !== 'xlsx' && !isUtf16(bytes, options.encoding)) {
    const nul = stripStrayNul(bytes);
    if (nul) {
      if (nul.bytes.length === 0 || looksBinary(nul.bytes.subarray(0, 8192))) throw new ImportError(`${name} contains binary data, not text; nothing was loaded.`);
      bytes = nul.bytes;
      repairs.push({
        level: 'change',
        message: `${nul.count} NUL byte(s) removed (on line(s) ${nul.lines.join(', ')}${nul.lines.length === 20 ? ', …' : ''}): they are not text. Every other byte was read as it is; the file itself was not changed.`,
        lines: nul.lines,
      });
    }
  }

  try {
    const result = await loadFormat();
    result.log.unshift(...repairs);
    return result;
  } catch (err) {
    await dropTables(engine, tableName, rawTableName);
    if (err instanceof ImportError || err instanceof CancelledError) throw err;
    throw new ImportError(`${name} could not be loaded: ${oneLine(err)}`);
  }

  async function loadFormat(): Promise<ImportResult> {
    if (format === 'parquet') {
      return await loadParquet({ engine, file, codec: hooks.parquet, tableName, rawTableName, warnings, step });
    }
    if (format === 'xlsx') {
      step('Reading the workbook', 0.05);
      const x = await xlsxToCsv(bytes, name, options.sheet);
      log.push({
        level: x.sheets.length > 1 ? 'warning' : 'info',
        message: `Sheet "${x.sheet}" loaded${x.sheets.length > 1 ? `; the workbook also has ${x.sheets.filter((s) => s !== x.sheet).map((s) => `"${s}"`).join(', ')}` : ''}.`,
        option: 'sheet',
      });
      return await loadDelimited({ engine, name, path: file.path, bytes: x.csv, options: { ...options, delimiter: ',', encoding: undefined }, tableName, rawTableName, synthetic: { format: 'xlsx', log, warnings, sheets: x.sheets }, step });
    }
    if (format === 'json' || format === 'ndjson') {
      step('Reading JSON', 0.05);
      const text = new TextDecoder().decode(bytes);
      const j = jsonToCsv(text, name, format === 'ndjson');
      log.push({ level: 'info', message: `${j.records} JSON record(s) read${j.nested ? '; nested fields flattened into names like "a.b"' : ''}.` });
      if (j.badLines.length) warnings.push(`${j.badLines.length} line(s) are not valid JSON and were skipped (first: line ${j.badLines[0]}).`);
      return await loadDelimited({ engine, name, path: file.path, bytes: j.csv, options: { ...options, delimiter: ',', headerLine: 1, encoding: undefined }, tableName, rawTableName, synthetic: { format, log, warnings }, step });
    }
    const diskPath = bytes === file.bytes ? file.diskPath : undefined;
    const result = await loadDelimited({ engine, name, path: file.path, bytes, options, tableName, rawTableName, step, isUtf8: hooks.isUtf8, ...(diskPath ? { diskPath } : {}) });
    result.warnings.unshift(...warnings);
    return result;
  }
}
