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
  /** Rules that could not run (a missing column, an engine MeshLens does not have, a rule in words). */
  skippedRules: number;
  /** True when nothing breaks, no rule fails and every rule ran: a rule that could not run proves nothing. */
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
  const typeOf = new Map(actual.map((c) => [c.name, c.type]));
  const missing = drift.filter((d) => d.change === 'missing').map((d) => d.column);
  const at = (col: string | undefined): RuleColumn | undefined => (col ? { name: col, type: typeOf.get(col) ?? '' } : undefined);
  for (const p of obj?.properties ?? []) {
    const col = resolved.get(p.name);
    if (p.required) rules.push(await builtIn(engine, table, col, p, 'required', rows));
    if (p.unique) rules.push(await builtIn(engine, table, col, p, 'unique', rows));
    for (const q of p.quality ?? []) rules.push(await runRule({ engine, table, rows, options, resolved, missing }, q, p.name, at(col)));
  }
  for (const q of obj?.quality ?? []) rules.push(await runRule({ engine, table, rows, options, resolved, missing }, q, undefined, undefined));

  const breakingChanges = drift.filter((d) => d.breaking).length;
  const failedRules = rules.filter((r) => r.status === 'fail').length;
  const skippedRules = rules.filter((r) => r.status === 'not-run').length;
  return {
    contractId: contract.id,
    contractName: contract.name ?? contract.dataProduct ?? contract.id,
    schemaName: obj?.name ?? '(no schema)',
    rows,
    drift,
    rules,
    breakingChanges,
    failedRules,
    skippedRules,
    ok: breakingChanges === 0 && failedRules === 0 && skippedRules === 0,
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
  if (!col) return { ...base, title, status: 'not-run', actual: null, expected: '= 0 rows', message: missingColumn(p.physicalName ?? p.name) };
  const q = quoteIdent(col);
  const n =
    kind === 'required'
      ? await count(engine, `SELECT count(*) - count(${q}) FROM ${table}`)
      : await count(engine, `SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM ${table} WHERE ${q} IS NOT NULL GROUP BY ${q} HAVING count(*) > 1)`);
  const what = kind === 'required' ? 'empty' : 'duplicated';
  return { ...base, title, status: n === 0 ? 'pass' : 'fail', actual: n, expected: '= 0 rows', message: n === 0 ? 'Holds.' : `${n} of ${rows} rows are ${what}.` };
}

const SAFE_SQL = /^\s*(select|with)\b[^;]*;?\s*$/i;

/** The one wording for a rule whose column is not in the data. */
export const missingColumn = (name: string): string => `skipped: column "${name}" is missing.`;

interface RuleColumn {
  name: string;
  type: string;
}

interface RuleRun {
  engine: Engine;
  table: string;
  rows: number;
  options: RunOptions;
  /** Contract property name → column in the data. */
  resolved: Map<string, string>;
  /** Contract columns the data does not have. */
  missing: string[];
}

const NUMERIC = /^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/i;

/**
 * The rows whose value is not one of `validValues`, comparing typed values as Great Expectations does:
 * on a number column 1.0 is 1; text compares as text. An empty list makes every non-null value invalid.
 */
export function invalidValuesPredicate(column: RuleColumn, validValues: unknown[]): string {
  const c = quoteIdent(column.name);
  const values = validValues.filter((v) => v !== null && v !== undefined);
  if (!values.length) return `${c} IS NOT NULL`;
  const numeric = NUMERIC.test(column.type);
  const isBool = /^BOOL/i.test(column.type);
  const typed: string[] = [];
  const text: string[] = [];
  for (const v of values) {
    if (numeric && typeof v === 'number' && Number.isFinite(v)) typed.push(String(v));
    else if (isBool && typeof v === 'boolean') typed.push(v ? 'TRUE' : 'FALSE');
    else text.push(quoteLiteral(String(v)));
  }
  const allowed = [...(typed.length ? [`${c} IN (${typed.join(', ')})`] : []), ...(text.length ? [`CAST(${c} AS VARCHAR) IN (${text.join(', ')})`] : [])];
  return `${c} IS NOT NULL AND NOT (${allowed.join(' OR ')})`;
}

/** Rows that do not contain a match of `pattern` anywhere (a search, as Great Expectations and datacontract-cli read it). */
export function patternPredicate(column: string, pattern: string): string {
  const c = quoteIdent(column);
  return `${c} IS NOT NULL AND NOT regexp_matches(CAST(${c} AS VARCHAR), ${quoteLiteral(pattern)})`;
}

/** Fill the placeholders ODCS and the tools that run contracts use: {object}/{table} and {property}/{column}, with or without `$`. */
export function fillPlaceholders(query: string, table: string, column: string | undefined): string {
  return query.replace(/\$?\{(?:table|object)\}/g, table).replace(/\$?\{(?:column|property)\}/g, column ? quoteIdent(column) : 'NULL');
}

/** Contract columns the data does not have that a SQL rule names (quoted or as a bare word). */
function missingIn(query: string, missing: string[]): string | undefined {
  const lower = query.toLowerCase();
  return missing.find((m) => {
    const name = m.toLowerCase();
    if (lower.includes(`"${name.replace(/"/g, '""')}"`)) return true;
    return /^[a-z_][a-z0-9_]*$/.test(name) && new RegExp(`\\b${name}\\b`).test(lower);
  });
}

async function runRule(run: RuleRun, q: OdcsQuality, property: string | undefined, col: RuleColumn | undefined): Promise<RuleResult> {
  const { engine, table, rows, options, resolved, missing } = run;
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
  const countWhere = async (predicate: string) => finish(await count(engine, `SELECT count(*) FILTER (WHERE ${predicate}) FROM ${table}`));

  if (type === 'library') {
    if (metric === 'rowCount') return finish(rows);
    const args = (q.arguments ?? {}) as Record<string, unknown>;
    if (metric === 'duplicateValues' && !property) {
      const names = Array.isArray(args.properties) ? args.properties.map(String) : [];
      const cols = names.map((n) => resolved.get(n));
      if (!cols.length) return notRun('No columns named for the duplicate check.');
      const gone = names.find((_, i) => cols[i] === undefined);
      if (gone !== undefined) return notRun(missingColumn(gone));
      const list = (cols as string[]).map(quoteIdent).join(', ');
      return finish(await count(engine, `SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM ${table} GROUP BY ${list} HAVING count(*) > 1)`));
    }
    if (!property) return notRun(`Metric ${metric ?? '(none)'} needs a column.`);
    if (!col) return notRun(missingColumn(property));
    const c = quoteIdent(col.name);
    switch (metric) {
      case 'nullValues':
        return finish(await count(engine, `SELECT count(*) - count(${c}) FROM ${table}`));
      case 'missingValues': {
        const extra = Array.isArray(args.missingValues) ? args.missingValues.filter((v) => v !== null).map((v) => quoteLiteral(String(v))) : [];
        return countWhere(`${c} IS NULL OR trim(CAST(${c} AS VARCHAR)) IN (${["''", ...extra].join(', ')})`);
      }
      case 'invalidValues': {
        if (Array.isArray(args.validValues)) return countWhere(invalidValuesPredicate(col, args.validValues));
        if (typeof args.pattern === 'string') return countWhere(patternPredicate(col.name, args.pattern));
        return notRun('skipped: invalidValues needs validValues or pattern.');
      }
      case 'duplicateValues':
        return finish(await count(engine, `SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM ${table} WHERE ${c} IS NOT NULL GROUP BY ${c} HAVING count(*) > 1)`));
      default:
        return notRun(`skipped: metric ${metric ?? '(none)'} is not one MeshLens can run.`);
    }
  }
  if (type === 'sql') {
    const query = typeof q.query === 'string' ? q.query : '';
    if (!SAFE_SQL.test(query)) return notRun('skipped: only a single SELECT query is run from a contract.');
    if (property && !col) return notRun(missingColumn(property));
    const gone = missingIn(query, missing);
    if (gone) return notRun(missingColumn(gone));
    const sql = fillPlaceholders(query, table, col?.name).replace(/;\s*$/, '');
    try {
      return finish(await count(engine, sql));
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
      const unknown = /Referenced column "?([^"]+?)"? not found/i.exec(message);
      return notRun(unknown ? missingColumn(unknown[1]!) : `skipped: the query could not run (${message.replace(/^[A-Za-z ]*Error: /, '')}).`);
    }
  }
  if (type === 'custom') {
    if (q.engine !== 'meshlens' || typeof q.implementation !== 'string') return notRun(`skipped: rules for engine "${String(q.engine)}" run outside MeshLens.`);
    const n = options.checks ? await options.checks(q.implementation) : null;
    if (n === null) return notRun(`skipped: MeshLens check "${q.implementation}" is not available here.`);
    return { ...base, status: n === 0 ? 'pass' : 'fail', actual: n, expected: '= 0 rows', message: n === 0 ? 'Holds.' : `${n} rows flagged.` };
  }
  return notRun('skipped: a rule written in words; review it by hand.');
}
