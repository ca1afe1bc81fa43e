/** Dialect scoring and header analysis, without DuckDB. */
import { describe, expect, it } from 'vitest';
import { cellKind, detectDialect, splitFields } from '../../../shared/import/dialect';
import { analyseHeader } from '../../../shared/import/header';

const pick = (...lines: string[]) => {
  const d = detectDialect(
    lines.map((text) => ({ text })),
    false,
  );
  return [d.delimiter, d.quote, d.escape];
};
const rows = (...lines: string[][]) => lines.map((fields, i) => ({ no: i + 1, fields }));

describe('splitFields', () => {
  it('reads a quote only when it closes on the line before a delimiter; other quotes are text', () => {
    expect(splitFields(`1,Bob,5'11" tall,x`, ',')).toEqual(['1', 'Bob', `5'11" tall`, 'x']);
    expect(splitFields('2,"Ann,160,never closes', ',')).toEqual(['2', '"Ann', '160', 'never closes']);
    expect(splitFields('5,"Big" Joe,175', ',')).toEqual(['5', '"Big" Joe', '175']);
    expect(splitFields('a,"b, c","d ""e"""', ',')).toEqual(['a', 'b, c', 'd "e"']);
    expect(splitFields('a,b,', ',')).toEqual(['a', 'b', '']);
  });

  it('other dialects: single quotes, backslash escapes, comma-and-space', () => {
    expect(splitFields("1,'long, text','it''s'", { delimiter: ',', quote: "'", escape: 'double' })).toEqual(['1', 'long, text', "it's"]);
    expect(splitFields('"a \\"b\\"",\\N,"c:\\\\x"', { delimiter: ',', quote: '"', escape: 'backslash' })).toEqual(['a "b"', '', 'c:\\x']);
    expect(splitFields('Alice, "Paris, France", 30', { delimiter: ', ', quote: '"', escape: 'double' })).toEqual(['Alice', 'Paris, France', '30']);
  });
});

describe('detectDialect', () => {
  it('scores every candidate and keeps the common dialects for ordinary files', () => {
    expect(pick('a,b,c', '1,2,3')).toEqual([',', '"', 'double']);
    expect(pick('a;b;c', '1,5;2,5;3')).toEqual([';', '"', 'double']);
    expect(pick('Campaign,Cost', '"Brand, Exact",1.5', 'Generic,2')).toEqual([',', '"', 'double']);
  });

  it('finds single quotes, backslash escapes, space and comma-and-space delimiters', () => {
    expect(pick("'id','name'", "1,'a, b'", "2,'c'")).toEqual([',', "'", 'double']);
    expect(pick('id,t', '1,"say \\"hi\\""', '2,"x"')).toEqual([',', '"', 'backslash']);
    expect(pick('a b c', '1 2 3', '4 5 6')).toEqual([' ', '"', 'double']);
    expect(pick('Name, Age', 'Alice, 30', 'Bob, 41')).toEqual([', ', '"', 'double']);
  });

  it('one line of words is not a space-delimited table ("No data available.")', () => {
    expect(pick('No data available.')).toEqual([',', '"', 'double']);
    expect(pick('Full name', 'John Smith', 'Jane Doe', 'Ann Lee')).toEqual([',', '"', 'double']);
  });
});

describe('cellKind', () => {
  it('tells values from text and from cells a wrong dialect produced', () => {
    expect(['1,234.50', '$1.50', '2.81%', '+350%', '(12)'].map(cellKind)).toEqual(['number', 'number', 'number', 'number', 'number']);
    expect(['2026-01-31', '20260131', '01/31/2026'].map(cellKind)).toEqual(['date', 'date', 'date']);
    expect(['Brand, Exact', 'google / organic', 'https://x.com/a;b'].map(cellKind)).toEqual(['text', 'text', 'text']);
    expect(['a,b,c', "'long text", '"Ann', ' --'].map(cellKind)).toEqual(['unknown', 'unknown', 'unknown', 'empty']);
  });
});

describe('analyseHeader', () => {
  it('a repeated header line inside the data does not make the first line data', () => {
    const h = analyseHeader(rows(['Campaign', 'Clicks'], ['A', '1'], ['Campaign', 'Clicks'], ['B', '2']), 2);
    expect(h.headerRows).toBe(1);
  });

  it('years as column names stay a header over amounts', () => {
    const h = analyseHeader(rows(['Campaign', '2024', '2025'], ['A', '1.5', '2.5'], ['B', '3', '4']), 3);
    expect(h.headerRows).toBe(1);
  });

  it('hours or months as column names stay a header (a counting sequence is not data)', () => {
    const h = analyseHeader(rows(['Campaign', '0', '1', '2'], ['A', '5', '3', '4'], ['B', '1', '0', '2']), 4);
    expect(h.headerRows).toBe(1);
  });

  it('a first row of placeholders or of values seen below is data, not a second header line', () => {
    expect(analyseHeader(rows(['Campaign', 'Clicks', 'Cost'], ['Brand', '--', '--'], ['Generic', '2', '3.5'], ['Display', '1', '2']), 3).headerRows).toBe(1);
    expect(analyseHeader(rows(['Campaign', 'Status', 'Clicks'], ['Brand', 'Enabled', 'unknown'], ['Generic', 'Enabled', '3'], ['Display', 'Paused', '1']), 3).headerRows).toBe(1);
  });

  it('an all-text table keeps one header line (nothing shows the second line is not data)', () => {
    const h = analyseHeader(rows(['Name', 'City'], ['First', 'Town'], ['Ann', 'Paris']), 2);
    expect(h.headerRows).toBe(1);
  });

  it('a totals row with no label is only taken when its text cells are empty and its counts cover every row', () => {
    const base = [['Page', 'Views'], ['', '30'], ['/a', '10'], ['/b', '20']];
    expect(analyseHeader(rows(...base), 2).totalsLine).toBe(2);
    expect(analyseHeader(rows(base[0]!, ['', '5'], base[2]!, base[3]!), 2).totalsLine).toBeUndefined();
  });
});
