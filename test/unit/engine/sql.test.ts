import { describe, expect, it } from 'vitest';
import { isInternalColumn, quoteIdent, quoteLiteral, safeTableName } from '../../../shared/engine/sql';

describe('SQL quoting (file and column names are hostile input)', () => {
  it('doubles quotes inside identifiers and strips NUL', () => {
    expect(quoteIdent('Impr.')).toBe('"Impr."');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('x"; DROP TABLE t; --')).toBe('"x""; DROP TABLE t; --"');
    expect(quoteIdent('a\u0000b')).toBe('"ab"');
  });

  it('quotes literals of every scalar type', () => {
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(quoteLiteral(null)).toBe('NULL');
    expect(quoteLiteral(2.5)).toBe('2.5');
    expect(quoteLiteral(Number.NaN)).toBe('NULL');
    expect(quoteLiteral(true)).toBe('TRUE');
  });

  it('derives safe table names from any file name', () => {
    expect(safeTableName('Google Ads – Campaign report (1)', '_1')).toBe('google_ads_campaign_report_1_1');
    expect(safeTableName('2026 export')).toBe('t_2026_export');
    expect(safeTableName('""')).toBe('t_');
    expect(isInternalColumn('__line')).toBe(true);
    expect(isInternalColumn('Campaign')).toBe(false);
  });
});
