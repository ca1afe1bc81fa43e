/**
 * The CLI's own figures for `npm run bench` (BENCH_ONLY=cli-files runs them alone):
 * - cold start: `meshlens --version`, and `inspect` of one 1 KB file, per engine (median of 5 runs);
 * - `inspect` of 100 small files in one process (one engine, tables dropped between files), per engine.
 * The bundle is rebuilt first (scripts/build-cli.mjs), so the figures are for the sources as they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildCli } from './build-cli.mjs';

const CAMPAIGNS = ['Brand - Exact', 'Generic | EU', 'Retargeting "Q1"', 'Competitors', 'Shopping - All'];

/** 100 small exports (about 1-3 KB): title rows, quoted grouped numbers, percents, " --", a totals row. */
export function smallFiles(dir = 'bench-data/small-100'): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let f = 0; f < 100; f++) {
    const lines = ['Campaign report', `"${f + 1} January 2026 - ${f + 1} February 2026"`, 'Day,Campaign,Clicks,Impr.,CTR,Cost'];
    const rows = 10 + (f % 30);
    for (let i = 0; i < rows; i++) {
      const impr = 1000 + ((f * 7919 + i * 104729) % 50_000);
      const clicks = Math.floor(impr / (20 + (i % 7)));
      const camp = CAMPAIGNS[(f + i) % CAMPAIGNS.length]!.replace(/"/g, '""');
      lines.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},"${camp}","${clicks.toLocaleString('en-US')}","${impr.toLocaleString('en-US')}",${((clicks / impr) * 100).toFixed(2)}%,${i % 5 ? (clicks * 0.42).toFixed(2) : ' --'}`);
    }
    lines.push('Total: Account,,"1,000","20,000",5.00%,420.00');
    const file = path.resolve(dir, `export-${String(f + 1).padStart(3, '0')}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    files.push(file);
  }
  return files;
}

function timed(args: string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/meshlens.mjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 20 * 60_000 });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sec = (ms: number) => (ms / 1000).toFixed(2);

export async function benchCli(log: (line: string) => void = console.log): Promise<void> {
  await buildCli();
  const files = smallFiles();
  log(`\n## CLI (bundle dist/cli, cold processes; node ${process.version})`);
  log(`meshlens --version: ${sec(median(Array.from({ length: 5 }, () => timed(['--version']).ms)))} s (median of 5; target < 0.3 s)`);
  const kb = `${(statSync(files[0]!).size / 1024).toFixed(1)} KB`;
  for (const engine of ['native', 'wasm']) {
    const one = Array.from({ length: 5 }, () => timed(['inspect', files[0]!, '--engine', engine]));
    if (one.some((r) => r.status !== 0)) log(`inspect one ${kb} file (${engine}): FAILED: ${one.find((r) => r.status !== 0)!.stderr.trim().split('\n')[0]}`);
    else log(`inspect one ${kb} file, ${engine}: ${sec(median(one.map((r) => r.ms)))} s (median of 5; target < 1 s)`);
    const many = timed(['inspect', ...files, '--json', '--engine', engine]);
    const read = many.status === 0 ? (JSON.parse(many.stdout) as { files: { rows?: number }[] }).files : [];
    if (many.status !== 0 || read.length !== files.length) log(`inspect 100 small files in one process (${engine}): FAILED: ${many.stderr.trim().split('\n')[0]}`);
    else log(`inspect 100 small files in one process, ${engine}: ${sec(many.ms)} s (${read.reduce((n, f) => n + (f.rows ?? 0), 0)} rows, ${((many.ms / files.length) | 0)} ms a file)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/bench-cli.ts')) await benchCli();
