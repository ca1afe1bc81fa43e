/**
 * The largest file the app's engine (duckdb-wasm, in the browser and in the desktop shell) loads. Its
 * heap cannot grow past 4 GB (32-bit WebAssembly), and an import peaks near ten times the file's size:
 * the bytes, their UTF-8 copy with line numbers, the table, the typed table (`npm run bench`: 87 MB,
 * 1M rows → 0.93 GB peak). A 10M-row export (about 700 MB) would run the heap out of memory part-way and
 * take the page down, so files above this size are refused before a byte is read, with the way out: the
 * CLI runs on native DuckDB and audits files of any size.
 */
export const BROWSER_FILE_LIMIT = 300 * 1000 * 1000;

const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;

/** Null when the app can load `size` bytes; otherwise what to tell the user. */
export function tooLargeForBrowser(name: string, size: number, limit = BROWSER_FILE_LIMIT): string | null {
  if (size <= limit) return null;
  return (
    `${name} is ${mb(size)}, more than the ${mb(limit)} the app's built-in engine can load without running out of memory; nothing was loaded. ` +
    `The command line audits files of any size on native DuckDB: npx meshlens audit "${name}"`
  );
}
