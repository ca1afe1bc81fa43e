/** Run the real `meshlens` command as a child process, the way a user runs it. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(ROOT, 'bin/meshlens.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * `node [nodeArgs] bin/meshlens.mjs args…`, running the bundle built from the sources under test
 * (test/helpers/cli-bundle.ts); killed after timeoutMs so a hang fails the test instead of stalling it.
 */
export function runCli(args: string[], opts: { nodeArgs?: string[]; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  const bundle = inject('cliBundle');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...(bundle ? { MESHLENS_CLI_BUNDLE: bundle } : {}), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 240_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** stderr without noise that is not ours (npm config warnings inherited from the environment). */
export function ownStderr(run: CliRun): string {
  return run.stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^npm warn /i.test(l))
    .join('\n');
}

/** A usage or input failure: exit 2, exactly one line on stderr, no stack trace, nothing on stdout. */
export function expectOneLineFailure(run: CliRun): string {
  const err = ownStderr(run);
  if (run.code !== 2) throw new Error(`expected exit 2, got ${run.code} (${run.signal ?? ''}); stderr: ${run.stderr}`);
  if (err.split('\n').length !== 1) throw new Error(`expected one stderr line, got:\n${err}`);
  if (/\n\s+at |Error: .*\n|node:internal|\.ts:\d+/.test(run.stderr)) throw new Error(`stack trace on stderr:\n${run.stderr}`);
  if (run.stdout !== '') throw new Error(`unexpected stdout: ${run.stdout}`);
  return err;
}
