// Bundles the Electron main process and preload with esbuild:
//   electron/main/index.ts    → dist/electron/main.cjs
//   electron/preload/index.ts → dist/electron/preload.cjs (sandboxed: may require only 'electron')
// Usage: node scripts/build-electron.mjs [--outdir <dir>] [--watch]
import { build, context } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--outdir');
const outdir = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : resolve(root, 'dist/electron');
const watch = args.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45 ships Node 22
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { 'process.env.NODE_ENV': '"production"' },
};

const targets = [
  { ...common, entryPoints: ['electron/main/index.ts'], outfile: resolve(outdir, 'main.cjs') },
  { ...common, entryPoints: ['electron/preload/index.ts'], outfile: resolve(outdir, 'preload.cjs') },
];

await mkdir(outdir, { recursive: true });
if (watch) {
  for (const t of targets) await (await context(t)).watch();
  console.log(`watching electron/main and electron/preload → ${outdir}`);
} else {
  const started = Date.now();
  await Promise.all(targets.map((t) => build(t)));
  console.log(`built ${targets.map((t) => t.outfile).join(', ')} in ${Date.now() - started} ms`);
}
