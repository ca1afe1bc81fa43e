// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { firstLines, markLines, showDelimiter } from '../../renderer/src/features/import/raw-lines';

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('import preview lines', () => {
  const text = 'Campaign report\r\n1 March 2026 - 2 March 2026\r\nDay\tCampaign\tCost\r\n2026-03-01\tA\t1.5\r\n2026-03-02\tB\t2\r\nTotal: Account\t\t3.5\r\n';

  it('decodes UTF-16LE with its BOM and splits CRLF lines', () => {
    const lines = firstLines(utf16le(text), 'utf-16le');
    expect(lines[0]).toBe('Campaign report');
    expect(lines[2]).toBe('Day\tCampaign\tCost');
    expect(lines[5]).toBe('Total: Account\t\t3.5');
  });

  it('never splits a UTF-16 code unit when the preview is cut', () => {
    const lines = firstLines(utf16le(text), 'utf-16le', 60, 41);
    expect(lines.join('\n')).not.toContain('\uFFFD');
    expect(lines[0]).toBe('Campaign report');
  });

  it('marks preamble, header, summary and data lines from the import result', () => {
    const lines = firstLines(new TextEncoder().encode(text), 'utf-8');
    const marked = markLines(lines, {
      headerLine: 3,
      summaryRows: [{ line: 6, label: 'Total: Account', values: {} }],
      tables: [{ index: 0, headerLine: 3, endLine: null, preview: [] }],
      options: { decimalSeparator: '.' },
    });
    expect(marked.map((l) => l.role)).toEqual(['preamble', 'preamble', 'header', 'data', 'data', 'summary', 'data']);
  });

  it('marks every line of a two-line header, and a description row as removed', () => {
    const lines = ['Campaign,Total', 'Name,Spend', ',Money spent in the period', 'Brand,10'];
    const marked = markLines(lines, {
      headerLine: 1,
      headerRows: 2,
      descriptionLine: 3,
      summaryRows: [],
      tables: [{ index: 0, headerLine: 1, endLine: null, preview: [] }],
      options: { decimalSeparator: '.' },
    });
    expect(marked.map((l) => l.role)).toEqual(['header', 'header', 'summary', 'data']);
  });

  it('names delimiters in words', () => {
    expect(showDelimiter('\t')).toBe('Tab');
    expect(showDelimiter(';')).toBe('Semicolon (;)');
    expect(showDelimiter(null)).toBe('none');
  });
});
