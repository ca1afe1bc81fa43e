/** The grid's current view (filters and sort, every row, no bookkeeping columns) as one SELECT for export. */
import { isInternalColumn, quoteIdent } from '../../../../shared/engine/sql';
import { labelFixColumnSql } from '../../../../shared/checks/label-fixes';
import type { LabelFix } from '../../../../shared/checks/label-fixes';
import { pageSql } from './grid-sql';
import type { GridQuery } from './grid-sql';

/** With label fixes, each clustered spelling is exported as its canonical value (filters still see the file's values). */
export function exportSelectSql(query: GridQuery, fixes: readonly LabelFix[] = []): string {
  const columns = query.columns.filter((c) => !isInternalColumn(c));
  // pageSql with no limit: reuse its WHERE/ORDER BY building, then drop the LIMIT clause.
  const sql = pageSql({ ...query, columns }, 0, 0, '__line').replace(/ LIMIT 0 OFFSET 0$/, '');
  if (!fixes.length || !columns.length) return sql;
  const plain = columns.map(quoteIdent).join(', ');
  const fixed = columns.map((c) => labelFixColumnSql(c, fixes)).join(', ');
  return sql.replace(`SELECT ${plain} FROM `, `SELECT ${fixed} FROM `);
}
