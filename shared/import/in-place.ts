/**
 * Reading a clean file where it lies. When the CLI reads a file from disk and the body scan found it clean
 * (clean-scan.ts), an engine that reads local files (native DuckDB) can read the rows straight from the
 * user's file, skipping the lines above them, instead of a copy of the rows written to its private folder
 * (87 MB written and read again for a 1M-row export). The file is only ever read.
 *
 * DuckDB's `skip` counts CSV records, not lines, so the lines above the rows must not hold a quoted line
 * break; the rows must run to the end of the file (no footer or trailing delimiter rows the scan set
 * aside); and glob characters in the path would make DuckDB read it as a pattern. As a last guard the read
 * must give exactly the rows the scan counted (typing.ts expectRows): otherwise the copied rows are read.
 */
import type { Engine } from '../engine/types';
import type { BodyPassResult } from './body';

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export interface InPlaceRead {
  /** The absolute path DuckDB reads. */
  file: string;
  /** Lines above the first row (title rows, the header). */
  skip: number;
}

/**
 * The in-place read for `body`, or null when the rows must be copied. `fileBytes` are the bytes read from
 * `diskPath`; `utf8` the bytes the scan read (the same array when nothing was decoded or repaired).
 */
export function inPlaceRead(engine: Engine, diskPath: string | undefined, fileBytes: Uint8Array, utf8: Uint8Array, body: BodyPassResult): InPlaceRead | null {
  if (!diskPath || !engine.readsLocalFiles || body.firstDataLine === undefined) return null;
  // Transcoded, BOM removed, NUL bytes or lone CRs repaired: the rows' bytes are not the file's.
  if (utf8 !== fileBytes || body.bytes.buffer !== utf8.buffer) return null;
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(diskPath) || /[*?[\]{}]/.test(diskPath)) return null;
  const start = body.bytes.byteOffset - utf8.byteOffset;
  const end = start + body.bytes.length;
  for (let i = end; i < utf8.length; i++) if (utf8[i] !== NL && utf8[i] !== CR) return null;
  let quotes = 0;
  for (let i = 0; i < start; i++) {
    const c = utf8[i];
    if (c === QUOTE) quotes++;
    else if (c === NL && quotes % 2 === 1) return null;
  }
  if (quotes % 2 === 1) return null;
  return { file: diskPath, skip: body.firstDataLine - 1 };
}
