/**
 * A finding's affected rows, all of them (the finding itself carries a sample of 20): the check's own
 * target is rebuilt with the same parameters and reference date, then turned into a `__line` condition the
 * data grid applies. When the target cannot be matched again, the sample's lines are used and said so.
 */
import { quoteIdent, LINE_COLUMN } from '../../../../shared/engine/sql';
import type { Engine } from '../../../../shared/engine/types';
import { checkById } from '../../../../shared/checks/catalogue';
import { from } from '../../../../shared/checks/helpers';
import { namingFrom, paramsFor } from '../../../../shared/checks/runner';
import type {
  CheckConfig,
  CheckTarget,
  Dataset as CheckDataset,
  Finding,
} from '../../../../shared/checks/types';

export interface AffectedRows {
  /** A condition over the typed table for the grid's `where`. */
  where: string;
  /** True when only the finding's sample could be shown. */
  sampleOnly: boolean;
}

const LINE = quoteIdent(LINE_COLUMN);

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** The target of `check.targets(ctx)` that produced this finding. */
export function matchTarget(
  targets: CheckTarget[],
  finding: Finding,
  totalRows: number,
): CheckTarget | undefined {
  const sameCols = targets.filter((t) => sameColumns(t.columns, finding.columns));
  return (
    sameCols.find((t) => t.message(finding.rows, totalRows) === finding.message) ??
    (sameCols.length === 1 ? sameCols[0] : undefined)
  );
}

export function sampleWhere(finding: Finding): string {
  const lines = finding.sample.map((s) => s.line).filter((n) => Number.isInteger(n));
  return lines.length ? `${LINE} IN (${lines.join(', ')})` : 'FALSE';
}

export async function affectedRows(
  engine: Engine,
  dataset: CheckDataset,
  finding: Finding,
  config: CheckConfig,
  referenceDate: string,
): Promise<AffectedRows> {
  const check = checkById(finding.check);
  const params = check ? paramsFor(check, config) : null;
  if (check && params) {
    try {
      const targets = await check.targets({
        engine,
        dataset,
        params,
        referenceDate,
        naming: namingFrom(config),
      });
      const target = matchTarget(targets, finding, dataset.rows);
      if (target?.sql !== undefined)
        return { where: `${LINE} IN (SELECT q.${LINE} FROM (${target.sql}) q)`, sampleOnly: false };
      if (target?.where !== undefined)
        return {
          where: `${LINE} IN (SELECT t.${LINE} FROM ${from(dataset)} WHERE ${target.where})`,
          sampleOnly: false,
        };
    } catch {
      /* fall back to the sample below */
    }
  }
  return { where: sampleWhere(finding), sampleOnly: true };
}

/** The original lines of the affected rows, for highlighting (bounded: the grid shows only these rows anyway). */
export async function affectedLines(
  engine: Engine,
  table: string,
  where: string,
  limit = 100_000,
): Promise<number[]> {
  const res = await engine.query<{ l: number }>(
    `SELECT ${LINE} AS l FROM ${quoteIdent(table)} WHERE ${where} ORDER BY 1 LIMIT ${limit}`,
  );
  return res.rows.map((r) => Number(r.l));
}

/** A view of the table with `__line`, then the finding's columns, then the rest: the offending cells come first. */
export function findingViewSql(
  view: string,
  table: string,
  columns: string[],
  findingColumns: string[],
): string {
  const first = findingColumns.filter((c) => columns.includes(c));
  const order = [LINE_COLUMN, ...first, ...columns.filter((c) => !first.includes(c) && c !== LINE_COLUMN)];
  return `CREATE OR REPLACE VIEW ${quoteIdent(view)} AS SELECT ${order.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)}`;
}
