/**
 * The checks travel: the SQL MeshLens runs, written so a warehouse can run it too. A check's predicate is
 * rewritten into portable SQL (ANSI casts and POSITION instead of DuckDB's `::` and contains()); a predicate
 * that needs a DuckDB-only function, the file's line numbers or the original text is reported as not
 * exportable, with the reason, instead of being exported wrong.
 */
import type { CheckConfig, CheckDefinition, Dataset } from '../checks/types';
import { CATALOGUE } from '../checks/catalogue';
import { namingFrom, paramsFor, todayIso } from '../checks/runner';
import type { Engine } from '../engine/types';

const IDENT = String.raw`(?:\b[A-Za-z_]\w*\.)?"(?:[^"]|"")*"`;
const CAST = new RegExp(String.raw`(${IDENT})::([A-Za-z]+)`, 'g');
const CONTAINS = new RegExp(String.raw`\bcontains\(((?:lower\(${IDENT}\))|${IDENT}), ('(?:[^']|'')*')\)`, 'gi');
const TYPES: Record<string, string> = { DOUBLE: 'DOUBLE PRECISION', FLOAT: 'DOUBLE PRECISION', BIGINT: 'BIGINT', INTEGER: 'INTEGER', DATE: 'DATE', TIMESTAMP: 'TIMESTAMP', VARCHAR: 'VARCHAR' };

/** DuckDB-only constructs, with the words that explain them. */
const NOT_PORTABLE: [RegExp, string][] = [
  [/__line/i, "reads MeshLens' line numbers, which a warehouse table does not have"],
  [/__raw"/i, 'reads the original text of the file, which a warehouse table does not keep'],
  [/__nulled"/i, 'reads placeholder text MeshLens kept from the file (cells it read as empty), which a warehouse table does not have'],
  [/\bregexp_\w+\s*\(/i, 'uses a regular expression, and warehouses disagree on regex functions and on search versus full match'],
  [/\btry_cast\s*\(/i, 'uses TRY_CAST, which not every warehouse has'],
  [/\b(strftime|strptime|epoch|date_diff|datediff|date_part|date_trunc)\s*\(/i, 'uses a DuckDB date function'],
  [/\b(list_\w+|array_\w+|string_split|str_split|len|struct_\w+|columns)\s*\(/i, 'uses a DuckDB list or struct function'],
  [/\b(isnan|isinf|isfinite)\s*\(/i, 'uses a DuckDB number test'],
  [/\bFILTER\s*\(\s*WHERE/i, 'uses FILTER (WHERE …), which Snowflake and BigQuery lack'],
  [/\bQUALIFY\b/i, 'uses QUALIFY, which PostgreSQL lacks'],
  [/\bI?LIKE\s+ANY\b|\bILIKE\b/i, 'uses ILIKE, which BigQuery lacks'],
  [/::/, "uses DuckDB's :: cast on an expression MeshLens cannot rewrite"],
];

export type PortableSql = { ok: true; sql: string } | { ok: false; reason: string };

/** Rewrite a DuckDB predicate or query into portable SQL, or say why it cannot be. */
export function toPortableSql(sql: string): PortableSql {
  const rewritten = sql
    .replace(CAST, (_m, expr: string, type: string) => `CAST(${expr} AS ${TYPES[type.toUpperCase()] ?? type.toUpperCase()})`)
    .replace(CONTAINS, (_m, haystack: string, needle: string) => `POSITION(${needle} IN ${haystack}) > 0`);
  for (const [pattern, reason] of NOT_PORTABLE) if (pattern.test(rewritten)) return { ok: false, reason };
  return { ok: true, sql: rewritten };
}

/** One thing a catalogue check looks for in this dataset, as SQL over the typed table (alias `t`). */
export interface CheckQuery {
  checkId: string;
  title: string;
  columns: string[];
  /** A predicate over the table under alias `t`, when the check has one. */
  where?: string;
  /** A whole query, for checks that compare rows with each other. */
  sql?: string;
  /** True when the check reports a count other than rows (e.g. missing days). */
  countsOtherThanRows: boolean;
}

/** The check pack applied to one dataset: what each enabled check looks for, as SQL. */
export async function checkPackQueries(engine: Engine, dataset: Dataset, config: CheckConfig = {}, catalogue: CheckDefinition[] = CATALOGUE): Promise<CheckQuery[]> {
  const out: CheckQuery[] = [];
  const referenceDate = config.referenceDate ?? todayIso();
  for (const check of catalogue) {
    const params = paramsFor(check, config);
    if (!params) continue;
    const targets = await check.targets({ engine, dataset, params, referenceDate, naming: namingFrom(config) });
    for (const t of targets)
      out.push({
        checkId: check.id,
        title: check.title,
        columns: t.columns,
        ...(t.where !== undefined ? { where: t.where } : {}),
        ...(t.sql !== undefined ? { sql: t.sql } : {}),
        countsOtherThanRows: t.count !== undefined,
      });
  }
  return out;
}
