/**
 * duckdb-wasm's threaded build only when the page is cross-origin isolated (SharedArrayBuffer) AND the
 * machine has at least 4 cores. With 2 cores its pthread workers compete with the UI thread and our own
 * database worker for the same two cores and add their start-up and memory; from 4 cores DuckDB's
 * parallel scans and aggregates have cores of their own.
 * Measured on 2 shared cores (`node --import tsx scripts/bench-app.ts bench-data/google-ads-1M.csv --threads
 * on|off`, 1M rows, runs interleaved, 2026-11-28, load average ~9): threaded with 2 threads 34.9-38.7 s to
 * the findings, CPU 18.1-19.7 s, engine start 9.4-11.2 s, peak tab 1.2 GB, one 285-374 ms main-thread task;
 * single-threaded 24.0-28.5 s, CPU 15.7-16.2 s, start 3.9-5.2 s, 1.0 GB, no task over 200 ms. The 4-core
 * side is still a decision, not a measurement (no such machine here); `BENCH_APP_THREADS=on npm run bench`
 * measures it wherever it runs.
 */
export const MIN_CORES_FOR_THREADS = 4;

/**
 * How many threads DuckDB may use: the threaded build still runs one thread unless `maximumThreads` says
 * otherwise (duckdb-wasm's default), so it gets one per core; the other builds have one.
 */
export function maximumThreads(threadedBuild: boolean, cores: number | undefined): number {
  return threadedBuild ? Math.max(1, cores ?? 1) : 1;
}

/** `on` / `off` forces the choice (still only where the page is isolated); undefined follows the cores. */
export type ThreadsChoice = 'on' | 'off' | undefined;

export function wantsThreadedBuild(isolated: boolean, cores: number | undefined, choice?: ThreadsChoice): boolean {
  if (!isolated || choice === 'off') return false;
  return choice === 'on' || (cores ?? 1) >= MIN_CORES_FOR_THREADS;
}

/** The page's `?duckdb-threads=on|off` (for measuring both builds on one machine); anything else is ignored. */
export function threadsChoiceFromQuery(search: string): ThreadsChoice {
  const v = new URLSearchParams(search).get('duckdb-threads');
  return v === 'on' || v === 'off' ? v : undefined;
}

/**
 * The database worker cannot see the page's address, so the choice travels in the worker's name
 * ("meshlens-db", "meshlens-db threads=on").
 */
export const DB_WORKER_NAME = 'meshlens-db';
export function dbWorkerName(choice: ThreadsChoice): string {
  return choice ? `${DB_WORKER_NAME} threads=${choice}` : DB_WORKER_NAME;
}
export function threadsChoiceFromWorkerName(name: string): ThreadsChoice {
  const v = /\bthreads=(on|off)$/.exec(name)?.[1];
  return v === 'on' || v === 'off' ? v : undefined;
}
