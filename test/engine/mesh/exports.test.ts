/**
 * The checks travel: SodaCL and dbt exports of the contract's rules and the check pack. The dbt singular tests
 * run on DuckDB against the demo files and return exactly the rows the MeshLens check flags.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli-in-process';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { quoteIdent } from '../../../shared/engine/sql';
import { DBT_SOURCE, tarFiles, toDbt } from '../../../shared/mesh/export-dbt';
import type { ExportFile } from '../../../shared/mesh/export-dbt';
import { portableRules } from '../../../shared/mesh/export-rules';
import { toSodaCl } from '../../../shared/mesh/export-sodacl';
import { exportContractYaml, parseContract } from '../../../shared/mesh/odcs';
import { checkPackQueries, toPortableSql } from '../../../shared/mesh/portable-sql';
import type { CheckQuery } from '../../../shared/mesh/portable-sql';
import { suggestProduct } from '../../../shared/mesh/product';
import { DEMO_DIR, loadDemo, REFERENCE_DATE } from './demo-loader';
import type { Loaded } from './demo-loader';

const FILES = ['google-ads-campaigns-2026-09.csv', 'meta-ads-2026-09.csv', 'crm-opportunities-2026-09.csv'];
let engine: NodeEngine;
const loaded = new Map<string, { l: Loaded; queries: CheckQuery[] }>();
const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-export-'));

beforeAll(async () => {
  engine = await NodeEngine.create();
  for (const f of FILES) {
    const l = await loadDemo(engine, f);
    const { dataset } = await analyseImport(engine, l.result, { name: f });
    loaded.set(f, { l, queries: await checkPackQueries(engine, dataset, { referenceDate: REFERENCE_DATE }) });
  }
}, 240_000);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const rulesOf = (f: string) => {
  const { l, queries } = loaded.get(f)!;
  const p = suggestProduct(l.facts);
  // The freshness promise as a user who accepted the suggestion keeps it (an un-accepted one is never exported).
  return portableRules(parseContract(exportContractYaml({ ...p, freshness: { ...p.freshness, accepted: true } })), queries);
};

/** A singular dbt test as DuckDB runs it: the source() call replaced by the loaded table. */
function runnable(test: ExportFile, tableName: string): string {
  const sql = test.content
    .split('\n')
    .filter((line) => !line.startsWith('--') && !line.startsWith('{{ config('))
    .join('\n');
  expect(sql.trim()).toMatch(/^select\b/i);
  return sql.replace(/\{\{ source\('meshlens', '[^']+'\) \}\}/g, quoteIdent(tableName));
}

const DOCUMENTED_SODA = /^(missing_count|missing_percent|duplicate_count|invalid_count|invalid_percent)\(.+\) (=|<=|<) [\d.]+%?$|^row_count >= \d+$|^freshness\(.+\) < \d+d$|^failed rows$|^values in \(.+\) must exist in .+$|^\w+ (=|<=) \d+$/;

describe('SodaCL export', () => {
  it('parses as YAML (1.1 and 1.2 alike) with one `checks for <dataset>` key and documented checks only', () => {
    for (const f of FILES) {
      const rules = rulesOf(f);
      const text = toSodaCl(rules, { source: f });
      const doc = parse(text, { version: '1.1' }) as Record<string, unknown[]>;
      expect(doc).toEqual(parse(text, { version: '1.2' }));
      expect(Object.keys(doc)).toEqual([`checks for ${rules.table}`]);
      const checks = doc[`checks for ${rules.table}`]!;
      expect(checks.length).toBeGreaterThan(3);
      for (const c of checks) {
        const key = typeof c === 'string' ? c : Object.keys(c as object)[0]!;
        expect(key, f).toMatch(DOCUMENTED_SODA);
        if (key === 'failed rows') expect((c as Record<string, { 'fail query': string }>)[key]!['fail query']).toMatch(/^SELECT \* FROM \w+ t\nWHERE /);
      }
      const keys = checks.map((c) => (typeof c === 'string' ? c : Object.keys(c as object)[0]!));
      expect(keys.some((k) => k.startsWith('missing_count('))).toBe(true);
      expect(keys.some((k) => k.startsWith('row_count'))).toBe(true);
      expect(keys).toContain('failed rows');
    }
    const google = rulesOf('google-ads-campaigns-2026-09.csv');
    const keys = (parse(toSodaCl(google, { source: 'x' })) as Record<string, unknown[]>)[`checks for ${google.table}`]!.map((c) => Object.keys(c as object)[0]);
    expect(keys).toContain('duplicate_count(Day, Campaign) <= 2');
    expect(keys).toContain('freshness(Day) < 2d');
  });

  it('says which rules could not be exported, in comments', () => {
    const rules = rulesOf('google-ads-campaigns-2026-09.csv');
    expect(rules.notExported.map((n) => n.id)).toEqual(expect.arrayContaining(['pii_detected__campaign', 'date_gaps__day__campaign']));
    const text = toSodaCl(rules, { source: 'x' });
    expect(text).toMatch(/^# Not exported \(no portable form\):$/m);
    expect(text).toMatch(/^# {3}pii_detected__campaign: .*regular expression/m);
  });
});

describe('dbt export', () => {
  it('is a valid schema.yml with generic tests and singular SELECT tests that return exactly the failing rows on DuckDB', async () => {
    for (const f of FILES) {
      const { l, queries } = loaded.get(f)!;
      const rules = rulesOf(f);
      const files = toDbt(rules, { source: f });
      const schema = parse(files[0]!.content, { version: '1.1' }) as { version: number; sources: { name: string; tables: { name: string; columns: { name: string; data_tests: unknown[] }[] }[] }[] };
      expect(schema).toEqual(parse(files[0]!.content));
      expect(schema.version).toBe(2);
      expect(schema.sources[0]!.name).toBe(DBT_SOURCE);
      expect(schema.sources[0]!.tables[0]!.name).toBe(rules.table);
      for (const c of schema.sources[0]!.tables[0]!.columns)
        for (const t of c.data_tests) expect(['not_null', 'unique', 'accepted_values', 'relationships']).toContain(typeof t === 'string' ? t : Object.keys(t as object)[0]);
      const tests = files.slice(1);
      expect(tests.length).toBeGreaterThan(0);
      for (const t of tests) {
        expect(t.path).toMatch(/^tests\/\w+\.sql$/);
        expect(t.content).not.toMatch(/::|\bcontains\(|regexp_|__line/);
        await engine.query(runnable(t, l.result.tableName)); // every singular test runs
      }
      // Each marketing check's singular test returns exactly the rows the check's own predicate flags.
      let compared = 0;
      let withFinding = 0;
      for (const q of queries.filter((x) => x.where !== undefined && !x.countsOtherThanRows && toPortableSql(x.where).ok)) {
        const id = [q.checkId, ...q.columns].join('__').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
        const test = tests.find((t) => t.path === `tests/${rules.table}__${id}.sql`);
        expect(test, `${f}: ${id}`).toBeDefined();
        const got = (await engine.query(`SELECT "__line" FROM (${runnable(test!, l.result.tableName)}) x ORDER BY 1`)).rows.map((r) => Number(r.__line));
        const want = (await engine.query(`SELECT "__line" FROM ${quoteIdent(l.result.tableName)} t WHERE ${q.where} ORDER BY 1`)).rows.map((r) => Number(r.__line));
        expect(got, `${f}: ${id}`).toEqual(want);
        compared++;
        const finding = l.findings.find((x) => x.check === q.checkId && x.columns.join() === q.columns.join());
        if (finding) {
          withFinding++;
          expect(got.length, `${f}: ${id}`).toBe(finding.rows);
          expect(got.slice(0, finding.sample.length)).toEqual(finding.sample.map((s) => s.line));
        }
      }
      expect(compared, f).toBeGreaterThan(3);
      if (f !== 'meta-ads-2026-09.csv') expect(withFinding, f).toBeGreaterThan(0);
    }
  });

  it('the funnel inversion test returns the one planted row of the Google Ads file', async () => {
    const { l } = loaded.get('google-ads-campaigns-2026-09.csv')!;
    const rules = rulesOf('google-ads-campaigns-2026-09.csv');
    const test = toDbt(rules, { source: 'x' }).find((t) => t.path.endsWith('__funnel_inversion__clicks__impr.sql'))!;
    const rows = (await engine.query(runnable(test, l.result.tableName))).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Campaign: 'Generic - E-Bikes' });
  });

  it('writes accepted_values, relationships, unique and not_null from contract rules, and a duplicate key as a singular test', () => {
    const contract = parseContract(`apiVersion: v3.1.0
kind: DataContract
id: x
version: 1.0.0
status: active
schema:
  - name: deals
    properties:
      - name: stage
        required: true
        quality:
          - metric: invalidValues
            arguments: { validValues: [open, won, lost] }
            mustBe: 0
      - name: account_id
        unique: true
        relationships:
          - to: accounts.id
      - name: code
        quality:
          - metric: invalidValues
            arguments: { pattern: '^[A-Z]+$' }
            mustBe: 0
    quality:
      - metric: duplicateValues
        arguments: { properties: [stage, account_id] }
        mustBe: 0
`);
    const rules = portableRules(contract, null);
    const [schema, ...tests] = toDbt(rules, { source: 'deals.csv' });
    const cols = (parse(schema!.content) as { sources: { tables: { columns: { name: string; data_tests: unknown[] }[] }[] }[] }).sources[0]!.tables[0]!.columns;
    expect(cols.find((c) => c.name === 'stage')!.data_tests).toEqual(['not_null', { accepted_values: { arguments: { values: ['open', 'won', 'lost'] } } }]);
    expect(cols.find((c) => c.name === 'account_id')!.data_tests).toEqual(['unique', { relationships: { arguments: { to: "source('meshlens', 'accounts')", field: 'id' } } }]);
    expect(tests.map((t) => t.path)).toEqual(['tests/deals__duplicatevalues.sql']);
    expect(rules.notExported.map((n) => n.reason)).toEqual([expect.stringMatching(/regular-expression pattern/)]);
    const soda = parse(toSodaCl(rules, { source: 'deals.csv' })) as Record<string, Record<string, unknown>[]>;
    expect(soda['checks for deals']!.find((c) => Object.keys(c)[0] === 'invalid_count(stage) = 0')).toMatchObject({ 'invalid_count(stage) = 0': { 'valid values': ['open', 'won', 'lost'] } });
    expect(soda['checks for deals']!.map((c) => Object.keys(c)[0])).toContain('values in (account_id) must exist in accounts (id)');
  });

  it('a tar of the files holds each path and its bytes', () => {
    const tar = tarFiles([{ path: 'models/a.yml', content: 'version: 2\n' }, { path: 'tests/b.sql', content: 'select 1\n' }]);
    expect(tar.length % 512).toBe(0);
    const dec = new TextDecoder();
    expect(dec.decode(tar.subarray(0, 12))).toBe('models/a.yml');
    expect(parseInt(dec.decode(tar.subarray(124, 135)), 8)).toBe(11);
    expect(dec.decode(tar.subarray(512, 523))).toBe('version: 2\n');
    expect(dec.decode(tar.subarray(1024, 1035))).toBe('tests/b.sql');
  });
});

describe('portable SQL', () => {
  it('rewrites DuckDB casts and contains(), and refuses what it cannot translate', () => {
    expect(toPortableSql(`t."Day"::DATE > DATE '2026-10-05'`)).toEqual({ ok: true, sql: `CAST(t."Day" AS DATE) > DATE '2026-10-05'` });
    expect(toPortableSql(`t."a"::DOUBLE / t."b"::DOUBLE`)).toEqual({ ok: true, sql: `CAST(t."a" AS DOUBLE PRECISION) / CAST(t."b" AS DOUBLE PRECISION)` });
    expect(toPortableSql(`contains(lower(t."c"), '(not set)')`)).toEqual({ ok: true, sql: `POSITION('(not set)' IN lower(t."c")) > 0` });
    expect(toPortableSql(`regexp_matches(t."c", 'x')`)).toMatchObject({ ok: false });
    expect(toPortableSql(`t."__line" > 1`)).toMatchObject({ ok: false });
    expect(toPortableSql(`(a + b)::INT`)).toMatchObject({ ok: false });
  });
});

describe('meshlens contract export', () => {
  const cli = cliInProcess;
  const sept = path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv');

  it('--format sodacl prints SodaCL and names the rules it could not export on stderr', async () => {
    const r = await cli('contract', 'export', sept, '--format', 'sodacl', '--reference-date', REFERENCE_DATE);
    expect(r.code).toBe(0);
    expect(Object.keys(parse(r.stdout) as object)).toEqual(['checks for google_ads_campaigns_2026_09']);
    expect(r.stderr).toMatch(/^not exported: pii_detected__campaign \(.*\): its SQL uses a regular expression/m);
  });

  it('--format dbt writes schema.yml and singular tests into a directory; odcs stays available', async () => {
    const out = path.join(dir, 'dbt');
    const r = await cli('contract', 'export', sept, '--format', 'dbt', '--out', out, '--reference-date', REFERENCE_DATE);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(out, 'models'))).toEqual(['google_ads_campaigns_2026_09_sources.yml']);
    expect(readdirSync(path.join(out, 'tests')).length).toBeGreaterThan(3);
    expect(readFileSync(path.join(out, 'models/google_ads_campaigns_2026_09_sources.yml'), 'utf8')).toContain('# Not exported (no portable form):');
    const odcs = await cli('contract', 'export', sept, '--format', 'odcs', '--reference-date', REFERENCE_DATE);
    expect(parseContract(odcs.stdout).kind).toBe('DataContract');
    expect((await cli('contract', 'export', sept, '--format', 'dbt')).code).toBe(2);
    expect((await cli('contract', 'export', sept, '--format', 'great-expectations')).code).toBe(2);
  });
});
