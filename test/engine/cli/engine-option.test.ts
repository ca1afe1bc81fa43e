/**
 * `--engine native|wasm`: the CLI runs on native DuckDB by default and on duckdb-wasm when asked; both
 * print the same audit (the conformance suite holds every fixture to that). A wrong value is a usage error.
 */
import { describe, expect, it, vi } from 'vitest';
import { fixture } from '../import/helpers';
import { expectOneLineFailure, runCli } from './run-cli';

vi.setConfig({ testTimeout: 300_000 });

describe('--engine', () => {
  it('the default (native) and --engine wasm print the same audit', async () => {
    const args = ['audit', fixture('google-ads-comma-quoted-numbers-bounded-percent.csv'), '--json', '--reference-date', '2026-01-25', '--no-fail'];
    const native = await runCli(args);
    const wasm = await runCli([...args, '--engine', 'wasm']);
    expect(native.code, native.stderr).toBe(0);
    expect(wasm.code, wasm.stderr).toBe(0);
    expect(JSON.parse(native.stdout)).toEqual(JSON.parse(wasm.stdout));
    const explicit = await runCli([...args, '--engine=native']);
    expect(explicit.stdout).toBe(native.stdout);
  });

  it('an unknown engine is a usage error with one line', async () => {
    const run = await runCli(['inspect', fixture('ragged-rows.csv'), '--engine', 'sqlite']);
    expect(expectOneLineFailure(run)).toBe('meshlens inspect: --engine must be native or wasm');
  });
});
