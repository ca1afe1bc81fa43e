/**
 * The largest file the app's engine (duckdb-wasm, in the browser and in the desktop shell) loads. DuckDB's
 * memory in the browser ends at about 3.1 GiB, and what fills it is values more than bytes: every value
 * takes its 8 or 16 bytes in the typed table and again in the table of original text, however few
 * characters it had in the file. So a file is refused before a byte is read when it is over the byte limit,
 * or when its first lines say it holds more values (rows × columns) than the value limit.
 *
 * Measured (`node --import tsx scripts/bench-app.ts <file>`, headless Chromium, 2026-11-28; Google Ads
 * layout, 10 columns, ~87 bytes a row; peak = resident size of the tab with its workers):
 *   1M rows,  87 MB →  23 s, peak 1.1 GB      5M rows, 435 MB → 179 s, peak 3.5 GB
 *   3M rows, 261 MB → 144 s, peak 2.2 GB      7M rows, 609 MB → 281 s, peak 4.7 GB
 *   3.4M,    296 MB → 104 s, peak 2.0 GB     10M rows, 870 MB → 260 s, peak 5.7 GB (all audited, no crash)
 *  14M rows, 1.22 GB → the import stops after 3 min with DuckDB's "Out of Memory Error: could not allocate
 *                       block of size 256.0 KiB (3.1 GiB/3.1 GiB used)"; the page stays alive.
 * Short values: 5.25M rows × 20 integer columns (408 MB, 105 million values) → 113 s, peak 4.5 GB, audited.
 * Again after the importer stopped keeping an all-text copy (main 317b339): 10M rows → 304 s, peak 5.1 GB;
 * the 105 million short values → 92 s, peak 3.1 GB. Both still load; the limits were not raised further
 * (nothing between 870 MB and 1.22 GB was measured with this importer).
 * So the limits sit just above the largest file measured to load (10M rows: 870 MB, 100 million values) and
 * below the one that ran out (140 million values); a file that still runs out gets outOfMemoryMessage.
 * Files right at the limits, with both duckdb-wasm builds (main 73baa68, `--threads off|on`, load average 1-5;
 * the 4- and 8-thread runs 9-11):
 *   900 MB, 10.34M rows, 103 million values: single-threaded 81 s, peak 4.6 GB; threaded (2 threads) 67 s, 4.6 GB
 *   5.45M rows × 20 short ints, 424 MB, 109 million values: 35 s, 3.7 GB; threaded 46 s, 3.5 GB
 *   10M rows: 54 s, 4.3 GB; threaded 45 s, 4.7 GB (with `--threads 4` 76 s, 4.6 GB; `--threads 8` 104 s, 5.2 GB)
 * All loaded and audited, so the limits need no second set for the threaded build (which the app does not
 * choose by itself anyway: threads.ts).
 */
export const BROWSER_FILE_LIMIT = 900 * 1000 * 1000;
/** Values (rows × columns): 100 million loaded, 140 million ran out (above). */
export const BROWSER_CELL_LIMIT = 110 * 1000 * 1000;

const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
const millions = (n: number) => `${Math.round(n / 1e6).toLocaleString('en-US')} million`;

const DELIMITERS = [0x2c, 0x3b, 0x09, 0x7c]; // , ; tab |

/**
 * Values in a delimited text file of `size` bytes, from the fields per byte of its first bytes (`head`):
 * delimiters outside double quotes, the most frequent one, plus one field per line. Null when the head is
 * not delimited text (compressed, spreadsheet, Parquet, UTF-16) or too short to say.
 */
export function estimateCells(size: number, head: Uint8Array): number | null {
  const sample = head.subarray(0, 1 << 20);
  if (sample.length < 256) return null;
  const counts = [0, 0, 0, 0];
  let lines = 0;
  let quoted = false;
  for (const b of sample) {
    if (b === 0) return null; // binary or UTF-16
    if (b === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (b === 0x0a) lines++;
    else {
      const i = DELIMITERS.indexOf(b);
      if (i >= 0) counts[i]!++;
    }
  }
  if (lines < 2) return null;
  const fields = Math.max(...counts) + lines;
  return Math.round((size * fields) / sample.length);
}

const CLI = (name: string) => `The command line audits files of any size on native DuckDB: npx meshlens audit "${name}"`;

/** Null when the app can load the file; otherwise what to tell the user. `head` is the file's start, when known. */
export function tooLargeForBrowser(name: string, size: number, head?: Uint8Array): string | null {
  if (size > BROWSER_FILE_LIMIT) {
    return `${name} is ${mb(size)}, more than the ${mb(BROWSER_FILE_LIMIT)} the app's built-in engine can load without running out of memory; nothing was loaded. ${CLI(name)}`;
  }
  const cells = head ? estimateCells(size, head) : null;
  if (cells !== null && cells > BROWSER_CELL_LIMIT) {
    return (
      `${name} holds about ${millions(cells)} values (rows × columns, estimated from its first lines), more than the ` +
      `${millions(BROWSER_CELL_LIMIT)} the app's built-in engine can load without running out of memory; nothing was loaded. ${CLI(name)}`
    );
  }
  return null;
}

/** DuckDB's own words when its memory runs out part-way through. */
export function isOutOfMemory(message: string): boolean {
  return /Out of Memory Error/i.test(message);
}

/** What to say instead of DuckDB's "Out of Memory Error: could not allocate block…". */
export function outOfMemoryMessage(name: string): string {
  return `${name} needs more memory than the app's built-in engine has (about 3 GB), so it ran out part-way; nothing was loaded. ${CLI(name)}`;
}
