/**
 * The app's leg of `npm run bench`: the whole audit of a file in the app as a user runs it, in headless
 * Chromium (playwright-core) against the web renderer built from this checkout and served with the desktop
 * shell's own headers (electron/start/web-fallback.ts: CSP, COOP/COEP). It picks the file in the file input
 * and waits for the findings to show on the Overview.
 *
 * Usage: node --import tsx scripts/bench-app.ts <file> [--threads on|off|N] [--at-open]
 * Prints one JSON line (AppBenchResult), or {"skipped": reason} when no Chromium is installed
 * (CHROMIUM_PATH, else /usr/bin/chromium or chromium / google-chrome on PATH).
 * `--threads on` asks the page for duckdb-wasm's threaded build whatever the core count, `--threads 8` for it
 * with 8 threads (threads.ts).
 * By default the file is picked once the engine is ready (engine start is reported apart). `--at-open` (or
 * BENCH_APP_AT_OPEN=1 for bench.ts's leg) picks it as soon as the page shows the file input, as when the OS
 * opens the app with a file or a user drops one at once: the engine's start is then on the critical path and
 * `openMs` (page load → findings) is what the user waits.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { findChrome, serveRenderer } from '../electron/start/web-fallback';
import { tooLargeForBrowser } from '../renderer/src/db/size-limit';
import { threadsChoiceFromQuery } from '../renderer/src/db/threads';
import type { ThreadsChoice } from '../renderer/src/db/threads';
import { longTasksBetween, recordLongTasks } from '../test/helpers/long-tasks';

export interface AppBenchResult {
  engine: 'app';
  /** duckdb-wasm build the page loaded: eh, mvp or coi (threads). */
  build: string;
  crossOriginIsolated: boolean;
  cores: number;
  /** Page load until DuckDB is ready (by default before the file is picked, not part of the audit). */
  startMs: number;
  /** The file was picked at page load, while the engine started (--at-open). */
  atOpen: boolean;
  /** File picked → import done (dataset ready); → findings shown. */
  importMs: number;
  totalMs: number;
  /** Page load → findings shown: what a user who opens the app with the file waits (with --at-open). */
  openMs: number;
  /** CPU time of every Chromium process during the audit (from page load with --at-open; Linux /proc; null elsewhere). */
  cpuMs: number | null;
  /** Largest resident size of one Chromium process (the tab, with its workers' wasm heaps), sampled every 250 ms. */
  peakTabMb: number | null;
  rows: string;
  longestTaskMs: number;
  tasksOver200: number;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : findChrome(env);
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime+stime (ms) and RSS (MB) of the descendants of `root` (not `root` itself), from /proc. */
function processTree(root: number): { cpuMs: number; rssMb: number[] } | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parent = new Map<number, number>();
  const stat = new Map<number, string[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const text = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
      parent.set(Number(d), Number(fields[1]));
      stat.set(Number(d), fields);
    } catch {
      // the process ended while we looked
    }
  }
  let cpuMs = 0;
  const rssMb: number[] = [];
  for (const [pid, fields] of stat) {
    if (pid === root) continue;
    let p: number | undefined = pid;
    while (p !== undefined && p !== root && p > 1) p = parent.get(p);
    if (p !== root) continue;
    cpuMs += (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
    rssMb.push((Number(fields[21]) * 4096) / 1e6); // rss in pages
  }
  return { cpuMs, rssMb };
}

/** Milliseconds on the page's clock (performance.now(): from page load). */
const pageNow = async (page: Page) => (await page.evaluate('performance.now()')) as number;

export async function benchApp(file: string, threads?: ThreadsChoice, atOpen = false): Promise<AppBenchResult | { skipped: string }> {
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium or Chrome installed (set CHROMIUM_PATH)' };
  const outDir = mkdtempSync(path.join(tmpdir(), 'meshlens-bench-renderer-'));
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const asked: string[] = [];
  const server = await serveRenderer(outDir, 0, (p) => asked.push(p));
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  // Chromium's processes are the only children of this process (the build above has finished).
  const pid = process.pid;
  let peakTab = 0;
  const sampler = setInterval(() => {
    const t = processTree(pid);
    if (t) peakTab = Math.max(peakTab, ...t.rssMb);
  }, 250);
  try {
    const page = await browser.newPage();
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await recordLongTasks(page);
    const cpuAtOpen = processTree(pid)?.cpuMs;
    await page.goto(threads ? `${server.url}?duckdb-threads=${threads}` : server.url, { waitUntil: 'commit' });
    const ready = page.waitForSelector('[data-testid="app"][data-engine="ready"]', { timeout: 180_000 }).then(() => pageNow(page));
    ready.catch(() => undefined); // awaited below; a failure surfaces there
    if (atOpen) await page.waitForSelector('[data-testid="file-input"]', { state: 'attached', timeout: 180_000 });
    else await ready;
    const cpu0 = atOpen ? cpuAtOpen : processTree(pid)?.cpuMs;
    const t0 = await pageNow(page);
    await page.setInputFiles('[data-testid="file-input"]', file);
    const startMs = await ready;
    const [isolated, cores] = (await page.evaluate('[crossOriginIsolated, navigator.hardwareConcurrency]')) as [boolean, number];
    const dot = await page.waitForSelector('[data-testid="dataset-tab"] .status-dot:is([data-status="ready"], [data-status="error"])', { timeout: 30 * 60_000 });
    if ((await dot.getAttribute('data-status')) === 'error') {
      const banner = await page.textContent('[data-testid="banner-error"] p').catch(() => null);
      throw new Error(`the import failed: ${banner ?? 'no message'}`);
    }
    const tImport = await pageNow(page);
    await page.waitForSelector('[data-testid="overview-dimensions"], [data-testid="overview-score"]', { timeout: 30 * 60_000 });
    const tDone = await pageNow(page);
    const cpu1 = processTree(pid)?.cpuMs;
    const tasks = await longTasksBetween(page, t0, tDone);
    if (crashed) throw new Error('the page crashed');
    return {
      engine: 'app',
      build: asked.map((p) => /duckdb-(mvp|eh|coi)[.-][^/]*\.wasm/.exec(p)?.[1]).find(Boolean) ?? 'unknown',
      crossOriginIsolated: isolated,
      cores,
      startMs: Math.round(startMs),
      atOpen,
      importMs: Math.round(tImport - t0),
      totalMs: Math.round(tDone - t0),
      openMs: Math.round(tDone),
      cpuMs: cpu0 === undefined || cpu1 === undefined ? null : cpu1 - cpu0,
      peakTabMb: peakTab ? Math.round(peakTab) : null,
      rows: ((await page.textContent('[data-testid="overview-rows"]')) ?? '').trim(),
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      tasksOver200: tasks.filter((t) => t.duration > 200).length,
    };
  } finally {
    clearInterval(sampler);
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

const sec = (ms: number) => (ms / 1000).toFixed(2);

/**
 * For scripts/bench.ts: run the app leg in its own process and print it as seconds and as × the native
 * reference of the same run (`refMs` wall, `refCpuMs` CPU). Files over the app's limit are not loaded.
 */
export function printAppLeg(file: string, refMs: number, refCpuMs: number, threads?: 'on' | 'off'): void {
  const atOpen = process.env.BENCH_APP_AT_OPEN === '1';
  const label = (threads === 'on' ? 'app, threaded duckdb-wasm forced (?duckdb-threads=on)' : 'app') + (atOpen ? ', file picked at page load' : '');
  const head = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  const headBytes = head.subarray(0, readSync(fd, head, 0, head.length, 0));
  closeSync(fd);
  const refused = tooLargeForBrowser(path.basename(file), statSync(file).size, headBytes);
  if (refused) return void console.log(`\n${label}: not run, the app refuses it (renderer/src/db/size-limit.ts): ${refused}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-app.ts', file, ...(threads ? ['--threads', threads] : []), ...(atOpen ? ['--at-open'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: 40 * 60_000,
  });
  let out: AppBenchResult | { skipped: string } | { error: string };
  try {
    out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as typeof out;
  } catch {
    out = { error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-2).join(' | ') };
  }
  if ('skipped' in out) return void console.log(`\n${label}: skipped: ${out.skipped}`);
  if ('error' in out) return void console.log(`\n${label}: FAILED: ${out.error}`);
  console.log(
    `\n${label} (headless Chromium, duckdb-wasm ${out.build}, ${out.crossOriginIsolated ? '' : 'not '}cross-origin isolated, ${out.cores} cores): ` +
      `file picked → findings shown ${sec(out.totalMs)} s = ${(out.totalMs / refMs).toFixed(2)}× native (target ≤ 4×); ` +
      `import ${sec(out.importMs)} s = ${(out.importMs / refMs).toFixed(2)}×; ` +
      (out.cpuMs === null ? '' : `CPU ${sec(out.cpuMs)} s = ${(out.cpuMs / refCpuMs).toFixed(2)}× ref CPU; `) +
      `longest main-thread task ${out.longestTaskMs} ms (${out.tasksOver200} over 200 ms); ` +
      `engine start ${sec(out.startMs)} s${out.atOpen ? `; page load → findings ${sec(out.openMs)} s` : ''}; peak tab RSS ${out.peakTabMb ?? '?'} MB; rows shown ${out.rows}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, ...flags] = process.argv.slice(2);
  if (!file) throw new Error('usage: bench-app.ts <file> [--threads on|off|N] [--at-open]');
  const value = flags[flags.indexOf('--threads') + 1];
  const threads = flags.includes('--threads') ? threadsChoiceFromQuery(`?duckdb-threads=${value}`) : undefined;
  try {
    console.log(JSON.stringify(await benchApp(path.resolve(file), threads, flags.includes('--at-open'))));
  } catch (e) {
    console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
  }
  process.exit(0);
}
