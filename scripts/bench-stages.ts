/**
 * One engine, one file, one process: the whole audit split into stages, so `npm run bench` can say where
 * the time goes. Stages are read from the importer's progress events and from the statements it sends to
 * the engine (an instrumented Engine wrapper), so the importer itself carries no benchmark code.
 *
 * Usage: node --import tsx scripts/bench-stages.ts <wasm|native|baseline|wasm-baseline> <file>
 * Prints one JSON line: { engine, startMs, stages: { decode, sniff, scan, read+type, profile, checks },
 * totalMs, rows, findings, peakRssMb }.
 * `baseline` is native DuckDB alone: read_csv into a table, then SUMMARIZE (the reference figure);
 * `wasm-baseline` is the same work on duckdb-wasm alone (what the app's engine costs before MeshLens).
 */
import { isUtf8 } from 'node:buffer';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../shared/engine/types';

export const STAGES = ['decode', 'sniff', 'lines', 'read+type', 'profile', 'checks'] as const;
/** What the stage names mean since the importer reads the file once (printed under the table). */
export const STAGE_NOTE =
  'lines = the line ends, the rows a clean table would have and the type sample taken from them, the type decisions; ' +
  'read+type = the one read_csv into the typed table with its text facts, summary rows and counts, while the JS clean scan checks every byte at the same time ' +
  '(a file that needs repair is then rewritten and read again). ' +
  'They replace the body, raw, summary, typing and statistics stages of earlier runs (raw all-text table + typed copy + two count scans).';
export type Stage = (typeof STAGES)[number];

export interface StageResult {
  engine: string;
  startMs: number;
  stages: Partial<Record<Stage, number>>;
  totalMs: number;
  /** CPU time of the process (every thread) for the whole audit: steadier than wall time on a busy machine. */
  cpuMs: number;
  rows: number;
  findings: number;
  peakRssMb: number;
  version?: string;
  /** Checks stage by check id (wall ms), from the runner's progress events; 'row conditions' is the shared scan. */
  checkMs?: Record<string, number>;
}

/** Time between progress events of the checks stage, summed by the check (or shared scan) each one names. */
function checkTimer(): { progress: (p: { detail?: string }) => void; end: () => Record<string, number> } {
  const out: Record<string, number> = {};
  let current: { id: string; at: number } | null = null;
  const close = () => {
    if (current) out[current.id] = (out[current.id] ?? 0) + performance.now() - current.at;
  };
  return {
    progress: (p) => {
      close();
      current = p.detail ? { id: p.detail, at: performance.now() } : null;
    },
    end: () => (close(), (current = null), out),
  };
}

const REFERENCE_DATE = '2026-12-31';

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wraps an Engine and records when the importer sends DuckDB the read of the rows. */
function instrument(engine: Engine, mark: (name: string) => void): Engine {
  return new Proxy(engine, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (prop === 'exec' && /^CREATE TABLE .* FROM \(SELECT .*read_csv\(/s.test(String(args[0]))) mark('read');
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}

/** Stage boundaries in order; a stage lasts from its mark to the next mark that happened. */
const BOUNDARIES: [Stage, string][] = [
  ['decode', 'start'],
  ['sniff', 'p:Finding the header'],
  ['lines', 'p:Reading rows'],
  ['read+type', 'read'],
];

function importStages(marks: Map<string, number>, end: number): Partial<Record<Stage, number>> {
  const present = BOUNDARIES.filter(([, m]) => marks.has(m)).map(([s, m]) => ({ s, t: marks.get(m)! }));
  const out: Partial<Record<Stage, number>> = {};
  present.forEach((p, i) => {
    out[p.s] = (present[i + 1]?.t ?? end) - p.t;
  });
  return out;
}

async function createEngine(kind: string): Promise<Engine> {
  if (kind === 'native') {
    const mod = (await import('../electron/engine/native-engine' as string)) as { NativeEngine: { create(): Promise<Engine> } };
    return mod.NativeEngine.create();
  }
  const { NodeEngine } = await import('../electron/engine/node-engine');
  return NodeEngine.create();
}

async function meshlens(kind: string, file: string): Promise<Omit<StageResult, 'peakRssMb'>> {
  const { importFile } = await import('../shared/import/index');
  const { analyseImport } = await import('../shared/audit/dataset');
  const { runChecks } = await import('../shared/checks/runner');
  const { nodeParquet } = await import('../electron/engine/parquet-node');
  const t0 = performance.now();
  const base = await createEngine(kind);
  const t1 = performance.now();
  const c1 = cpuNow();
  const marks = new Map<string, number>([['start', t1]]);
  const mark = (n: string) => {
    if (!marks.has(n)) marks.set(n, performance.now());
  };
  const engine = instrument(base, mark);
  // Read as the CLI reads a file (readInput): native DuckDB reads a clean file in place.
  const { readInput } = await import('../electron/cli/load');
  const result = await importFile(engine, readInput(file), {}, { parquet: nodeParquet, isUtf8, progress: (p) => mark(`p:${p.stage}`) });
  const t2 = performance.now();
  const { dataset } = await analyseImport(base, result);
  const t3 = performance.now();
  const timer = checkTimer();
  const findings = await runChecks(base, dataset, { referenceDate: REFERENCE_DATE }, { progress: timer.progress });
  const t4 = performance.now();
  const checkMs = timer.end();
  await base.close();
  return {
    engine: kind,
    startMs: t1 - t0,
    stages: { ...importStages(marks, t2), profile: t3 - t2, checks: t4 - t3 },
    totalMs: t4 - t1,
    cpuMs: cpuNow() - c1,
    rows: result.rows,
    findings: findings.length,
    checkMs,
  };
}

/** The reference statement: read_csv told what MeshLens works out for itself (2 title rows, comma, header); the totals rows are dropped as errors. */
const referenceRead = (file: string) =>
  `CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', skip=2, header=true, delim=',', quote='"', ignore_errors=true)`;

/**
 * duckdb-wasm alone doing the reference's work (the same read_csv and SUMMARIZE, no MeshLens code), on the
 * build the app runs: what the app's engine costs before MeshLens adds anything, against native DuckDB.
 */
async function wasmBaseline(file: string): Promise<Omit<StageResult, 'peakRssMb'>> {
  const { NodeEngine } = await import('../electron/engine/node-engine');
  const { readFileSync } = await import('node:fs');
  const t0 = performance.now();
  const engine = await NodeEngine.create();
  const t1 = performance.now();
  const c1 = cpuNow();
  await engine.registerFile('reference.csv', new Uint8Array(readFileSync(file)));
  await engine.exec(referenceRead('reference.csv'));
  const t2 = performance.now();
  await engine.query('SUMMARIZE t');
  const t3 = performance.now();
  const cpu = cpuNow() - c1;
  const rows = Number((await engine.query('SELECT count(*) AS n FROM t')).rows[0]!.n);
  const version = String((await engine.query('SELECT version() AS v')).rows[0]!.v);
  await engine.close();
  return { engine: 'wasm-baseline', startMs: t1 - t0, stages: { 'read+type': t2 - t1, profile: t3 - t2 }, totalMs: t3 - t1, cpuMs: cpu, rows, findings: 0, version };
}

/** Native DuckDB alone: the reference read, then SUMMARIZE. */
async function baseline(file: string): Promise<Omit<StageResult, 'peakRssMb'>> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const t1 = performance.now();
  const c1 = cpuNow();
  await conn.run(referenceRead(file));
  const t2 = performance.now();
  await conn.runAndReadAll('SUMMARIZE t');
  const t3 = performance.now();
  const cpu = cpuNow() - c1;
  const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
  const version = String((await conn.runAndReadAll('SELECT version()')).getRows()[0]![0]);
  conn.closeSync();
  return { engine: 'baseline', startMs: t1 - t0, stages: { 'read+type': t2 - t1, profile: t3 - t2 }, totalMs: t3 - t1, cpuMs: cpu, rows, findings: 0, version };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, file] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: bench-stages <wasm|native|baseline|wasm-baseline> <file>');
  const out = mode === 'baseline' ? await baseline(file) : mode === 'wasm-baseline' ? await wasmBaseline(file) : await meshlens(mode, file);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ...out, peakRssMb }) + '\n');
  process.exit(0);
}
