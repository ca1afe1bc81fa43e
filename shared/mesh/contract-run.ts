/**
 * Run an ODCS contract against a loaded export: schema drift (missing, extra, retyped columns, with breaking
 * changes called out) and the contract's quality rules, each with the number it measured.
 */
import type { Engine } from '../engine/types';
import { isInternalColumn, quoteIdent, quoteLiteral } from '../engine/sql';
import type { OdcsContract, OdcsProperty, OdcsQuality, OdcsSchemaObject } from './odcs';
import { logicalTypeOf } from './product';
import type { FactsSource } from './facts';

export interface SchemaDrift {
  column: string;
  change: 'missing' | 'extra' | 'retyped';
  expected?: string;
  actual?: string;
  breaking: boolean;
  message: string;
}

export interface RuleResult {
  id: string;
  title: string;
  column?: string;
  status: 'pass' | 'fail' | 'not-run';
  actual: number | null;
  /** The promise in words, e.g. "≤ 1 percent". */
  expected: string;
  message: string;
  severity: string;
}

export interface ContractReport {
  contractId: string;
  contractName: string;
  schemaName: string;
  rows: number;
  drift: SchemaDrift[];
  rules: RuleResult[];
  breakingChanges: number;
  failedRules: number;
  /** True when nothing breaks and no rule fails. */
  ok: boolean;
}

/** Runs a MeshLens check by id and returns the rows it flags (null when the check is unknown). */
export type CheckRunner = (checkId: string) => Promise<number | null>;

const COMPATIBLE: Record<string, string[]> = {
  number: ['integer'],
  timestamp: ['date'],
  string: ['integer', 'number', 'date', 'timestamp', 'boolean', 'time'],
};

function pickSchemaObject(contract: OdcsContract, names: Set<string>): OdcsSchemaObject | undefined {
  let best: OdcsSchemaObject | undefined;
  let bestScore = -1;
  for (const obj of contract.schema ?? []) {
    const score = (obj.properties ?? []).filter((p) => names.has((p.physicalName ?? p.name).toLowerCase())).length;
    if (score > bestScore) [best, bestScore] = [obj, score];
  }
  return best;
}

const OPERATORS: [string, string, (a: number, v: number) => boolean][] = [
  ['mustBe', '=', (a, v) => a === v],
  ['mustNotBe', '≠', (a, v) => a !== v],
  ['mustBeGreaterThan', '>', (a, v) => a > v],
  ['mustBeGreaterOrEqualTo', '≥', (a, v) => a >= v],
  ['mustBeLessThan', '<', (a, v) => a < v],
  ['mustBeLessOrEqualTo', '≤', (a, v) => a <= v],
];

/** Compare a measured value with the rule's operator; rules without one default to "must be 0". */
export function compare(q: OdcsQuality, actual: number): { pass: boolean; expected: string } {
  const unit = typeof q.unit === 'string' ? ` ${q.unit}` : '';
  for (const [key, sym, fn] of OPERATORS) {
    const v = q[key];
    if (typeof v === 'number') return { pass: fn(actual, v), expected: `${sym} ${v}${unit}` };
  }
  const between = q.mustBeBetween ?? q.mustNotBeBetween;
  if (Array.isArray(between) && between.length === 2) {
    const [lo, hi] = between.map(Number) as [number, number];
    const inside = actual >= lo && actual <= hi;
    return q.mustBeBetween ? { pass: inside, expected: `between ${lo} and ${hi}${unit}` } : { pass: !inside, expected: `not between ${lo} and ${hi}${unit}` };
  }
  return { pass: actual === 0, expected: `= 0${unit}` };
}

export interface RunOptions {
  checks?: CheckRunner;
}

export async function runContract(engine: Engine, source: FactsSource, contract: OdcsContract, options: RunOptions = {}): Promise<ContractReport> {
  const table = quoteIdent(source.tableName);
  const actual = source.columns.filter((c) => !isInternalColumn(c.name));
  const byLower = new Map(actual.map((c) => [c.name.toLowerCase(), c]));
  const obj = pickSchemaObject(contract, new Set(byLower.keys()));
  const rows = Number((await engine.query(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);

  const drift: SchemaDrift[] = [];
  const resolved = new Map<string, string>(); // contract property name → column in the data
  const expectedNames = new Set<string>();
  for (const p of obj?.properties ?? []) {
    const want = p.physicalName ?? p.name;
    expectedNames.add(want.toLowerCase());
    const col = actual.find((c) => c.name === want) ?? byLower.get(want.toLowerCase());
    if (!col) {
      drift.push({ column: want, change: 'missing', expected: p.logicalType, breaking: true, message: `Column "${want}" is missing: consumers that read it will fail.` });
      continue;
    }
    resolved.set(p.name, col.name);
    const got = logicalTypeOf(col.type);
    if (p.logicalType && p.logicalType !== got) {
      const compatible = COMPATIBLE[p.logicalType]?.includes(got) ?? false;
      drift.push({
        column: want,
        change: 'retyped',
        expected: p.logicalType,
        actual: got,
        breaking: !compatible,
        message: compatible
          ? `"${want}" now reads as ${got} (contract: ${p.logicalType}); existing readers still work.`
          : `"${want}" changed from ${p.logicalType} to ${got}: a breaking change for consumers.`,
      });
    }
  }
  for (const c of actual) {
    if (!expectedNames.has(c.name.toLowerCase()))
      drift.push({ column: c.name, change: 'extra', actual: logicalTypeOf(c.type), breaking: false, message: `New column "${c.name}" is not in the contract (not breaking; add it to the contract if consumers need it).` });
  }

  const rules: RuleResult[] = [];
  for (const p of obj?.properties ?? []) {
    const col = resolved.get(p.name);
    if (p.required) rules.push(await builtIn(engine, table, col, p, 'required', rows));
    if (p.unique) rules.push(await builtIn(engine, table, col, p, 'unique', rows));
    for (const q of p.quality ?? []) rules.push(await runRule(engine, table, q, rows, p.name, col, options));
  }
  for (const q of obj?.quality ?? []) rules.push(await runRule(engine, table, q, rows, undefined, undefined, options, resolved));

  const breakingChanges = drift.filter((d) => d.breaking).length;
  const failedRules = rules.filter((r) => r.status === 'fail').length;
  return {
    contractId: contract.id,
    contractName: contract.name ?? contract.dataProduct ?? contract.id,
    schemaName: obj?.name ?? '(no schema)',
    rows,
    drift,
    rules,
    breakingChanges,
    failedRules,
    ok: breakingChanges === 0 && failedRules === 0,
  };
}

async function count(engine: Engine, sql: string): Promise<number> {
  const r = await engine.query(sql);
  const first = r.rows[0];
  const v = first ? Object.values(first)[0] : null;
  return v === null || v === undefined ? 0 : Number(v);
}

async function builtIn(engine: Engine, table: string, col: string | undefined, p: OdcsProperty, kind: 'required' | 'unique', rows: number): Promise<RuleResult> {
  const base = { id: `${kind}_${p.id ?? p.name}`, column: p.name, severity: 'error' };
  const title = kind === 'required' ? `${p.name} is always filled` : `${p.name} values are unique`;
  if (!col) return { ...base, title, status: 'not-run', actual: null, expected: '= 0 rows', message: 'Column is missing.' };
  const q = quoteIdent(col);
  const n =
    kind === 'required'
      ? await count(engine, `SELECT count(*) - count(${q}) FROM ${table}`)
      : await count(engine, `SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM ${table} WHERE ${q} IS NOT NULL GROUP BY ${q} HAVING count(*) > 1)`);
  const what = kind === 'required' ? 'empty' : 'duplicated';
  return { ...base, title, status: n === 0 ? 'pass' : 'fail', actual: n, expected: '= 0 rows', message: n === 0 ? 'Holds.' : `${n} of ${rows} rows are ${what}.` };
}

const SAFE_SQL = /^\s*(select|with)\b[^;]*;?\s*$/i;

async function runRule(
  engine: Engine,
  table: string,
  q: OdcsQuality,
  rows: number,
  property: string | undefined,
  col: string | undefined,
  options: RunOptions,
  resolved?: Map<string, string>,
): Promise<RuleResult> {
  const metric = (q.metric ?? q.rule) as string | undefined;
  const type = (q.type as string | undefined) ?? (metric ? 'library' : 'text');
  const id = String(q.id ?? q.name ?? metric ?? type);
  const title = String(q.name ?? q.description ?? metric ?? type);
  const severity = String(q.severity ?? 'error');
  const base = { id, title, severity, ...(property ? { column: property } : {}) };
  const notRun = (message: string): RuleResult => ({ ...base, status: 'not-run', actual: null, expected: '', message });
  const asPercent = q.unit === 'percent';
  const finish = (n: number): RuleResult => {
    const value = asPercent ? (rows ? Math.round((n / rows) * 10000) / 100 : 0) : n;
    const { pass, expected } = compare(q, value);
    return { ...base, status: pass ? 'pass' : 'fail', actual: value, expected, message: pass ? 'Holds.' : `Measured ${value}${asPercent ? '%' : ''}, promised ${expected}.` };
  };

  if (type === 'library') {
    if (metric === 'rowCount') return finish(rows);
    const args = (q.arguments ?? {}) as Record<string, unknown>;
    if (metric === 'duplicateValues' && !property) {
      const names = Array.isArray(args.properties) ? args.properties.map(String) : [];
      const cols = names.map((n) => resolved?.get(n));
      if (!cols.length) return notRun('No columns named for the duplicate check.');
      const missing = names.filter((_, i) => cols[i] === undefined);
      if (missing.length) return notRun(`Column ${missing.map((m) => `"${m}"`).join(', ')} is missing.`);
      const list = (cols as string[]).map(quoteIdent).join(', ');
      return finish(await count(engine, `SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM ${table} GROUP BY ${list} HAVING count(*) > 1)`));
    }
    if (!property) return notRun(`Metric ${metric ?? '(none)'} needs a column.`);
    if (!col) return notRun(`Column "${property}" is missing.`);
    const c = quoteIdent(col);
    const text = `CAST(${c} AS VARCHAR)`;
    switch (metric) {
      case 'nullValues':
        return finish(await count(engine, `SELECT count(*) - count(${c}) FROM ${table}`));
      case 'missingValues': {
        const extra = Array.isArray(args.missingValues) ? args.missingValues.filter((v) => v !== null).map((v) => quoteLiteral(String(v))) : [];
        const list = ["''", ...extra].join(', ');
        return finish(await count(engine, `SELECT count(*) FILTER (WHERE ${c} IS NULL OR trim(${text}) IN (${list})) FROM ${table}`));
      }
      case 'invalidValues': {
        if (Array.isArray(args.validValues)) {
          const valid = args.validValues.filter((v) => v !== null).map((v) => quoteLiteral(String(v)));
          if (!valid.length) return notRun('validValues is empty.');
          return finish(await count(engine, `SELECT count(*) FILTER (WHERE ${c} IS NOT NULL AND ${text} NOT IN (${valid.join(', ')})) FROM ${table}`));
        }
        if (typeof args.pattern === 'string')
          return finish(await count(engine, `SELECT count(*) FILTER (WHERE ${c} IS NOT NULL AND NOT regexp_full_match(${text}, ${quoteLiteral(args.pattern)})) FROM ${table}`));
        return notRun('invalidValues needs validValues or pattern.');
      }
      case 'duplicateValues':
        return finish(await count(engine, `SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM ${table} WHERE ${c} IS NOT NULL GROUP BY ${c} HAVING count(*) > 1)`));
      default:
        return notRun(`Metric ${metric ?? '(none)'} is not one MeshLens can run.`);
    }
  }
  if (type === 'sql') {
    const query = typeof q.query === 'string' ? q.query : '';
    if (!SAFE_SQL.test(query)) return notRun('Only a single SELECT query is run from a contract.');
    const sql = query.replace(/\$\{table\}|\{table\}/g, table).replace(/\$\{column\}|\{column\}/g, col ? quoteIdent(col) : 'NULL').replace(/;\s*$/, '');
    try {
      return finish(await count(engine, sql));
    } catch (err) {
      return notRun(`The query failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    }
  }
  if (type === 'custom') {
    if (q.engine !== 'meshlens' || typeof q.implementation !== 'string') return notRun(`Rules for engine "${String(q.engine)}" run outside MeshLens.`);
    const n = options.checks ? await options.checks(q.implementation) : null;
    if (n === null) return notRun(`MeshLens check "${q.implementation}" is not available here.`);
    return { ...base, status: n === 0 ? 'pass' : 'fail', actual: n, expected: '= 0 rows', message: n === 0 ? 'Holds.' : `${n} rows flagged.` };
  }
  return notRun('A rule written in words: review it by hand.');
}
