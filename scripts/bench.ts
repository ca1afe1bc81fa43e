/**
 * `npm run bench`: load time and peak memory of MeshLens (duckdb-wasm) against native DuckDB
 * (@duckdb/node-api) on generated Google Ads-style exports of 1M and 5M rows, as ratios.
 * Each measurement runs in its own process. Set BENCH_ROWS=1000000 to run one size only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { ensureBenchFile } from './bench-data';

interface Measure {
  mode: string;
  loadMs: number;
  startMs: number;
  rows: number;
  peakRssMb: number;
  [k: string]: unknown;
}

function run(script: string, args: string[]): Measure | { error: string } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 20 * 60_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Measure;
  } catch {
    return { error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ') };
  }
}

const sizes = process.env.BENCH_ROWS ? [Number(process.env.BENCH_ROWS)] : [1_000_000, 5_000_000];
const lines: string[] = [];
const log = (s: string) => {
  lines.push(s);
  console.log(s);
};

log(`MeshLens benchmark ${new Date().toISOString()} (node ${process.version})`);
for (const rows of sizes) {
  const file = await ensureBenchFile(rows);
  const mb = (statSync(file).size / 1e6).toFixed(0);
  log(`\n## ${rows.toLocaleString('en-US')} rows (${mb} MB, Google Ads layout: title rows, "1,234.50", 2.81%, " --", totals rows)`);
  const mesh = run('scripts/bench-worker.ts', ['meshlens', file]);
  const nat = run('scripts/bench-worker.ts', ['native', file]);
  if ('error' in mesh) log(`MeshLens load: FAILED: ${mesh.error}`);
  else log(`MeshLens load (wasm, typed, totals removed): ${(mesh.loadMs / 1000).toFixed(2)} s, peak RSS ${mesh.peakRssMb} MB, ${mesh.rows} rows (+${(mesh.startMs / 1000).toFixed(2)} s engine start)`);
  if ('error' in nat) log(`native DuckDB load: FAILED: ${nat.error}`);
  else log(`native DuckDB read_csv: ${(nat.loadMs / 1000).toFixed(2)} s, peak RSS ${nat.peakRssMb} MB, ${nat.rows} rows (numbers left as text, totals kept)`);
  if (!('error' in mesh) && !('error' in nat)) {
    log(`ratio load time MeshLens/native: ${(mesh.loadMs / nat.loadMs).toFixed(2)}x; peak memory: ${(mesh.peakRssMb / nat.peakRssMb).toFixed(2)}x`);
  }
  if (existsSync('scripts/bench-audit.ts')) {
    const audit = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'scripts/bench-audit.ts', file], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 30 * 60_000 });
    const out = (audit.stdout || audit.stderr).trim();
    if (out) log(out);
  }
}
