/**
 * `npm run bench`: where an audit spends its time, for both engines, against native DuckDB's own
 * `read_csv` + `SUMMARIZE` of the same file in the same run (the reference; every figure is a ratio of it).
 * - baseline: native DuckDB alone (read_csv into a table, then SUMMARIZE);
 * - wasm-baseline: the same two statements on duckdb-wasm alone (the app's engine before MeshLens adds work);
 * - wasm / native: MeshLens's importer, profile and checks on duckdb-wasm and on native DuckDB, split into
 *   stages (decode, sniff, scan, read+type, profile, checks: see STAGE_NOTE in bench-stages.ts);
 * - app: the app in headless Chromium, file picked → findings shown (scripts/bench-app.ts; skipped without
 *   Chromium; BENCH_APP_THREADS=on adds a leg with duckdb-wasm's threaded build forced);
 * - cli: the real `meshlens audit --json` process, start-up included, with its default engine;
 * - cli-files: the CLI's cold start and `inspect` of 100 small files in one process (scripts/bench-cli.ts).
 * Each measurement runs in its own process. BENCH_ROWS=1000000 runs one size (default 1M and 5M);
 * BENCH_ONLY=baseline,wasm limits the runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { printAppLeg } from './bench-app';
import { benchCli } from './bench-cli';
import { ensureBenchFile } from './bench-data';
import type { Stage, StageResult } from './bench-stages';
import { STAGE_NOTE, STAGES } from './bench-stages';

function run(args: string[], timeoutMin = 30): StageResult | { error: string } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'scripts/bench-stages.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: timeoutMin * 60_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as StageResult;
  } catch {
    return { error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ') };
  }
}

/** The CLI as a user runs it: wall time of the whole process, exit code 0 or 1 both count as done. */
function cli(file: string, engineFlag: string[]): { ms: number } | { error: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/meshlens.mjs', 'audit', file, '--json', '--reference-date', '2026-12-31', ...engineFlag], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: 30 * 60_000,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) return { error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-2).join(' | ') };
  return { ms };
}

const s = (ms: number | undefined) => (ms === undefined ? '     -' : `${(ms / 1000).toFixed(2).padStart(6)}`);
const only = process.env.BENCH_ONLY?.split(',');
const want = (k: string) => !only || only.includes(k);
const sizes = process.env.BENCH_ROWS ? [Number(process.env.BENCH_ROWS)] : [1_000_000, 5_000_000];

console.log(`MeshLens benchmark ${new Date().toISOString()} (node ${process.version}, seconds; ratios against native read_csv + SUMMARIZE)`);
for (const rows of sizes) {
  const file = await ensureBenchFile(rows);
  const mb = (statSync(file).size / 1e6).toFixed(0);
  console.log(`\n## ${rows.toLocaleString('en-US')} rows (${mb} MB, Google Ads layout: title rows, "1,234.50", 2.81%, " --", totals rows)`);
  const base = run(['baseline', file]);
  if ('error' in base) {
    console.log(`native read_csv + SUMMARIZE: FAILED: ${base.error}`);
    continue;
  }
  const ref = base.totalMs;
  console.log(`native DuckDB ${base.version}: read_csv ${s(base.stages['read+type']).trim()} + SUMMARIZE ${s(base.stages.profile).trim()} = ${s(ref).trim()} s (reference; CPU ${s(base.cpuMs).trim()} s), peak RSS ${base.peakRssMb} MB`);

  if (want('wasm-baseline')) {
    const w = run(['wasm-baseline', file]);
    if ('error' in w) console.log(`duckdb-wasm alone: FAILED: ${w.error}`);
    else
      console.log(
        `duckdb-wasm ${w.version} alone, the same statements (the app's engine before any MeshLens work): read_csv ${s(w.stages['read+type']).trim()} + SUMMARIZE ${s(w.stages.profile).trim()} = ${s(w.totalMs).trim()} s = ${(w.totalMs / ref).toFixed(2)}× native (CPU ${s(w.cpuMs).trim()} s)`,
      );
  }

  const results: StageResult[] = [];
  for (const kind of ['wasm', 'native']) {
    if (!want(kind)) continue;
    if (kind === 'native' && !existsSync('electron/engine/native-engine.ts')) continue;
    const r = run([kind, file]);
    if ('error' in r) console.log(`${kind}: FAILED: ${r.error}`);
    else results.push(r);
  }
  if (results.length) {
    console.log(`\n| stage | ${results.map((r) => `${r.engine} s | ×ref`).join(' | ')} |`);
    console.log(`|---|${results.map(() => '---:|---:').join('|')}|`);
    const row = (label: string, get: (r: StageResult) => number | undefined) =>
      console.log(`| ${label} | ${results.map((r) => `${s(get(r))} | ${get(r) === undefined ? '' : (get(r)! / ref).toFixed(2)}`).join(' | ')} |`);
    row('engine start', (r) => r.startMs);
    for (const st of STAGES) row(st, (r) => r.stages[st as Stage]);
    row('**whole audit**', (r) => r.totalMs);
    console.log(`| CPU s, all threads (×ref CPU) | ${results.map((r) => `${s(r.cpuMs)} | ${(r.cpuMs / base.cpuMs).toFixed(2)}`).join(' | ')} |`);
    console.log(`| rows / findings | ${results.map((r) => `${r.rows} | ${r.findings}`).join(' | ')} |`);
    console.log(`| peak RSS MB | ${results.map((r) => `${r.peakRssMb} | ${(r.peakRssMb / base.peakRssMb).toFixed(2)}`).join(' | ')} |`);
    for (const r of results) {
      const top = Object.entries(r.checkMs ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(`\nchecks by check, ${r.engine} (s, ×ref; scripts/bench-checks.ts times each alone): ${top.map(([id, ms]) => `${id} ${s(ms).trim()} (${(ms / ref).toFixed(2)})`).join(', ')}`);
    }
    console.log(`\nStages: ${STAGE_NOTE}`);
  }
  if (want('app')) printAppLeg(file, ref, base.cpuMs);
  if (want('app') && process.env.BENCH_APP_THREADS === 'on') printAppLeg(file, ref, base.cpuMs, 'on');
  if (want('cli')) {
    const c = cli(file, []);
    if ('error' in c) console.log(`\nmeshlens audit (CLI, default engine): FAILED: ${c.error}`);
    else console.log(`\nmeshlens audit (CLI process, default engine, start-up included): ${s(c.ms).trim()} s = ${(c.ms / ref).toFixed(2)}× native (target ≤ 2×)`);
  }
}

if (want('cli-files')) await benchCli();
