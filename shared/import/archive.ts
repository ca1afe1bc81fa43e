/**
 * Compressed input. Warehouse and scheduled-report exports often arrive as `.csv.gz`, `.tsv.gz` or `.zip`:
 * those are unpacked in memory (fflate: the same code in Node, the browser and the worker) and the file
 * inside goes through the normal import. Compression formats MeshLens does not read are named, with the
 * command that unpacks them, instead of being read as text. The user's file is never modified.
 */
import { Gunzip, Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { UnzipFileInfo } from 'fflate';
import { concatBytes, looksBinary } from './encoding';
import type { ImportLogEntry } from './types';
import { ImportError } from './types';

/** Largest unpacked size, the same bound as for plain files (the wasm heap holds the bytes and the tables). */
export const MAX_UNPACKED_BYTES = 1.5 * 1024 * 1024 * 1024;

export interface Unpacked {
  /** Name of the file inside (`report.csv` for `report.csv.gz`). */
  name: string;
  bytes: Uint8Array;
  log: ImportLogEntry[];
  warnings: string[];
  /** Files in a ZIP archive, listed to pick from (like workbook sheets). */
  entries?: string[];
  /** The entry loaded from a ZIP archive. */
  entry?: string;
}

interface Foreign {
  what: string;
  command: (name: string) => string;
}

/** Compression and archive formats MeshLens recognises but does not read, by magic bytes and by name. */
const FOREIGN: Record<string, Foreign> = {
  zstd: { what: 'a zstd-compressed file', command: (n) => `zstd -d "${n}"` },
  bzip2: { what: 'a bzip2-compressed file', command: (n) => `bunzip2 -k "${n}"` },
  xz: { what: 'an xz-compressed file', command: (n) => `xz -dk "${n}"` },
  lzma: { what: 'an LZMA-compressed file', command: (n) => `unlzma -k "${n}"` },
  lz4: { what: 'an LZ4-compressed file', command: (n) => `lz4 -d "${n}"` },
  brotli: { what: 'a Brotli-compressed file', command: (n) => `brotli -d "${n}"` },
  compress: { what: 'a Unix-compressed (.Z) file', command: (n) => `uncompress "${n}"` },
  '7z': { what: 'a 7-Zip archive', command: (n) => `7z x "${n}"` },
  rar: { what: 'a RAR archive', command: (n) => `unrar x "${n}"` },
  tar: { what: 'a tar archive', command: (n) => `tar -xf "${n}"` },
};

const FOREIGN_BY_EXTENSION: Record<string, keyof typeof FOREIGN> = {
  zst: 'zstd',
  zstd: 'zstd',
  bz2: 'bzip2',
  bz: 'bzip2',
  xz: 'xz',
  lzma: 'lzma',
  lz4: 'lz4',
  br: 'brotli',
  z: 'compress',
  '7z': '7z',
  rar: 'rar',
  tar: 'tar',
  tgz: 'tar',
  tbz2: 'tar',
  txz: 'tar',
};

export type Packing = 'gzip' | 'zip' | keyof typeof FOREIGN;

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

/** What wraps these bytes, by their magic numbers (not their name). XLSX, also a ZIP, is not an archive here. */
export function packingOf(b: Uint8Array): Packing | null {
  if (startsWith(b, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(b, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  if (startsWith(b, [0x42, 0x5a, 0x68]) && b[3]! >= 0x31 && b[3]! <= 0x39) return 'bzip2';
  if (startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(b, [0x04, 0x22, 0x4d, 0x18])) return 'lz4';
  if (startsWith(b, [0x1f, 0x9d])) return 'compress';
  if (startsWith(b, [0x75, 0x73, 0x74, 0x61, 0x72], 257)) return 'tar'; // "ustar" at offset 257
  return null;
}

/** The compression a file's name promises (`.zst`, `.tar.gz`, …), for files whose bytes do not say. */
function packingByName(name: string): keyof typeof FOREIGN | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return FOREIGN_BY_EXTENSION[ext] ?? null;
}

/** The one-line refusal for a format MeshLens does not unpack, with the command that does. */
export function foreignMessage(kind: keyof typeof FOREIGN, name: string, inside?: string): string {
  const f = FOREIGN[kind]!;
  const where = inside ? `${inside} holds ${name}, which is ${f.what}` : `${name} is ${f.what}`;
  return `${where}: MeshLens reads .gz and .zip; decompress it first (for example \`${f.command(name)}\`). Nothing was loaded.`;
}

function size(n: number): string {
  return n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function tooBig(name: string): ImportError {
  return new ImportError(`${name} unpacks to more than ${MAX_UNPACKED_BYTES / 1024 ** 3} GB; MeshLens reads files up to that size. Nothing was loaded.`);
}

/** gzip, including several concatenated members (what `cat a.gz b.gz` and some exporters write). */
export function gunzip(bytes: Uint8Array, name: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const g = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > MAX_UNPACKED_BYTES) throw tooBig(name);
    parts.push(chunk);
  });
  try {
    const step = 1 << 20;
    for (let i = 0; i < bytes.length; i += step) g.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`${name} is a gzip file that could not be unpacked (${err instanceof Error ? err.message : String(err)}: corrupt or truncated). Nothing was loaded.`);
  }
  return concatBytes(parts, total);
}

const DATA_EXTENSIONS = /\.(csv|tsv|tab|txt|json|ndjson|jsonl|xlsx|xlsm|parquet|pq)(\.gz)?$/i;

/** Files in an archive that are not the user's data: folders, macOS resource forks, Finder files. */
function isJunk(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._') || base === '.DS_Store' || base === 'Thumbs.db';
}

const ZIP_METHODS: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'zstd', 95: 'xz', 98: 'PPMd', 99: 'AES encryption' };

/** List a ZIP archive's files without unpacking them: data files first, in archive order. */
export function zipEntries(bytes: Uint8Array, name: string): UnzipFileInfo[] {
  const all: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (!isJunk(f.name)) all.push(f);
        return false;
      },
    });
  } catch (err) {
    throw new ImportError(`${name} could not be read as a ZIP archive (${err instanceof Error ? err.message : String(err)}); extract it with your archive tool first. Nothing was loaded.`);
  }
  const data = all.filter((f) => DATA_EXTENSIONS.test(f.name));
  return data.length ? data : all;
}

function unzipOne(bytes: Uint8Array, name: string, entry: UnzipFileInfo): Uint8Array {
  if (entry.originalSize > MAX_UNPACKED_BYTES) throw tooBig(`${entry.name} in ${name}`);
  const method = ZIP_METHODS[entry.compression];
  if (method) throw new ImportError(`${entry.name} in ${name} is stored with ${method}, which MeshLens does not unpack; extract it with your archive tool (for example \`7z x "${name}"\`) first. Nothing was loaded.`);
  try {
    const out = unzipSync(bytes, { filter: (f) => f.name === entry.name });
    const got = out[entry.name];
    if (!got) throw new Error('the entry is missing');
    return got;
  } catch (err) {
    throw new ImportError(`${entry.name} in ${name} could not be unpacked (${err instanceof Error ? err.message : String(err)}); extract it with your archive tool first. Nothing was loaded.`);
  }
}

/**
 * Unpack `bytes` when they are gzip or a ZIP archive (`isZip` says so: the signature check that tells a
 * ZIP from an XLSX lives with the other signatures). Returns null for anything else; throws a clear
 * ImportError for compression MeshLens does not read.
 */
export function unpack(bytes: Uint8Array, name: string, isZip: boolean, entry?: string): Unpacked | null {
  const packing = isZip ? 'zip' : packingOf(bytes);
  if (packing === 'gzip') {
    const inner = gunzip(bytes, name);
    const named = /\.(gz|gzip|tgz)$/i.test(name);
    return {
      name: named ? name.replace(/\.(gz|gzip)$/i, '').replace(/\.tgz$/i, '.tar') : name,
      bytes: inner,
      log: [{ level: 'info', message: `Unpacked from the gzip-compressed file ${name} (${size(bytes.length)} → ${size(inner.length)}); the file itself was not changed.` }],
      warnings: named ? [] : [`${name} is gzip-compressed although its name does not say so; it was unpacked and read.`],
    };
  }
  if (packing === 'zip') {
    const listed = zipEntries(bytes, name);
    if (listed.length === 0) throw new ImportError(`${name} is an empty ZIP archive (no files inside); nothing was loaded.`);
    const names = listed.map((f) => f.name);
    let chosen = listed[0]!;
    if (entry !== undefined) {
      const exact = listed.find((f) => f.name === entry);
      const byBase = listed.filter((f) => f.name.split('/').pop() === entry);
      const found = exact ?? (byBase.length === 1 ? byBase[0] : undefined);
      if (!found) throw new ImportError(`${name} has no file called "${entry}". Files: ${names.join(', ')}.`);
      chosen = found;
    }
    const others = names.filter((n) => n !== chosen.name);
    const named = /\.zip$/i.test(name);
    return {
      warnings: named ? [] : [`${name} is named .${name.split('.').pop()} but is really a ZIP archive; "${chosen.name}" inside it was read.`],
      name: chosen.name.split('/').pop() || chosen.name,
      bytes: unzipOne(bytes, name, chosen),
      entries: names,
      entry: chosen.name,
      log: [
        {
          level: others.length ? 'warning' : 'info',
          message: `File "${chosen.name}" loaded from the ZIP archive ${name}${others.length ? `; the archive also holds ${others.map((o) => `"${o}"`).join(', ')}. Pick another to load it instead` : ''}.`,
          option: 'entry',
        },
      ],
    };
  }
  if (packing) throw new ImportError(foreignMessage(packing, name));
  // A name like .zst with bytes that do not say so (Brotli has no magic number): refuse only non-text.
  const byName = packingByName(name);
  if (byName && looksBinary(bytes.subarray(0, 8192))) throw new ImportError(foreignMessage(byName, name));
  return null;
}

/**
 * The first bytes of the file inside a gzip file or a ZIP entry, for the import preview (which shows the
 * start of the file as text). Works on the head of a file too; null when the bytes are not packed or the
 * entry is not in the head.
 */
export function unpackedHead(bytes: Uint8Array, entry: string | undefined, maxBytes = 256 * 1024): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  const take = (chunk: Uint8Array) => {
    if (total < maxBytes) parts.push(chunk.subarray(0, maxBytes - total));
    total += chunk.length;
  };
  try {
    if (packingOf(bytes) === 'gzip') {
      const g = new Gunzip(take);
      for (let i = 0; i < bytes.length && total < maxBytes; i += 64 * 1024) g.push(bytes.subarray(i, i + 64 * 1024));
    } else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && entry) {
      const u = new Unzip((file) => {
        if (file.name !== entry) return;
        file.ondata = (err, chunk) => {
          if (!err) take(chunk);
        };
        file.start();
      });
      u.register(UnzipInflate);
      for (let i = 0; i < bytes.length && total < maxBytes; i += 64 * 1024) u.push(bytes.subarray(i, i + 64 * 1024));
    } else return null;
  } catch {
    // A head cut mid-stream or an unreadable entry: show what was unpacked so far.
  }
  if (parts.length === 0) return null;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
