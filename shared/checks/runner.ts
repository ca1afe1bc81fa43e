/**
 * runChecks: ask every enabled check for its targets, count all `where` targets in one scan of the table,
 * count and sample each `sql` target in one query, then turn what was found into findings.
 */
import { CancelledError } from '../engine/types';
import type { Engine, ProgressFn, Row } from '../engine/types';
import { isInternalColumn, LINE_COLUMN, quoteIdent } from '../engine/sql';
import { CATALOGUE } from './catalogue';
import { countConditions } from './count';
import type { Shared } from './count';
import { AFFECTED, from, LINE, SAMPLE_SIZE } from './helpers';
import { defaultNaming } from './labels';
import { SEVERITY_ORDER, sortFindings } from './order';
import type {
  CheckConfig,
  CheckContext,
  CheckDefinition,
  CheckTarget,
  Dataset,
  Finding,
  NamingConvention,
  Params,
  SampleRow,
  Severity,
} from './types';

export { SAMPLE_SIZE };
/** Progress detail while every check's row conditions are counted in one scan. */
export const SHARED_SCAN = 'row conditions';
const SEVERITIES = SEVERITY_ORDER;

export interface RunHooks {
  progress?: ProgressFn;
  signal?: AbortSignal;
  /** A check that failed to run (bad SQL on an odd table): reported, never fatal. */
  onCheckError?: (checkId: string, error: unknown) => void;
}

export function paramsFor(check: CheckDefinition, config: CheckConfig = {}): Params | null {
  const c = config.checks?.[check.id];
  if (c === false) return null;
  return { ...check.defaults, ...(c ?? {}) };
}

export function namingFrom(config: CheckConfig = {}): NamingConvention {
  return { ...defaultNaming(), ...(config.naming ?? {}) } as NamingConvention;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

interface Pending {
  check: CheckDefinition;
  params: Params;
  target: CheckTarget;
  affected: number;
  sample: SampleRow[];
}

export async function runChecks(
  engine: Engine,
  dataset: Dataset,
  config: CheckConfig = {},
  hooks: RunHooks = {},
  catalogue: CheckDefinition[] = CATALOGUE,
): Promise<Finding[]> {
  const referenceDate = config.referenceDate ?? todayIso();
  const naming = namingFrom(config);
  const pending: Pending[] = [];
  const shared: Shared = new Map();
  let done = 0;
  for (const check of catalogue) {
    if (hooks.signal?.aborted) throw new CancelledError();
    const params = paramsFor(check, config);
    // Progress names the check whose work follows (the bench times each check from these events).
    hooks.progress?.({ stage: 'checks', fraction: (0.6 * done++) / catalogue.length, detail: check.id });
    if (!params) continue;
    const ctx: CheckContext = { engine, dataset, params, referenceDate, naming, shared };
    try {
      for (const target of await check.targets(ctx))
        pending.push({ check, params, target, affected: 0, sample: [] });
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      hooks.onCheckError?.(check.id, err);
    }
  }

  // All predicate targets counted in one pass over the table.
  hooks.progress?.({ stage: 'checks', fraction: 0.6, detail: SHARED_SCAN });
  const predicates = pending.filter((p) => p.target.where !== undefined && p.target.count === undefined);
  await countPredicates(engine, dataset, predicates, shared);
  // No cascades: cells a more severe finding already reports are not counted again by a lesser one.
  const recount = withoutMoreSevere(predicates, dataset.rows);
  if (recount.length) await countPredicates(engine, dataset, recount, shared);

  const findings: Finding[] = [];
  for (const [i, p] of pending.entries()) {
    if (hooks.signal?.aborted) throw new CancelledError();
    const { check, target } = p;
    hooks.progress?.({ stage: 'checks', fraction: 0.7 + (0.3 * i) / pending.length, detail: check.id });
    try {
      if (target.firstRows && target.count !== undefined && oneRowPerLine(target.firstRows)) {
        p.affected = target.count;
        p.sample = target.firstRows.slice(0, SAMPLE_SIZE).map(toSample);
      } else if (target.sql !== undefined || (target.where !== undefined && target.count !== undefined)) {
        const res = await countAndSample(engine, target.sql ?? whereSql(dataset, target), target.count !== undefined || target.counted === true);
        p.affected = target.count ?? Number(res.rows[0]?.__affected ?? 0);
        p.sample = res.rows.map(toSample);
      }
      const severity = decideSeverity(p, dataset.rows);
      if (!severity) continue;
      if (target.where !== undefined && target.count === undefined && !p.sample.length) {
        const res = await engine.query(`${whereSql(dataset, target)} ORDER BY ${LINE} LIMIT ${SAMPLE_SIZE}`);
        p.sample = res.rows.map(toSample);
      }
      const words = target.describe ? await target.describe() : target;
      const finding: Finding = {
        check: check.id,
        title: check.title,
        severity,
        dimension: check.dimension,
        file: dataset.file,
        columns: target.columns,
        rows: p.affected,
        message: words.message(p.affected, dataset.rows),
        sample: p.sample,
        fix: check.fix,
        owner: check.owner,
        explanation: check.explanation,
      };
      if (words.details) finding.details = words.details;
      findings.push(finding);
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      hooks.onCheckError?.(check.id, err);
    }
  }
  hooks.progress?.({ stage: 'checks', fraction: 1 });
  return sortFindings(findings);
}

/**
 * All affected rows counted (`__affected`) and the first SAMPLE_SIZE by line. Rows that share a line (a
 * total row compared on several columns) are put in one order on every engine by their text; that order
 * casts every affected row to text, so it is only asked for when the first rows do share a line.
 */
async function countAndSample(engine: Engine, sql: string, known: boolean): Promise<{ rows: Row[] }> {
  // A target that states its count (`count`) or whose rows carry it (`counted`) needs only the first rows.
  const counted = known ? '' : `, count(*) OVER () AS ${AFFECTED}`;
  const query = (order: string, limit: number) =>
    engine.query(`SELECT *${counted} FROM (${sql}) q ORDER BY ${order} LIMIT ${limit}`);
  const byLine = await query(LINE, SAMPLE_SIZE + 1);
  if (oneRowPerLine(byLine.rows)) return { rows: byLine.rows.slice(0, SAMPLE_SIZE) };
  return query(`${LINE}, CAST(q AS VARCHAR)`, SAMPLE_SIZE);
}

/** Rows in line order, no two of them on one line (then their order by line alone is the one order). */
function oneRowPerLine(rows: Row[]): boolean {
  const lines = rows.map((r) => r[LINE_COLUMN]);
  return lines.every((l, i) => i === 0 || l !== lines[i - 1]);
}

/** Counts every predicate target's rows in one scan of the table (by value where it can: count.ts). */
async function countPredicates(engine: Engine, dataset: Dataset, predicates: Pending[], shared: Shared): Promise<void> {
  const counts = await countConditions(engine, dataset, predicates.map((p) => p.target.where!), shared);
  predicates.forEach((p, i) => (p.affected = counts[i]!));
}

/**
 * Predicate targets on the same columns as a more severe predicate target get that target's rows taken
 * out (a raw e-mail in a hash column is a personal-data error, not also a format warning); returns the
 * targets to count again.
 */
function withoutMoreSevere(predicates: Pending[], total: number): Pending[] {
  const rank = (p: Pending) => {
    const s = decideSeverity(p, total);
    return s ? SEVERITIES.indexOf(s) : Infinity;
  };
  const ranked = predicates.map((p) => ({
    p,
    rank: rank(p),
    cols: [...p.target.columns].sort().join('\u0000'),
  }));
  const changed: Pending[] = [];
  for (const x of ranked) {
    if (x.rank === Infinity) continue;
    const above = ranked.filter((y) => y.cols === x.cols && y.rank < x.rank && y.p.check !== x.p.check);
    if (!above.length) continue;
    const covered = above.map((y) => `(${y.p.target.where})`).join(' OR ');
    x.p.target = { ...x.p.target, where: `(${x.p.target.where}) AND NOT coalesce(${covered}, false)` };
    changed.push(x.p);
  }
  return changed;
}

function decideSeverity(p: Pending, total: number): Severity | null {
  const rule = p.target.severity ?? p.check.severity;
  const s = rule(p.affected, total, p.params);
  if (!s || p.affected <= 0) return null;
  const forced = p.params.severity;
  return typeof forced === 'string' && (SEVERITIES as readonly string[]).includes(forced) ? (forced as Severity) : s;
}

function whereSql(ds: Dataset, target: CheckTarget): string {
  const show = (target.show ?? target.columns).filter((c) => !isInternalColumn(c));
  const cols = [LINE, ...show.map((c) => `t.${quoteIdent(c)}`)];
  return `SELECT ${cols.join(', ')} FROM ${from(ds)} WHERE ${target.where}`;
}

function toSample(r: Row): SampleRow {
  const values: Record<string, Row[string]> = {};
  for (const [k, v] of Object.entries(r)) if (!isInternalColumn(k)) values[k] = v;
  return { line: Number(r[LINE_COLUMN]), values };
}
