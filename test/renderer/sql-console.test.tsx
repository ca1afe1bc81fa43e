// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { cappedSql, isReadQuery, loadHistory, pushHistory } from '../../renderer/src/features/sql/sql-console';

describe('SQL console helpers', () => {
  beforeEach(() => localStorage.clear());

  it('caps read queries and leaves other statements as written', () => {
    expect(cappedSql('SELECT 1;', 10)).toBe('SELECT * FROM (\nSELECT 1\n) AS console_result LIMIT 11');
    expect(cappedSql("with x as (select ';' as s) select * from x", 5)).toContain('LIMIT 6');
    expect(cappedSql('CREATE TABLE t AS SELECT 1')).toBe('CREATE TABLE t AS SELECT 1');
    expect(isReadQuery('SELECT 1; SELECT 2')).toBe(false);
    expect(isReadQuery('-- note\nSUMMARIZE t')).toBe(true);
  });

  it('keeps history newest first, without duplicates, across reloads', () => {
    let h = pushHistory([], 'SELECT 1');
    h = pushHistory(h, 'SELECT 2');
    h = pushHistory(h, 'SELECT 1');
    expect(h).toEqual(['SELECT 1', 'SELECT 2']);
    expect(loadHistory()).toEqual(['SELECT 1', 'SELECT 2']);
  });
});
