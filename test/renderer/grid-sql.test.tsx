// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countSql, filterClause, nextSort, pageSql, whereSql } from '../../renderer/src/features/grid/grid-sql';
import { exportSelectSql } from '../../renderer/src/features/grid/grid-export';

describe('grid SQL', () => {
  it('quotes hostile column names and filter text', () => {
    const clause = filterClause('a"b', "it's 100%_");
    expect(clause).toBe(`CAST("a""b" AS VARCHAR) ILIKE '%it''s 100\\%\\_%' ESCAPE '\\'`);
  });

  it('reads numeric comparisons, exact text and empty', () => {
    expect(filterClause('Clicks', '>= 40')).toBe('TRY_CAST("Clicks" AS DOUBLE) >= 40');
    expect(filterClause('Clicks', '!=0')).toBe('TRY_CAST("Clicks" AS DOUBLE) <> 0');
    expect(filterClause('Campaign', '=Brand')).toBe(`CAST("Campaign" AS VARCHAR) = 'Brand'`);
    expect(filterClause('Campaign', 'empty')).toBe(`("Campaign" IS NULL OR CAST("Campaign" AS VARCHAR) = '')`);
    expect(filterClause('Campaign', '   ')).toBeNull();
  });

  it('combines the caller condition with filters and pages with a stable order', () => {
    const q = { table: 't 1', columns: ['__line', 'Cost'], sort: { column: 'Cost', dir: 'desc' as const }, filters: { Cost: '>1' }, where: '"__line" IN (3, 9)' };
    expect(whereSql(q)).toBe(' WHERE ("__line" IN (3, 9)) AND TRY_CAST("Cost" AS DOUBLE) > 1');
    expect(countSql(q)).toBe('SELECT count(*) AS n FROM "t 1" WHERE ("__line" IN (3, 9)) AND TRY_CAST("Cost" AS DOUBLE) > 1');
    expect(pageSql(q, 400, 200, '__line')).toBe(
      'SELECT "__line", "Cost" FROM "t 1" WHERE ("__line" IN (3, 9)) AND TRY_CAST("Cost" AS DOUBLE) > 1 ORDER BY "Cost" DESC NULLS LAST, "__line" LIMIT 200 OFFSET 400',
    );
  });

  it('leaves unsorted pages in file order without ORDER BY', () => {
    expect(pageSql({ table: 't', columns: ['a'], sort: null, filters: {} }, 0, 50, '__line')).toBe('SELECT "a" FROM "t" LIMIT 50 OFFSET 0');
  });

  it('exports every row of the view without bookkeeping columns', () => {
    const q = { table: 't', columns: ['__line', 'a'], sort: { column: 'a', dir: 'asc' as const }, filters: { a: 'x' } };
    expect(exportSelectSql(q)).toBe(`SELECT "a" FROM "t" WHERE CAST("a" AS VARCHAR) ILIKE '%x%' ESCAPE '\\' ORDER BY "a" ASC NULLS LAST, "__line"`);
  });

  it('cycles sort: ascending, descending, file order', () => {
    const a = nextSort(null, 'x');
    expect(a).toEqual({ column: 'x', dir: 'asc' });
    const d = nextSort(a, 'x');
    expect(d).toEqual({ column: 'x', dir: 'desc' });
    expect(nextSort(d, 'x')).toBeNull();
    expect(nextSort(d, 'y')).toEqual({ column: 'y', dir: 'asc' });
  });
});
