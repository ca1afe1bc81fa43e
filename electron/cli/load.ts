/** Reading files named on the command line, with the checks every command needs. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { Engine, ProgressFn } from '../../shared/engine/types';
import { detectSignature } from '../../shared/import/encoding';
import { dropTables, importFile } from '../../shared/import/index';
import type { ParquetCodec } from '../../shared/import/parquet';
import type { ImportOptions, ImportResult } from '../../shared/import/types';
import { ImportError } from '../../shared/import/types';
import type { CliProgress } from './progress';
import type { CliIO } from './types';
import { UsageError } from './types';

const MAX_BYTES = 1.5 * 1024 * 1024 * 1024;

/** Fail fast on a missing path or a folder, before paying for starting the engine (about 1.5 s). */
export function checkInputs(files: string[]): void {
  for (const file of files) statInput(file);
}

function statInput(file: string): void {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new ImportError(`${file}: no such file`);
  }
  if (st.isDirectory()) throw new ImportError(`${file} is a folder, not a file`);
  if (st.size > MAX_BYTES) throw new ImportError(`${file} is ${(st.size / 1e9).toFixed(1)} GB; MeshLens reads files up to 1.5 GB`);
}

/** The Buffer's own bytes as a Uint8Array (no copy of a file that can be hundreds of MB). */
function asBytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** The text of a file named by an option (`--contract x.yaml`); a missing or unreadable file is a usage error. */
export function readOptionFile(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--${option} ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function readInput(file: string): { path: string; name: string; bytes: Uint8Array; diskPath: string } {
  statInput(file);
  try {
    return { path: file, name: path.basename(file), bytes: asBytes(readFileSync(file)), diskPath: path.resolve(file) };
  } catch (err) {
    throw new ImportError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Which DuckDB runs the command: `native` (DuckDB's own library, the default: several times faster, every
 * core) or `wasm` (duckdb-wasm, the app's engine). The global `--engine` option sets it; the engine
 * conformance suite holds both to identical results.
 */
export type EngineChoice = 'native' | 'wasm';
export const ENGINES: EngineChoice[] = ['native', 'wasm'];
let engineChoice: EngineChoice = 'native';

export function setEngineChoice(choice: EngineChoice): void {
  engineChoice = choice;
}

export async function createEngine(choice: EngineChoice = engineChoice): Promise<Engine> {
  if (choice === 'wasm') return (await import('../engine/node-engine')).NodeEngine.create();
  return (await import('../engine/native-engine')).NativeEngine.create();
}

export async function withEngine<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await createEngine();
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

/** parquet-wasm, loaded only when an engine without its own Parquet reader/writer needs it. */
export async function parquetCodecFor(engine: Engine): Promise<ParquetCodec | undefined> {
  if (engine.loadParquet && engine.writeParquet) return undefined;
  return (await import('../engine/parquet-node')).nodeParquet;
}

export async function loadFile(engine: Engine, file: string, options: ImportOptions = {}, progress?: ProgressFn): Promise<ImportResult> {
  const input = readInput(file);
  const parquet = /\.(parquet|pq)$/i.test(file) || detectSignature(input.bytes) === 'parquet' ? await parquetCodecFor(engine) : undefined;
  return importFile(engine, input, options, { isUtf8, ...(parquet ? { parquet } : {}), ...(progress ? { progress } : {}) });
}

/** One file's outcome in a many-file run: its value, or the one-line reason it failed. */
export type FileOutcome<T> = { path: string; value: T } | { path: string; error: string };

/**
 * Load each file in turn on one engine and hand it to `use`. A file that cannot be loaded (or whose
 * `use` throws) becomes `{ path, error }` and the run goes on; its tables are dropped either way, so
 * memory stays flat across hundreds of files. `bar` shows each file as its share of the whole run.
 */
export async function eachFile<T>(
  engine: Engine,
  files: string[],
  options: ImportOptions | ((file: string) => ImportOptions),
  use: (result: ImportResult, file: string) => Promise<T>,
  bar?: CliProgress,
): Promise<FileOutcome<T>[]> {
  const out: FileOutcome<T>[] = [];
  for (const [i, file] of files.entries()) {
    let result: ImportResult | null = null;
    try {
      result = await loadFile(engine, file, typeof options === 'function' ? options(file) : options, bar?.part(path.basename(file), i / files.length, (i + 1) / files.length));
      out.push({ path: file, value: await use(result, file) });
    } catch (err) {
      out.push({ path: file, error: oneLineMessage(err) });
    } finally {
      if (result) await dropTables(engine, result.tableName, result.rawTableName);
    }
  }
  return out;
}

export function oneLineMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

/**
 * Report a many-file run's failures on stderr: one line each, then one summary line. Returns the exit
 * code (2 when any file failed). With a single file, a failure is thrown as before (one line, exit 2).
 */
export function reportFailures(command: string, outcomes: FileOutcome<unknown>[], io: CliIO): number {
  const failed = outcomes.filter((o) => 'error' in o);
  if (outcomes.length === 1 && failed.length === 1) throw new ImportError(failed[0]!.error);
  for (const f of failed) io.stderr(`meshlens ${command}: ${f.error}\n`);
  if (failed.length) io.stderr(`meshlens ${command}: ${failed.length} of ${outcomes.length} file(s) failed; the other ${outcomes.length - failed.length} were processed.\n`);
  return failed.length ? 2 : 0;
}

export function importOptionsFromFlags(flags: Map<string, string | true>): ImportOptions {
  const o: ImportOptions = {};
  const get = (k: string) => {
    const v = flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const header = get('header-line');
  if (header !== undefined) {
    const n = Number(header);
    if (!Number.isInteger(n) || n < 1) throw new UsageError('--header-line must be a line number (1 or more)');
    o.headerLine = n;
  }
  const delim = get('delimiter');
  if (delim !== undefined) {
    const map: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|', '\\t': '\t', space: ' ', 'comma-space': ', ' };
    o.delimiter = map[delim] ?? delim;
    if (o.delimiter.length !== 1 && o.delimiter !== ', ') throw new UsageError('--delimiter must be one character or comma|semicolon|tab|pipe|space|comma-space');
  }
  const quote = get('quote');
  if (quote !== undefined) {
    const q = ({ double: '"', single: "'", none: '' } as const)[quote as 'double' | 'single' | 'none'];
    if (q === undefined) throw new UsageError('--quote must be double, single or none');
    o.quote = q;
  }
  const escape = get('escape');
  if (escape !== undefined) {
    if (escape !== 'double' && escape !== 'backslash') throw new UsageError('--escape must be double or backslash');
    o.escape = escape;
  }
  const rows = get('header-rows');
  if (rows !== undefined) {
    const n = Number(rows);
    if (!Number.isInteger(n) || n < 0 || n > 3) throw new UsageError('--header-rows must be 0 (no header), 1, 2 or 3');
    o.headerRows = n;
  }
  const dec = get('decimal');
  if (dec !== undefined) {
    if (dec !== '.' && dec !== ',') throw new UsageError("--decimal must be '.' or ','");
    o.decimalSeparator = dec;
  }
  const order = get('date-order');
  if (order !== undefined) {
    if (order !== 'MDY' && order !== 'DMY' && order !== 'YMD') throw new UsageError('--date-order must be MDY, DMY or YMD');
    o.dateOrder = order;
  }
  const enc = get('encoding');
  if (enc !== undefined) {
    const ok = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'];
    if (!ok.includes(enc)) throw new UsageError(`--encoding must be one of ${ok.join(', ')}`);
    o.encoding = enc as ImportOptions['encoding'];
  }
  const table = get('table');
  if (table !== undefined) {
    const n = Number(table);
    if (!Number.isInteger(n) || n < 1) throw new UsageError('--table must be a table number (1 or more)');
    o.tableIndex = n - 1;
  }
  const sheet = get('sheet');
  if (sheet !== undefined) o.sheet = sheet;
  const entry = get('entry');
  if (entry !== undefined) o.entry = entry;
  if (flags.get('keep-summary-rows') === true) o.keepSummaryRows = true;
  return o;
}

export const IMPORT_FLAGS = ['header-line', 'header-rows', 'delimiter', 'quote', 'escape', 'decimal', 'date-order', 'encoding', 'table', 'sheet', 'entry'];
export const IMPORT_BOOLEANS = ['keep-summary-rows'];
