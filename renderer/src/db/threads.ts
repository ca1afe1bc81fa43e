/**
 * duckdb-wasm's threaded build only when the page is cross-origin isolated (SharedArrayBuffer) AND the
 * machine has at least 4 cores. With 2 cores its pthread workers compete with the UI thread and our own
 * database worker for the same two cores and add their start-up and memory; from 4 cores DuckDB's
 * parallel scans and aggregates have cores of their own. (The 4-core side is a decision, not a
 * measurement: the machines this was built on have 2 cores. `npm run bench` measures the threaded build
 * forced on whatever machine it runs on: BENCH_APP_THREADS=on.)
 */
export const MIN_CORES_FOR_THREADS = 4;

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
