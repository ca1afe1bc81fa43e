/** The grid's current view (filters and sort, every row, no bookkeeping columns) as one SELECT for export. */
import { isInternalColumn } from '../../../../shared/engine/sql';
import { pageSql } from './grid-sql';
import type { GridQuery } from './grid-sql';

export function exportSelectSql(query: GridQuery): string {
  const columns = query.columns.filter((c) => !isInternalColumn(c));
  // pageSql with no limit: reuse its WHERE/ORDER BY building, then drop the LIMIT clause.
  const sql = pageSql({ ...query, columns }, 0, 0, '__line');
  return sql.replace(/ LIMIT 0 OFFSET 0$/, '');
}
