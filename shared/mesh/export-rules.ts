/**
 * The contract's rules and the check pack as tool-neutral rules, before they are written as SodaCL or dbt
 * tests. Every rule that cannot travel is listed with the reason, so the exports can say what they left out.
 */
import type { OdcsContract, OdcsQuality } from './odcs';
import type { CheckQuery } from './portable-sql';
import { toPortableSql } from './portable-sql';

interface Base {
  id: string;
  title: string;
}

export type ExportRule = Base &
  (
    | { kind: 'missing'; column: string; maxRows?: number; maxPercent?: number }
    | { kind: 'duplicates'; columns: string[]; max: number }
    | { kind: 'accepted'; column: string; values: (string | number | boolean)[] }
    | { kind: 'rowCount'; min: number }
    | { kind: 'freshness'; column: string; days: number }
    /** Rows that break the rule: a portable predicate over the table under alias `t`. */
    | { kind: 'failedRows'; where: string; max: number }
    /** A query returning one number, compared with `max`; `{table}` stands for the table. */
    | { kind: 'metric'; query: string; max: number }
    | { kind: 'relationship'; column: string; toTable: string; toColumn: string }
  );

export interface NotExported {
  id: string;
  title: string;
  reason: string;
}

export interface PortableRules {
  /** The table the rules are about (the contract's schema object name). */
  table: string;
  rules: ExportRule[];
  notExported: NotExported[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The largest value a rule allows, when it is an upper bound ("must be 0", "≤ 3", "< 4"). */
function upperBound(q: OdcsQuality): number | null {
  if (num(q.mustBe) !== null) return num(q.mustBe);
  if (num(q.mustBeLessOrEqualTo) !== null) return num(q.mustBeLessOrEqualTo);
  if (num(q.mustBeLessThan) !== null) return Math.ceil(num(q.mustBeLessThan)!) - 1;
  if (q.mustBe === undefined && q.mustBeLessOrEqualTo === undefined && q.mustBeLessThan === undefined && !Object.keys(q).some((k) => k.startsWith('must'))) return 0;
  return null;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const COUNT_WHERE = /^\s*SELECT\s+COUNT\s*\(\s*\*\s*\)\s+FROM\s+\$?\{(?:table|object)\}\s+(?:AS\s+)?(?:t\s+)?WHERE\s+([\s\S]+?)\s*;?\s*$/i;

function fillColumn(sql: string, column: string | undefined): string {
  return sql.replace(/\$?\{(?:column|property)\}/g, column ? `t.${quoteIdent(column)}` : 'NULL');
}

function qualityRule(q: OdcsQuality, column: string | undefined, checks: CheckQuery[] | null): ExportRule[] | NotExported {
  const metric = (q.metric ?? q.rule) as string | undefined;
  const type = (q.type as string | undefined) ?? (metric ? 'library' : 'text');
  const id = String(q.id ?? q.name ?? metric ?? type);
  const title = String(q.name ?? q.description ?? id);
  const no = (reason: string): NotExported => ({ id, title, reason });
  const max = upperBound(q);
  const args = (q.arguments ?? {}) as Record<string, unknown>;
  if (type === 'library') {
    if (metric === 'rowCount') {
      const min = num(q.mustBeGreaterOrEqualTo) ?? (num(q.mustBeGreaterThan) !== null ? Math.floor(num(q.mustBeGreaterThan)!) + 1 : null);
      return min === null ? no('only a lower bound on the row count can be exported') : [{ id, title, kind: 'rowCount', min }];
    }
    if (metric === 'duplicateValues') {
      const columns = Array.isArray(args.properties) ? args.properties.map(String) : column ? [column] : [];
      if (!columns.length || max === null) return no('a duplicate rule needs columns and an upper bound');
      return [{ id, title, kind: 'duplicates', columns, max }];
    }
    if (!column) return no(`metric ${metric ?? '(none)'} needs a column`);
    if (max === null) return no('only upper bounds ("must be", "at most") can be exported');
    // "At most 0%" is "no empty cells": a row count every tool expresses.
    if (metric === 'nullValues') return [q.unit === 'percent' && max > 0 ? { id, title, kind: 'missing', column, maxPercent: max } : { id, title, kind: 'missing', column, maxRows: max }];
    if (metric === 'invalidValues' && Array.isArray(args.validValues)) {
      if (max !== 0 || q.unit === 'percent') return no('accepted values export only as "no invalid values"');
      const values = args.validValues.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
      if (!values.length) return [{ id, title, kind: 'failedRows', where: `t.${quoteIdent(column)} IS NOT NULL`, max: 0 }];
      return [{ id, title, kind: 'accepted', column, values }];
    }
    if (metric === 'invalidValues') return no('a regular-expression pattern: warehouses disagree on regex functions and on search versus full match');
    if (metric === 'missingValues') {
      if (q.unit === 'percent') return no('a percentage of missing values with a list of missing markers');
      const markers = (Array.isArray(args.missingValues) ? args.missingValues : []).filter((v) => v !== null).map((v) => `'${String(v).replace(/'/g, "''")}'`);
      const c = `t.${quoteIdent(column)}`;
      return [{ id, title, kind: 'failedRows', where: `${c} IS NULL OR TRIM(CAST(${c} AS VARCHAR)) IN (${["''", ...markers].join(', ')})`, max }];
    }
    return no(`metric ${metric ?? '(none)'} has no portable form`);
  }
  if (type === 'sql') {
    if (typeof q.query !== 'string' || max === null) return no('a SQL rule needs a query and an upper bound');
    const filled = fillColumn(q.query, column);
    const where = COUNT_WHERE.exec(filled);
    const portable = toPortableSql(where ? where[1]! : filled);
    if (!portable.ok) return no(`its SQL ${portable.reason}`);
    return where ? [{ id, title, kind: 'failedRows', where: portable.sql, max }] : [{ id, title, kind: 'metric', query: portable.sql.replace(/\$?\{(?:table|object)\}/g, '{table}'), max }];
  }
  if (type === 'custom' && q.engine === 'meshlens' && typeof q.implementation === 'string') {
    if (!checks) return no(`MeshLens check "${q.implementation}" is exported from a loaded file only`);
    const found = checkRules(checks.filter((c) => c.checkId === q.implementation));
    if (!found.rules.length) return found.notExported[0] ?? no(`MeshLens check "${q.implementation}" finds nothing to look for in this file`);
    return found.rules;
  }
  if (type === 'custom') return no(`a rule for engine "${String(q.engine)}"`);
  return no('a rule written in words');
}

/** The check pack's queries as failed-rows rules; checks that cannot travel are listed with the reason. */
export function checkRules(checks: CheckQuery[]): { rules: ExportRule[]; notExported: NotExported[] } {
  const rules: ExportRule[] = [];
  const notExported: NotExported[] = [];
  const seen = new Map<string, number>();
  for (const c of checks) {
    const base = [c.checkId, ...c.columns].join('__').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const id = n === 1 ? base : `${base}_${n}`;
    const title = c.columns.length ? `${c.title} (${c.columns.join(', ')})` : c.title;
    if (c.countsOtherThanRows) notExported.push({ id, title, reason: 'it reports a count other than rows (missing days, values in a constant column, differences to a total row), which a failed-rows test cannot express' });
    else if (c.where === undefined) notExported.push({ id, title, reason: "it compares rows with each other in the file's line order" });
    else {
      const portable = toPortableSql(c.where);
      if (portable.ok) rules.push({ id, title, kind: 'failedRows', where: portable.sql, max: 0 });
      else notExported.push({ id, title, reason: `its SQL ${portable.reason}` });
    }
  }
  return { rules, notExported };
}

/**
 * The rules of a contract's first schema object, plus the check pack's (when a file was loaded, `checks`).
 * Checks a contract rule already names are not repeated.
 */
export function portableRules(contract: OdcsContract, checks: CheckQuery[] | null): PortableRules {
  const obj = contract.schema?.[0];
  const rules: ExportRule[] = [];
  const notExported: NotExported[] = [];
  const add = (r: ExportRule[] | NotExported) => (Array.isArray(r) ? rules.push(...r) : notExported.push(r));
  for (const p of obj?.properties ?? []) {
    const column = p.physicalName ?? p.name;
    if (p.required) rules.push({ id: `required_${p.id ?? column}`, title: `${column} is always filled`, kind: 'missing', column, maxRows: 0 });
    if (p.unique) rules.push({ id: `unique_${p.id ?? column}`, title: `${column} values are unique`, kind: 'duplicates', columns: [column], max: 0 });
    for (const q of p.quality ?? []) add(qualityRule(q, column, checks));
    const relationships = (p as { relationships?: { to?: unknown; type?: unknown }[] }).relationships ?? [];
    for (const rel of relationships) {
      const to = typeof rel.to === 'string' ? rel.to.split('.') : [];
      if (to.length === 2) rules.push({ id: `relationship_${column}`, title: `${column} refers to ${rel.to as string}`, kind: 'relationship', column, toTable: to[0]!, toColumn: to[1]! });
      else notExported.push({ id: `relationship_${column}`, title: `${column} relationship`, reason: 'a relationship needs "to: table.column"' });
    }
  }
  for (const q of obj?.quality ?? []) add(qualityRule(q, undefined, checks));
  const element = (contract as { slaDefaultElement?: string }).slaDefaultElement;
  const sla = (name: string) => contract.slaProperties?.find((s) => s.property === name);
  const frequency = num(sla('frequency')?.value);
  const table = obj?.physicalName ?? obj?.name ?? 'table';
  const elementName = (sla('frequency')?.element as string | undefined) ?? element;
  const dateColumn = elementName?.startsWith(`${obj?.name ?? ''}.`) ? elementName.slice((obj?.name ?? '').length + 1) : elementName;
  if (frequency !== null && dateColumn) {
    const days = frequency + (num(sla('latency')?.value) ?? 0);
    rules.push({ id: 'freshness', title: `The newest ${dateColumn} is less than ${days} days old (frequency plus latency)`, kind: 'freshness', column: dateColumn, days });
  }
  if (checks) {
    const named = new Set((obj?.quality ?? []).filter((q) => q.type === 'custom' && q.engine === 'meshlens').map((q) => String(q.implementation)));
    const pack = checkRules(checks.filter((c) => !named.has(c.checkId)));
    rules.push(...pack.rules);
    notExported.push(...pack.notExported);
  }
  // The same promise twice (a required column whose rule also says "never empty") is exported once.
  const seen = new Set<string>();
  const unique = rules.filter((r) => {
    const key = r.kind === 'missing' ? `missing:${r.column}:${r.maxRows ?? ''}:${r.maxPercent ?? ''}` : `${r.kind}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { table, rules: unique, notExported };
}
