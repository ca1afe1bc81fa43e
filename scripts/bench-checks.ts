/**
 * Where the checks stage spends its time, one check at a time, on one imported file.
 *
 *   node --import tsx scripts/bench-checks.ts [native|wasm|both] [file] [--base DIR] [--only id,id] [--repeat N]
 *
 * The file (default bench-data/google-ads-1M.csv, made by `npm run bench`) is imported and profiled once per
 * engine; then every check of the catalogue runs alone through runChecks (its own targets, its predicate
 * scan, its samples) and is timed in wall and CPU seconds (process.cpuUsage: every thread of this process,
 * which holds both engines), as seconds and as × native read_csv + SUMMARIZE of the same file (the reference
 * of `npm run bench`, measured in the same process). The whole stage (all checks in one runChecks) comes last.
 *
 * `--base DIR` runs the checks code of another checkout (e.g. main, unpacked with
 * `git archive main | tar -x -C DIR`, node_modules linked) on the same imported table, interleaved with this
 * checkout's, and says whether the findings are identical: a before/after on one busy machine in one run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { runChecks as RunChecks } from '../shared/checks/runner';
import type { CheckDefinition, Dataset, Finding } from '../shared/checks/types';
import type { Engine } from '../shared/engine/types';

const REFERENCE_DATE = '2026-12-31';
type Code = { runChecks: typeof RunChecks; catalogue: CheckDefinition[] };

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const baseDir = flag('--base');
const only = flag('--only')?.split(',');
const repeat = Number(flag('--repeat') ?? 1);
const engines = args[0] === 'both' || !args[0] ? ['native', 'wasm'] : [args[0]];
const file = path.resolve(args[1] ?? 'bench-data/google-ads-1M.csv');
if (!existsSync(file)) throw new Error(`no file ${file}: run npm run bench once, or pass a CSV`);

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const value = await fn();
  return { value, wall: performance.now() - t0, cpu: cpuNow() - c0 };
}

async function loadCode(root: string): Promise<Code> {
  const runner = (await import(path.join(root, 'shared/checks/runner.ts'))) as { runChecks: typeof RunChecks };
  const cat = (await import(path.join(root, 'shared/checks/catalogue.ts'))) as { CATALOGUE: CheckDefinition[] };
  return { runChecks: runner.runChecks, catalogue: cat.CATALOGUE };
}

/** Native read_csv + SUMMARIZE of the file, as scripts/bench-stages.ts measures it (the reference). */
async function reference(): Promise<{ wall: number; cpu: number }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const r = await timed(async () => {
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', skip=2, header=true, delim=',', quote='"', ignore_errors=true)`);
    await conn.runAndReadAll('SUMMARIZE t');
  });
  conn.closeSync();
  return r;
}

async function createEngine(kind: string): Promise<Engine> {
  if (kind === 'native') return (await import('../electron/engine/native-engine')).NativeEngine.create();
  return (await import('../electron/engine/node-engine')).NodeEngine.create();
}

async function prepare(engine: Engine): Promise<Dataset> {
  const { importFile } = await import('../shared/import/index');
  const { analyseImport } = await import('../shared/audit/dataset');
  const { nodeParquet } = await import('../electron/engine/parquet-node');
  const bytes = new Uint8Array(readFileSync(file));
  const result = await importFile(engine, { path: file, name: path.basename(file), bytes }, {}, { parquet: nodeParquet });
  return (await analyseImport(engine, result)).dataset;
}

const fmt = (ms: number) => (ms / 1000).toFixed(2).padStart(6);
const same = (a: Finding[], b: Finding[]) => JSON.stringify(a) === JSON.stringify(b);

const ref = await reference();
console.log(`${path.basename(file)}: native read_csv + SUMMARIZE ${fmt(ref.wall).trim()} s (CPU ${fmt(ref.cpu).trim()} s) = reference`);
const mine = await loadCode(path.resolve(import.meta.dirname, '..'));
const base = baseDir ? await loadCode(path.resolve(baseDir)) : null;

for (const kind of engines) {
  const engine = await createEngine(kind);
  const dataset = await prepare(engine);
  const config = { referenceDate: REFERENCE_DATE };
  console.log(`\n## ${kind}: ${dataset.rows} rows; best of ${repeat}; × = CPU s / reference CPU s`);
  console.log(`| check | wall s | CPU s | ×ref |${base ? ' base wall s | base CPU s | base ×ref | same findings |' : ''}`);
  console.log(`|---|---:|---:|---:|${base ? '---:|---:|---:|---|' : ''}`);
  const checks = [...mine.catalogue.filter((c) => !only || only.includes(c.id)), null];
  for (const check of checks) {
    const id = check?.id ?? '**all checks**';
    const run = async (code: Code) => {
      const cat = check ? code.catalogue.filter((c) => c.id === check.id) : code.catalogue;
      let best: Awaited<ReturnType<typeof timed<Finding[]>>> | null = null;
      for (let i = 0; i < repeat; i++) {
        const errors: string[] = [];
        const r = await timed(() => code.runChecks(engine, dataset, config, { onCheckError: (c, e) => errors.push(`${c}: ${String(e)}`) }, cat));
        if (errors.length) console.log(`  ${errors.join('\n  ')}`);
        if (!best || r.cpu < best.cpu) best = r;
      }
      return best!;
    };
    const a = base ? await run(base) : null;
    const b = await run(mine);
    const cols = (r: { wall: number; cpu: number }) => `${fmt(r.wall)} | ${fmt(r.cpu)} | ${(r.cpu / ref.cpu).toFixed(2)}`;
    console.log(`| ${id} | ${cols(b)} |${a ? ` ${cols(a)} | ${same(a.value, b.value) ? 'yes' : '**NO**'} |` : ''}`);
    if (a && !same(a.value, b.value)) {
      console.log('  base:', JSON.stringify(a.value).slice(0, 2000));
      console.log('  this:', JSON.stringify(b.value).slice(0, 2000));
    }
  }
  await engine.close();
}
process.exit(0);
