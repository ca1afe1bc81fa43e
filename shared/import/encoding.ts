/**
 * Encoding detection and transcoding. DuckDB reads UTF-8 only, so every other encoding is transcoded to
 * UTF-8 bytes before DuckDB sees the file. The user's file is never touched: we work on a copy in memory.
 */
import type { Encoding } from './types';
import { ImportError } from './types';

export interface DecodedBytes {
  encoding: Encoding;
  /** UTF-8 bytes without BOM. For UTF-8 input this is a view of the original bytes (no copy). */
  utf8: Uint8Array;
  warnings: string[];
}

export type Signature = 'png' | 'zip' | 'xlsx' | 'parquet' | 'gzip' | 'pdf' | 'jpeg' | 'gif' | 'xls' | null;

export function detectSignature(b: Uint8Array): Signature {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const head = latin1(b.subarray(0, Math.min(b.length, 4096)));
    return head.includes('[Content_Types].xml') || head.includes('xl/') ? 'xlsx' : 'zip';
  }
  if (starts(0x50, 0x41, 0x52, 0x31)) return 'parquet';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'xls';
  return null;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Guess UTF-16 without a BOM from the pattern of zero bytes in the first few KB. */
function guessUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

const CHUNK = 16 * 1024 * 1024;

/**
 * Windows-1252 bytes 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Node's TextDecoder
 * treats the 'windows-1252' label as ISO-8859-1 and turns these into invisible C1 control characters,
 * so the mapping is done here, the same way in every runtime. Unassigned bytes keep their C1 code point,
 * as the WHATWG Encoding Standard says.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
].map((c) => String.fromCharCode(c));

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Transcode with a streaming TextDecoder so huge files never become one giant JS string. */
function transcode(b: Uint8Array, label: string): Uint8Array {
  const cp1252 = label === 'windows-1252';
  const decoder = new TextDecoder(cp1252 ? 'latin1' : label, { fatal: false });
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < b.length; i += CHUNK) {
    const end = Math.min(b.length, i + CHUNK);
    const decoded = decoder.decode(b.subarray(i, end), { stream: end < b.length });
    const text = cp1252 ? fixCp1252(decoded) : decoded;
    const enc = encoder.encode(text);
    parts.push(enc);
    total += enc.length;
  }
  const tail = encoder.encode(decoder.decode());
  parts.push(tail);
  total += tail.length;
  return concatBytes(parts, total);
}

/** One byte array from several parts (the parts themselves when there is only one). */
export function concatBytes(parts: Uint8Array[], total = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * Find the first invalid UTF-8 sequence; -1 when the bytes are valid UTF-8. Runs of ASCII are skipped four
 * bytes at a time (one 32-bit word test), which makes the check 3-5× faster on typical exports.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  // Words start at the first 4-byte-aligned offset of the underlying buffer.
  const head = Math.min(n, (4 - (b.byteOffset & 3)) & 3);
  const words = new Uint32Array(b.buffer, b.byteOffset + head, (n - head) >>> 2);
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      if (i >= head && ((i - head) & 3) === 0) {
        let w = (i - head) >>> 2;
        while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
        const next = head + w * 4;
        if (next > i) {
          i = next;
          continue;
        }
      }
      i++;
      continue;
    }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    if (i + need > n - 1) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * A native validity check for UTF-8, injected where the runtime has one (Node's `buffer.isUtf8`: 20 ms
 * for 87 MB where the JS loop takes 150-700 ms). It only says yes or no; the JS loop finds the position.
 */
export type Utf8Check = (bytes: Uint8Array) => boolean;

function lineOf(b: Uint8Array, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

export function decodeToUtf8(bytes: Uint8Array, forced?: Encoding, isUtf8?: Utf8Check): DecodedBytes {
  const warnings: string[] = [];
  let enc: Encoding;
  let body = bytes;
  if (forced) {
    enc = forced;
    if (enc === 'utf-8-bom' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
    if ((enc === 'utf-16le' || enc === 'utf-16be') && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
      body = bytes.subarray(2);
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    enc = 'utf-8-bom';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    enc = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    enc = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    enc = guessUtf16(bytes) ?? 'utf-8';
  }

  if (enc === 'utf-16le' || enc === 'utf-16be') {
    if (body.length % 2 === 1) {
      warnings.push(
        `The file ends in the middle of a character (odd number of bytes for ${enc.toUpperCase()}): it looks truncated. The last incomplete byte was ignored.`,
      );
      body = body.subarray(0, body.length - 1);
    }
    return { encoding: enc, utf8: transcode(body, enc), warnings };
  }
  if (enc === 'windows-1252') return { encoding: enc, utf8: transcode(body, 'windows-1252'), warnings };

  const bad = isUtf8?.(body) ? -1 : firstInvalidUtf8(body);
  if (bad >= 0) {
    if (forced === 'utf-8' || forced === 'utf-8-bom') {
      warnings.push(`Invalid UTF-8 at line ${lineOf(body, bad)}; those bytes were replaced with \uFFFD as you asked to read the file as UTF-8.`);
      return { encoding: enc, utf8: transcode(body, 'utf-8'), warnings };
    }
    warnings.push(
      `The file is not valid UTF-8 (first invalid byte on line ${lineOf(body, bad)}), so it was read as Windows-1252 (Western European). Choose another encoding if accents look wrong.`,
    );
    return { encoding: 'windows-1252', utf8: transcode(body, 'windows-1252'), warnings };
  }
  return { encoding: enc, utf8: body, warnings };
}

/** Refuse files that are plainly not text tables, with a message that says what they are. */
export function refuseBinary(sig: Signature, name: string): void {
  const what: Record<string, string> = {
    png: 'a PNG image',
    jpeg: 'a JPEG image',
    gif: 'a GIF image',
    pdf: 'a PDF document',
    xls: 'an old binary Excel (.xls) workbook (save it as .xlsx or CSV first)',
  };
  if (sig && what[sig]) throw new ImportError(`${name} is ${what[sig]}, not a data export; nothing was loaded.`);
}

/**
 * Binary through and through, not text with a stray byte: more than 1 in 20 of the first 8 KB are NUL or
 * control characters that text never holds (tab, line breaks, form feed and escape are text). A few NULs
 * in a text file are a repair (see stripStrayNul), not a reason to refuse it.
 */
export function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8192);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) odd++;
  }
  return n > 0 && odd / n > 0.05;
}

export interface NulRepair {
  bytes: Uint8Array;
  /** NUL bytes removed. */
  count: number;
  /** 1-based lines that held them (at most `maxLines`). */
  lines: number[];
}

/**
 * Remove stray NUL bytes from single-byte or UTF-8 text (a crashed write, a fixed-width export, a NUL
 * escape). Returns null when there are none. Never for UTF-16, where every other byte is NUL. The input
 * is not modified: the result is a copy.
 */
export function stripStrayNul(bytes: Uint8Array, maxLines = 20): NulRepair | null {
  const first = bytes.indexOf(0);
  if (first < 0) return null;
  const out = new Uint8Array(bytes.length);
  out.set(bytes.subarray(0, first));
  let w = first;
  let line = lineOf(bytes, first);
  const lines: number[] = [];
  let count = 0;
  for (let i = first; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x0a) line++;
    if (c === 0) {
      count++;
      if (lines[lines.length - 1] !== line && lines.length < maxLines) lines.push(line);
      continue;
    }
    out[w++] = c;
  }
  return { bytes: out.subarray(0, w), count, lines };
}

/** True when the bytes are (or are declared as) UTF-16, whose NUL bytes are part of the text. */
export function isUtf16(bytes: Uint8Array, forced?: Encoding): boolean {
  if (forced) return forced === 'utf-16le' || forced === 'utf-16be';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return guessUtf16(bytes) !== null;
}
