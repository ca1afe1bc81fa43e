// Bundles the `meshlens` command with esbuild: electron/cli/index.ts → dist/cli/meshlens.mjs (+ chunks).
// Runs on install (`prepare`), in `npm run build`, and before the CLI tests (test/helpers/cli-bundle.ts).
//
// - ESM with code splitting: each command is a dynamic import, so `meshlens --version` and `--help` load
//   only the small entry chunk, and `inspect` never loads the Parquet or contract code it does not use.
// - Packages holding .wasm, worker or native .node files (duckdb-wasm, @duckdb/node-api, parquet-wasm) and
//   apache-arrow (which must be the same CJS instance duckdb-wasm uses) stay external: they are resolved from node_modules at run
//   time, walking up from dist/cli/. Everything else (shared/, zod, yaml, fflate, …) is bundled.
// - The output is written to a fresh folder and swapped in, so a half-written bundle is never run.
//
// Usage: node scripts/build-cli.mjs [--outdir <dir>] [--if-possible]
//   --if-possible (the `prepare` script): a failed build warns and removes the old bundle instead of failing
//   `npm install`; bin/meshlens.mjs then runs the sources through tsx. `npm run build` and the tests fail loudly.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--outdir');
const outdir = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : resolve(root, 'dist/cli');

/** Build the CLI into `outdir`; returns the entry file. Exported for the test setup. */
export async function buildCli(target = outdir) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without devDependencies (npm ci --omit=dev): bin/meshlens.mjs explains what to do.
    console.warn('meshlens: esbuild is not installed, so the CLI bundle was not built (bin/meshlens.mjs falls back to tsx).');
    return null;
  }
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const started = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { meshlens: 'electron/cli/index.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: target,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'meshlens-[name]-[hash]',
    external: ['@duckdb/*', 'apache-arrow', 'parquet-wasm'],
    // Bundled CommonJS code may call require(): give ESM chunks a real one.
    banner: { js: "import { createRequire as __meshlensCreateRequire } from 'node:module'; const require = __meshlensCreateRequire(import.meta.url);" },
    define: { 'process.env.NODE_ENV': '"production"', __MESHLENS_VERSION__: JSON.stringify(version) },
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  // Write into a sibling folder, then swap it in: the old bundle keeps working until the new one is whole.
  const staging = `${target}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await mkdir(dirname(target), { recursive: true });
  for (const f of result.outputFiles) await writeFile(join(staging, f.path.slice(target.length + 1)), f.contents);
  const old = `${target}.${process.pid}.old`;
  await rename(target, old).catch(() => undefined);
  try {
    await rename(staging, target);
  } catch (err) {
    // Another build (a parallel test run) put its copy in place first: same sources, keep that one.
    await rm(staging, { recursive: true, force: true });
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
  }
  await rm(old, { recursive: true, force: true });
  return { entry: join(target, 'meshlens.mjs'), ms: Date.now() - started };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const built = await buildCli();
    if (built) console.log(`built ${built.entry} in ${built.ms} ms`);
  } catch (err) {
    if (!args.includes('--if-possible')) throw err;
    await rm(outdir, { recursive: true, force: true });
    console.warn(`meshlens: the CLI bundle could not be built (${String(err.message).split('\n')[0]}); bin/meshlens.mjs will run the sources through tsx.`);
  }
}
