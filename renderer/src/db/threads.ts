/**
 * duckdb-wasm's threaded build only when the page is cross-origin isolated (SharedArrayBuffer) AND the
 * machine has at least 4 cores. With 2 cores its pthread workers compete with the UI thread and our own
 * database worker for the same two cores and add their start-up and memory; from 4 cores DuckDB's
 * parallel scans and aggregates have cores of their own. (This is a decision, not a measurement of a
 * 4-core machine: the machines this was built on have 2 cores.)
 */
export const MIN_CORES_FOR_THREADS = 4;
export function wantsThreadedBuild(isolated: boolean, cores: number | undefined): boolean {
  return isolated && (cores ?? 1) >= MIN_CORES_FOR_THREADS;
}
