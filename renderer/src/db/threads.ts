/**
 * `on` asks for the threaded build with one thread per core, a number for it with that many threads (to
 * measure a many-core machine's behaviour on a small one); `off` or undefined: the single-threaded build.
 */
export type ThreadsChoice = 'on' | 'off' | number | undefined;

/**
 * Which duckdb-wasm build: the single-threaded one (eh) on every machine. The threaded one (coi) only when the
 * page asks for it (`?duckdb-threads=on`, or `=N` for N threads) and is cross-origin isolated, to measure it.
 * Issue 13 asked for threads on cross-origin-isolated machines with 4 or more cores; measured, it is not safe
 * and, on 2 cores, not worth it:
 *
 * 1. It breaks queries. duckdb-wasm 1.32.0 (the latest on npm) copies query text into the wasm memory through a
 *    cached view that goes stale when one of DuckDB's threads grows the memory (duckdb-wasm issue #2256, open:
 *    "RangeError: offset is out of bounds"); its result copies read through the same view with subarray,
 *    which clamps instead of throwing (dist/duckdb-browser-coi.worker.js). Reproduced here with
 *    `--threads 8`: the 1M-row import failed "could not be read as a table (offset is out of bounds)" in
 *    2 of 9 runs; `--threads 4` 0 of 11, 2 threads 0 of 19 (a race: rarer with fewer threads, not impossible).
 *    The old rule (threads from 4 cores, one per core) gave an 8-core machine 8 threads.
 * 2. On 2 cores it is no faster for what a user waits for (scripts/bench-app.ts, 1M rows, 87 MB, legs
 *    alternated, 2026-11-28). Engine ready, file picked: idle (load < 1, the coordinator's run) 5.22 s to the
 *    findings vs 6.22 s single-threaded; under load 3-7, 13.8-16.8 s vs 12.2-13.3 s (4 runs each). But the
 *    threaded engine starts slower (1.8 → 3.5 s idle; 2.5-3.8 → 6.8-9.3 s under load), and the app starts it at
 *    page load, so its start is on the critical path when the OS opens the app with a file or the user drops
 *    one at once (`--at-open`, page load → findings, load 6-8: 15.9-23.8 s vs 12.6-16.7 s, 6 runs each). It
 *    takes about 15 % more CPU for the audit (about 45 % counting its start), more memory (tab peak 1.17 vs
 *    0.87 GB at 1M rows; 4.7 vs 4.3 GB at 10M; 5.2 GB with 8 threads), and with 4 or 8 threads it brought
 *    main-thread tasks over 200 ms (216-430 ms in 3 of 18 finished runs; single-threaded at most 75 ms).
 * 3. Memory is not the obstacle: the files at the size limits (size-limit.ts) load with both builds.
 *
 * Reconsider when duckdb-wasm fixes #2256: measure on a 4+-core machine with
 * `BENCH_APP_THREADS=on npm run bench` (and `node --import tsx scripts/bench-app.ts <file> --threads N
 * [--at-open]`), then let wantsThreadedBuild follow the cores again.
 */
export function wantsThreadedBuild(isolated: boolean, choice?: ThreadsChoice): boolean {
  return isolated && choice !== undefined && choice !== 'off';
}

/**
 * How many threads DuckDB may use: the threaded build still runs one thread unless `maximumThreads` says
 * otherwise (duckdb-wasm's default), so it gets one per core; the other builds have one.
 */
export function maximumThreads(threadedBuild: boolean, cores: number | undefined, choice?: ThreadsChoice): number {
  if (!threadedBuild) return 1;
  return typeof choice === 'number' ? choice : Math.max(1, cores ?? 1);
}

/** Thread counts `?duckdb-threads=N` may ask for. */
const MAX_FORCED_THREADS = 64;

function parseChoice(v: string | null | undefined): ThreadsChoice {
  if (v === 'on' || v === 'off') return v;
  const n = /^\d{1,2}$/.test(v ?? '') ? Number(v) : NaN;
  return n >= 1 && n <= MAX_FORCED_THREADS ? n : undefined;
}

/** The page's `?duckdb-threads=on|off|N` (for measuring both builds on one machine); anything else is ignored. */
export function threadsChoiceFromQuery(search: string): ThreadsChoice {
  return parseChoice(new URLSearchParams(search).get('duckdb-threads'));
}

/**
 * The database worker cannot see the page's address, so the choice travels in the worker's name
 * ("meshlens-db", "meshlens-db threads=on", "meshlens-db threads=8").
 */
export const DB_WORKER_NAME = 'meshlens-db';
export function dbWorkerName(choice: ThreadsChoice): string {
  return choice === undefined ? DB_WORKER_NAME : `${DB_WORKER_NAME} threads=${choice}`;
}
export function threadsChoiceFromWorkerName(name: string): ThreadsChoice {
  return parseChoice(/\bthreads=(\w+)$/.exec(name)?.[1]);
}
