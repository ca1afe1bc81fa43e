/**
 * Profile + audit benchmark: MeshLens (duckdb-wasm, the real importer) against native DuckDB
 * (@duckdb/node-api) running the same profile and check SQL. The native side gets an Engine adapter, so
 * both run exactly the same shared/ code and statements; only the database differs. Its load is the
 * nearest native equivalent of the import: read_csv as text, then a typed table with TRY_CAST (thousands
 * separators, % and currency symbols stripped), totals rows dropped, a `__line` column added.
 *
 * Usage: node --import tsx scripts/bench-audit.ts <file> [--json]   (npm run bench calls it per size)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeEngine } from '../electron/engine/node-engine';
import { analyseImport } from '../shared/audit/dataset';
import { runChecks } from '../shared/checks/runner';
import { quoteIdent, quoteLiteral } from '../shared/engine/sql';
import type { Engine, QueryResult, Row, Scalar } from '../shared/engine/types';
import { importFile } from '../shared/import/index';
import type { ImportResult } from '../shared/import/types';

export interface AuditTimings {
  rows: number;
  findings: number;
  loadMs: number;
  profileMs: number;
  checksMs: number;
  totalMs: number;
  /** CPU time of the process (all threads) for load + profile + checks: steadier than wall time on a busy machine. */
  cpuMs: number;
}

export interface BenchAuditResult {
  file: string;
  meshlens: AuditTimings & { startMs: number };
  native: AuditTimings & { startMs: number; version: string };
  /** MeshLens / native for the audit alone (profile + checks) and for the whole audit with load. */
  ratios: { audit: number; total: number; load: number; cpu: number };
  referenceDate: string;
}

const REFERENCE_DATE = '2026-12-31';

/** Engine over native DuckDB: only what profile and checks use (query, exec). */
async function nativeEngine() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const version = String((await conn.runAndReadAll('SELECT version()')).getRows()[0]![0]);
  const toScalar = (v: unknown): Scalar => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'bigint') return Number(v);
    return String(v);
  };
  const engine: Engine = {
    kind: 'node-wasm',
    async query<T extends Row = Row>(sql: string): Promise<QueryResult<T>> {
      const reader = await conn.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes().map((t) => t.toString());
      const rows = reader
        .getRowsJS()
        .map((r) => Object.fromEntries(names.map((n, i) => [n, toScalar(r[i])])) as T);
      return { columns: names.map((name, i) => ({ name, type: types[i]! })), rows };
    },
    async exec(sql: string) {
      await conn.run(sql);
    },
    registerFile: () => Promise.reject(new Error('not used')),
    dropFile: () => Promise.reject(new Error('not used')),
    insertArrowIPC: () => Promise.reject(new Error('not used')),
    copyToBytes: () => Promise.reject(new Error('not used')),
    queryArrowIPC: () => Promise.reject(new Error('not used')),
    cancel: async () => undefined,
    close: async () => conn.closeSync(),
  };
  return { engine, version };
}

/** Native load equivalent to the import, typed like MeshLens typed it. */
function nativeLoadSql(file: string, result: ImportResult): string {
  const skip = (result.headerLine ?? 1) - 1;
  const first = result.columns[0]!.originalName;
  const delim = result.delimiter ?? ',';
  const cast = result.columns.map((c) => {
    const src = quoteIdent(c.originalName);
    const clean = `nullif(regexp_replace(trim(${src}), '[,%$€£¥ ]', '', 'g'), '--')`;
    if (/INT|DOUBLE|DECIMAL|FLOAT/.test(c.type))
      return `TRY_CAST(${clean} AS ${c.type}) AS ${quoteIdent(c.name)}`;
    if (c.type === 'DATE') return `TRY_CAST(${src} AS DATE) AS ${quoteIdent(c.name)}`;
    return `${src} AS ${quoteIdent(c.name)}`;
  });
  return `CREATE TABLE t_raw AS SELECT (row_number() OVER () + ${skip + 1})::INTEGER AS __line, * FROM read_csv(${quoteLiteral(file)}, skip=${skip}, header=true, delim=${quoteLiteral(delim)}, all_varchar=true, null_padding=true, strict_mode=false);
    DELETE FROM t_raw WHERE ${quoteIdent(first)} ILIKE 'total%';
    CREATE TABLE t AS SELECT __line, ${cast.join(', ')} FROM t_raw;`;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function audit(
  engine: Engine,
  result: ImportResult,
): Promise<Omit<AuditTimings, 'loadMs' | 'totalMs' | 'cpuMs'>> {
  const t0 = performance.now();
  const { dataset } = await analyseImport(engine, result);
  const t1 = performance.now();
  const findings = await runChecks(engine, dataset, { referenceDate: REFERENCE_DATE });
  const t2 = performance.now();
  return { rows: dataset.rows, findings: findings.length, profileMs: t1 - t0, checksMs: t2 - t1 };
}

export async function benchAudit(file: string): Promise<BenchAuditResult> {
  const t0 = performance.now();
  const wasm = await NodeEngine.create();
  const t1 = performance.now();
  const c1 = cpuNow();
  const result = await importFile(wasm, {
    path: file,
    name: path.basename(file),
    bytes: new Uint8Array(readFileSync(file)),
  });
  const t2 = performance.now();
  const m = await audit(wasm, result);
  const c2 = cpuNow();
  await wasm.close();
  const meshlens = {
    ...m,
    startMs: t1 - t0,
    loadMs: t2 - t1,
    totalMs: t2 - t1 + m.profileMs + m.checksMs,
    cpuMs: c2 - c1,
  };

  const n0 = performance.now();
  const nat = await nativeEngine();
  const n1 = performance.now();
  const d1 = cpuNow();
  await nat.engine.exec(nativeLoadSql(path.resolve(file), result));
  const n2 = performance.now();
  const rowCount = Number(
    (await nat.engine.query<{ n: number }>('SELECT count(*) AS n FROM t')).rows[0]?.n ?? 0,
  );
  const nr = await audit(nat.engine, { ...result, tableName: 't', rawTableName: 't_raw', rows: rowCount });
  const d2 = cpuNow();
  await nat.engine.close();
  const native = {
    ...nr,
    startMs: n1 - n0,
    loadMs: n2 - n1,
    totalMs: n2 - n1 + nr.profileMs + nr.checksMs,
    cpuMs: d2 - d1,
    version: nat.version,
  };
  return {
    file,
    meshlens,
    native,
    ratios: {
      audit: (meshlens.profileMs + meshlens.checksMs) / (native.profileMs + native.checksMs),
      total: meshlens.totalMs / native.totalMs,
      load: meshlens.loadMs / native.loadMs,
      cpu: meshlens.cpuMs / native.cpuMs,
    },
    referenceDate: REFERENCE_DATE,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function formatBenchAudit(r: BenchAuditResult): string {
  const m = r.meshlens;
  const n = r.native;
  return [
    `MeshLens audit (wasm): load ${s(m.loadMs)} + profile ${s(m.profileMs)} + checks ${s(m.checksMs)} = ${s(m.totalMs)} (CPU ${s(m.cpuMs)}), ${m.rows} rows, ${m.findings} finding(s)`,
    `native DuckDB ${n.version} (same profile/check SQL): load ${s(n.loadMs)} + profile ${s(n.profileMs)} + checks ${s(n.checksMs)} = ${s(n.totalMs)} (CPU ${s(n.cpuMs)}, all threads), ${n.rows} rows, ${n.findings} finding(s)`,
    `ratio MeshLens/native: profile+checks ${r.ratios.audit.toFixed(2)}x, whole audit with load ${r.ratios.total.toFixed(2)}x (target ≤ 3x); CPU time ${r.ratios.cpu.toFixed(2)}x`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node --import tsx scripts/bench-audit.ts <file> [--json]');
    process.exit(2);
  }
  const r = await benchAudit(file);
  console.log(process.argv.includes('--json') ? JSON.stringify(r) : formatBenchAudit(r));
  process.exit(0);
}
