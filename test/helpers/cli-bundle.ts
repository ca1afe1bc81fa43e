/**
 * Vitest global setup: the CLI tests run the built `meshlens` bundle, the way users run it, and it must
 * be built from the sources under test, never a stale one. The bundle is built into
 * dist/cli-test/<hash of the sources>/ (esbuild, about a second) only when the sources changed, and its
 * path is handed to test/engine/cli/run-cli.ts, which runs bin/meshlens.mjs with MESHLENS_CLI_BUNDLE.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from './standards';

declare module 'vitest' {
  export interface ProvidedContext {
    cliBundle: string;
  }
}

const SOURCES = ['electron', 'shared', 'scripts/build-cli.mjs', 'package.json'];

function hashSources(): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    const full = path.join(REPO_ROOT, p);
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(path.join(p, name));
    } else if (/\.(ts|mts|mjs|js|json)$/.test(p)) {
      hash.update(p).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const s of SOURCES) walk(s);
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const base = path.join(REPO_ROOT, 'dist/cli-test');
  const dir = path.join(base, hashSources());
  if (!existsSync(path.join(dir, 'meshlens.mjs'))) {
    const { buildCli } = (await import(path.join(REPO_ROOT, 'scripts/build-cli.mjs'))) as {
      buildCli: (target: string) => Promise<{ entry: string } | null>;
    };
    const built = await buildCli(dir);
    if (!built) throw new Error('esbuild is missing: cannot build the CLI for the tests (run npm install)');
    // Keep only this build: older ones are for sources that no longer exist.
    for (const old of readdirSync(base)) if (path.join(base, old) !== dir && !old.includes('.')) rmSync(path.join(base, old), { recursive: true, force: true });
  }
  project.provide('cliBundle', path.join(dir, 'meshlens.mjs'));
}
