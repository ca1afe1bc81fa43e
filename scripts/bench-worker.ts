/**
 * One benchmark measurement in its own process, so peak memory (maxRSS) belongs to that engine alone.
 * Usage: node --import tsx scripts/bench-worker.ts <meshlens|native> <file>
 * Prints one JSON line: { loadMs, rows, peakRssMb, ... }.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [mode, file] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: bench-worker <meshlens|native> <file>');

async function meshlens() {
  const { NodeEngine } = await import('../electron/engine/node-engine');
  const { importFile } = await import('../shared/import/index');
  const t0 = performance.now();
  const engine = await NodeEngine.create();
  const t1 = performance.now();
  const bytes = new Uint8Array(readFileSync(file!));
  const result = await importFile(engine, { path: file!, name: path.basename(file!), bytes });
  const t2 = performance.now();
  return { startMs: t1 - t0, loadMs: t2 - t1, rows: result.rows, summaryRows: result.summaryRows.length, columns: result.columns.map((c) => `${c.name}:${c.type}`) };
}

async function native() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const t1 = performance.now();
  // The same file with the same hints MeshLens works out for itself (2 title rows, comma, header).
  await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file!.replace(/'/g, "''")}', skip=2, header=true, delim=',', quote='"', ignore_errors=true)`);
  const t2 = performance.now();
  const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
  return { startMs: t1 - t0, loadMs: t2 - t1, rows };
}

const out = mode === 'native' ? await native() : await meshlens();
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify({ mode, ...out, peakRssMb }) + '\n');
process.exit(0);
