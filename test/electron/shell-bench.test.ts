/**
 * Opt-in measurement (MESHLENS_SHELL_BENCH=1): the same import in Chromium served through the shell's
 * app:// handler, cross-origin isolated and asking for threads (COOP/COEP on, `?duckdb-threads=on` →
 * duckdb-wasm's threaded "coi" build; the app itself never picks it: renderer/src/db/threads.ts) against
 * not isolated (headers stripped → the single-threaded "eh" build). Electron cannot run here, so this
 * measures the Chromium the renderer runs in, with the shell's own headers; it is a proxy for the
 * desktop app, not the app itself.
 *
 *   MESHLENS_SHELL_BENCH=1 BENCH_SHELL_ROWS=200000 npx vitest run test/electron/shell-bench.test.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBenchFile } from '../../scripts/bench-data';
import { buildRenderer, launchChromium, startShellServer } from './shell-server';

const ROWS = Number(process.env.BENCH_SHELL_ROWS ?? 200_000);
const RUNS = Number(process.env.BENCH_SHELL_RUNS ?? 2);

interface Run {
  isolated: boolean;
  bundle: string;
  startMs: number;
  importMs: number;
  rows: string;
}

async function measure(renderer: string, file: string, isolated: boolean): Promise<Run> {
  const server = await startShellServer(renderer, { isolate: isolated });
  const profile = mkdtempSync(join(tmpdir(), 'meshlens-bench-profile-'));
  const refused: string[] = [];
  const context = await launchChromium(profile, server.origin, refused);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = performance.now();
    await page.goto(`${server.origin}/index.html${isolated ? '?duckdb-threads=on' : ''}`);
    await page.waitForSelector('[data-testid="screen-home"]');
    const startMs = performance.now() - t0;
    const t1 = performance.now();
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForSelector('[data-testid="dataset-tab"]', { timeout: 600_000 });
    await page.click('[data-testid="nav-import"]');
    const rows = await page.waitForSelector('[data-testid="row-count"]', { timeout: 600_000 }).then((h) => h.textContent());
    const importMs = performance.now() - t1;
    const wasm = server.served.find((p) => /duckdb-(coi|eh|mvp)-.*\.wasm$/.test(p)) ?? '?';
    expect(refused).toEqual([]);
    return { isolated, bundle: /duckdb-(coi|eh|mvp)-/.exec(wasm)?.[1] ?? '?', startMs, importMs, rows: rows ?? '' };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

describe.runIf(process.env.MESHLENS_SHELL_BENCH)('threaded vs single-threaded duckdb-wasm under the shell headers (Chromium)', () => {
  let renderer: string;
  let dataDir: string;
  beforeAll(async () => {
    renderer = mkdtempSync(join(tmpdir(), 'meshlens-bench-renderer-'));
    dataDir = mkdtempSync(join(tmpdir(), 'meshlens-bench-data-'));
    await buildRenderer(renderer);
  }, 300_000);
  afterAll(() => {
    rmSync(renderer, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    `imports ${ROWS.toLocaleString('en-US')} rows both ways`,
    async () => {
      const file = await ensureBenchFile(ROWS, dataDir);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        for (const isolated of i % 2 === 0 ? [true, false] : [false, true]) runs.push(await measure(renderer, file, isolated));
      }
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const lines = [`file: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${ROWS} rows; ${RUNS} runs each, alternating`];
      for (const isolated of [true, false]) {
        const mine = runs.filter((r) => r.isolated === isolated);
        lines.push(
          `${isolated ? 'COOP/COEP on ' : 'COOP/COEP off'} bundle=${mine.map((r) => r.bundle).join('/')} rows=${mine[0]!.rows} ` +
            `start median ${median(mine.map((r) => r.startMs)).toFixed(0)} ms, import median ${median(mine.map((r) => r.importMs)).toFixed(0)} ms ` +
            `(runs: ${mine.map((r) => r.importMs.toFixed(0)).join(', ')})`,
        );
      }
      console.log(lines.join('\n'));
      expect(runs.filter((r) => r.isolated).every((r) => r.bundle === 'coi')).toBe(true);
      expect(runs.filter((r) => !r.isolated).every((r) => r.bundle !== 'coi')).toBe(true);
      expect(new Set(runs.map((r) => r.rows)).size).toBe(1);
    },
    3_600_000,
  );
});
