/**
 * MeshLens promises to work offline and send nothing anywhere. These runs `--import` a preload that
 * records (and refuses) every network attempt: sockets, TLS, http/https, DNS, fetch. Importing,
 * profiling/auditing and exporting (CSV and Parquet) must record none. A control run proves the
 * recorder works, so the test can fail.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { fixture, tempDir } from '../import/helpers';
import { ROOT, runCli } from './run-cli';

const PRELOAD = path.join(ROOT, 'test/engine/cli/no-network-preload.mjs');
// Each CLI run starts Node and duckdb-wasm; on a loaded shared machine that alone can take a minute.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

let dir: string;
beforeAll(() => {
  dir = tempDir('meshlens-offline-');
});

function attempts(log: string): { kind: string; detail: string }[] {
  const text = readFileSync(log, 'utf8').trim();
  return text ? text.split('\n').map((l) => JSON.parse(l) as { kind: string; detail: string }) : [];
}

async function offlineRun(name: string, args: string[]) {
  const log = path.join(dir, `${name}.net.jsonl`);
  const run = await runCli(args, { nodeArgs: ['--import', PRELOAD], env: { MESHLENS_NET_LOG: log } });
  return { run, attempts: attempts(log) };
}

describe('no network access', () => {
  it('control: the recorder catches fetch, http, sockets and DNS', async () => {
    const script = path.join(dir, 'control.cjs');
    writeFileSync(
      script,
      `const http = require('node:http'); const net = require('node:net'); const dns = require('node:dns');
       fetch('http://example.invalid/').catch(() => {});
       try { http.get('http://example.invalid/'); } catch {}
       try { net.connect(80, 'example.invalid'); } catch {}
       dns.lookup('example.invalid', () => {});`,
    );
    const { spawnSync } = await import('node:child_process');
    const log = path.join(dir, 'control.net.jsonl');
    const r = spawnSync(process.execPath, ['--import', PRELOAD, script], { env: { ...process.env, MESHLENS_NET_LOG: log }, timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(attempts(log).map((a) => a.kind).sort()).toEqual(['dns.lookup', 'fetch', 'http.get', 'net.connect']);
  });

  it.each([
    ['inspect (UTF-16 Google Ads, GA4, XLSX-free CSVs, JSON)', ['inspect', fixture('google-ads-utf16le-tab-title-totals.csv'), fixture('ga4-comment-preamble-grand-total-two-tables.csv'), fixture('records-array.json'), '--json']],
    ['export to Parquet', ['export', fixture('semicolon-decimal-comma-euro.csv'), '--out', '{dir}/offline.parquet']],
    ['export to CSV', ['export', fixture('meta-ads-utf8-bom.csv'), '--out', '{dir}/offline.csv']],
    ['audit (profiling and checks)', ['audit', fixture('google-ads-utf16le-tab-title-totals.csv'), '--json', '--no-fail']],
  ])('%s attempts no network access', async (label, args) => {
    const { run, attempts: seen } = await offlineRun(label.split(' ')[0]! + args.length, args.map((a) => a.replace('{dir}', dir)));
    expect(run.code, run.stderr).toBe(0);
    expect(seen).toEqual([]);
  });

  it('parquet written offline reads back offline', async () => {
    const { run, attempts: seen } = await offlineRun('inspect-parquet', ['inspect', path.join(dir, 'offline.parquet'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(seen).toEqual([]);
    expect((JSON.parse(run.stdout) as { files: { rows: number }[] }).files[0]!.rows).toBe(3);
  });
});

describe('extension autoloading is off in the engine', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('autoinstall and autoload are false', async () => {
    const r = await engine.query(
      "SELECT current_setting('autoinstall_known_extensions') AS install, current_setting('autoload_known_extensions') AS autoload",
    );
    expect(r.rows[0]).toEqual({ install: false, autoload: false });
  });

  it('a statement that would need a missing extension fails at once instead of downloading it', async () => {
    const started = Date.now();
    await expect(engine.exec(`COPY (SELECT 1 AS x) TO '${path.join(dir, 'needs-ext.parquet')}' (FORMAT parquet)`)).rejects.toThrow(/parquet/i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
