/** The importer's pure parts, without DuckDB: number parsing, column decisions, encodings, preamble dates, names. */
import { describe, expect, it } from 'vitest';
import { decodeToUtf8, detectSignature, firstInvalidUtf8 } from '../../../shared/import/encoding';
import { uniqueNames } from '../../../shared/import/names';
import { datesIn, statedRange, SUMMARY_LABEL } from '../../../shared/import/preamble';
import { detectDialect, splitFields } from '../../../shared/import/dialect';
import { headLines } from '../../../shared/import/sniff';
import { decideColumn, detectDecimalSeparator, parseNumber } from '../../../shared/import/values';
import { parseJsonKeepingBigIntegers } from '../../../shared/import/formats';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('parseNumber', () => {
  it.each([
    ['9,380', '.', 9380],
    ['"1,234.50"'.slice(1, -1), '.', 1234.5],
    ['1.234,56', ',', 1234.56],
    ['€ 12,50', ',', 12.5],
    ['USD 10', '.', 10],
    ['$1,234', '.', 1234],
    ['2.81%', '.', 2.81],
    ['< 10%', '.', 10],
    ['(1,200.00)', '.', -1200],
    ['-3.5', '.', -3.5],
    ['1 234,5', ',', 1234.5],
  ] as const)('%s with decimal "%s" is %d', (raw, dec, value) => {
    expect(parseNumber(raw, dec)?.value).toBe(value);
  });

  it('flags percents, currencies and bounds; refuses text', () => {
    expect(parseNumber('2.81%', '.')).toMatchObject({ percent: true, integer: false });
    expect(parseNumber('USD 10', '.')).toMatchObject({ currency: 'USD', integer: true });
    expect(parseNumber('< 10%', '.')).toMatchObject({ bounded: true, percent: true });
    expect(parseNumber('Brand', '.')).toBeNull();
    expect(parseNumber('1,23,4', '.')).toBeNull();
  });
});

describe('decideColumn', () => {
  it('types columns from their values, ignoring placeholders', () => {
    expect(decideColumn(['9,380', ' --', '12'], '.')).toMatchObject({ kind: 'integer', type: 'BIGINT' });
    expect(decideColumn(['2.81%', '--'], '.')).toMatchObject({ kind: 'percent', type: 'DOUBLE', percent: true });
    expect(decideColumn(['08123', '01234'], '.')).toMatchObject({ kind: 'text' });
    expect(decideColumn(['12345678901234567'], '.')).toMatchObject({ kind: 'bigint-id', type: 'BIGINT' });
    expect(decideColumn(['1234567890123456789012'], '.')).toMatchObject({ kind: 'text' });
    expect(decideColumn(['1767225600000', '1767229200000'], '.')).toMatchObject({ kind: 'epoch-ms', type: 'TIMESTAMP' });
    expect(decideColumn(['20260101', '20260131'], '.')).toMatchObject({ kind: 'date', dateFormats: ['%Y%m%d'] });
    expect(decideColumn(['13/01/2026', '02/01/2026'], '.')).toMatchObject({ kind: 'date', dayMonth: { firstOver12: true, secondOver12: false } });
    expect(decideColumn(['13/01/2026', '01/13/2026'], '.')).toMatchObject({ kind: 'text' });
    expect(decideColumn(['true', 'FALSE'], '.')).toMatchObject({ kind: 'boolean' });
  });
});

describe('detectDecimalSeparator', () => {
  it('reads the evidence, and falls back to the delimiter convention', () => {
    expect(detectDecimalSeparator(['1.234,56', '12,5'], ';')).toMatchObject({ sep: ',', ambiguous: false });
    expect(detectDecimalSeparator(['1,234.56', '0.25'], ',')).toMatchObject({ sep: '.', ambiguous: false });
    expect(detectDecimalSeparator(['12', '7'], ';')).toMatchObject({ sep: ',', ambiguous: true });
    expect(detectDecimalSeparator(['12', '7'], ',')).toMatchObject({ sep: '.', ambiguous: false });
  });
});

describe('encodings', () => {
  it('UTF-8 with BOM, UTF-16LE and UTF-16BE with BOM, UTF-16LE without BOM', () => {
    expect(decodeToUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\n')]))).toMatchObject({ encoding: 'utf-8-bom' });
    const le = new Uint8Array([0xff, 0xfe, ...Array.from('a\tb\n').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(text(decodeToUtf8(le).utf8)).toBe('a\tb\n');
    const be = new Uint8Array([0xfe, 0xff, ...Array.from('Grüße\n').flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(decodeToUtf8(be).encoding).toBe('utf-16be');
    expect(text(decodeToUtf8(be).utf8)).toBe('Grüße\n');
    const noBom = new Uint8Array(Array.from('Campaign\tCost\nA\t1\n').flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeToUtf8(noBom).encoding).toBe('utf-16le');
  });

  it('windows-1252 bytes 0x80-0x9F map to € ‚ … ’ – — ™ (not C1 controls), in every runtime', () => {
    const d = decodeToUtf8(new Uint8Array([0x80, 0x20, 0x92, 0x96, 0x97, 0x99, 0x85, 0xe9]));
    expect(d.encoding).toBe('windows-1252');
    expect(text(d.utf8)).toBe('€ ’–—™…é');
  });

  it('finds the first invalid UTF-8 byte, including a truncated sequence at the end', () => {
    expect(firstInvalidUtf8(utf8('Grüße'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0x28]))).toBe(1);
  });

  it('finds a bad byte after long ASCII runs (checked four bytes at a time) at every alignment', () => {
    const ascii = utf8('Day,Campaign,Cost\n2026-01-01,Brand,12.50\n'.repeat(20));
    for (let offset = 0; offset < 4; offset++) {
      for (const at of [0, 1, 2, 3, 5, ascii.length - 1]) {
        const buf = new Uint8Array(ascii.length + 8);
        buf.set(ascii, offset);
        const bytes = buf.subarray(offset, offset + ascii.length);
        expect(firstInvalidUtf8(bytes)).toBe(-1);
        bytes[at] = 0xff;
        expect(firstInvalidUtf8(bytes)).toBe(at);
        bytes[at] = ascii[at]!;
      }
    }
    const mixed = utf8('Grüße, Köln;'.repeat(50) + '€');
    expect(firstInvalidUtf8(mixed.subarray(1))).toBe(-1);
  });

  it('a native UTF-8 check, when given, decides validity; the position still comes from the JS check', () => {
    const good = utf8('a,b\nGrüße,1\n');
    expect(decodeToUtf8(good, undefined, () => true)).toEqual(decodeToUtf8(good));
    const bad = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31, 0x0a]);
    const withHook = decodeToUtf8(bad, undefined, () => false);
    expect(withHook.encoding).toBe('windows-1252');
    expect(withHook.warnings).toEqual(decodeToUtf8(bad).warnings);
  });

  it('recognises binary signatures', () => {
    expect(detectSignature(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('png');
    expect(detectSignature(utf8('PAR1xxxx'))).toBe('parquet');
    expect(detectSignature(new Uint8Array([0x1f, 0x8b, 8]))).toBe('gzip');
    expect(detectSignature(utf8('a,b'))).toBeNull();
  });
});

describe('sniffing', () => {
  it('splits fields with quotes and doubled quotes', () => {
    expect(splitFields('a,"b, c","d ""e"""', ',')).toEqual(['a', 'b, c', 'd "e"']);
    expect(splitFields('a|b||c', '|')).toEqual(['a', 'b', '', 'c']);
  });

  it('detects comma, semicolon, tab and pipe', () => {
    const pick = (s: string) => detectDialect(headLines(utf8(s)).lines, false).delimiter;
    expect(pick('a,b,c\n1,2,3\n')).toBe(',');
    expect(pick('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(pick('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(pick('a|b|c\n1|2|3\n')).toBe('|');
  });
});

describe('preamble', () => {
  it('reads dates in the ways exports write them', () => {
    expect(datesIn('27 January 2026 - 23 February 2026')).toEqual(['2026-01-27', '2026-02-23']);
    expect(datesIn('January 1, 2026 - January 31, 2026')).toEqual(['2026-01-01', '2026-01-31']);
    expect(datesIn('Start date: 20260101')).toEqual(['2026-01-01']);
  });

  it('a range on one line wins over a report time on another', () => {
    expect(statedRange(['Report Time,2026-02-01 09:00:00', 'Date Range,2026-01-01 - 2026-01-31'])).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(statedRange(['Start date: 20260101', 'End date: 20260131'])).toEqual({ start: '2026-01-01', end: '2026-01-31' });
  });

  it('summary labels', () => {
    for (const l of ['Total: Account', 'Total: Campaigns', 'Total', 'Grand total', 'Grand Total:', 'Gesamtsumme']) expect(SUMMARY_LABEL.test(l)).toBe(true);
    for (const l of ['Total Spend Campaign', 'Totally Awesome', 'Brand']) expect(SUMMARY_LABEL.test(l)).toBe(false);
  });
});

describe('uniqueNames', () => {
  it('names empty headers, suffixes duplicates case-insensitively, avoids "__", names extra fields', () => {
    const { names, changes } = uniqueNames(['Clicks', 'clicks', '', '__line'], 5);
    expect(names).toEqual(['Clicks', 'clicks_2', 'column_3', 'line', 'extra_1']);
    expect(changes).toHaveLength(3);
  });
});

describe('parseJsonKeepingBigIntegers', () => {
  it('quotes integers beyond 15 digits outside strings, leaves everything else to JSON.parse', () => {
    expect(parseJsonKeepingBigIntegers('{"id": 12345678901234567, "s": "9999999999999999 \\" 1234567890123456789", "x": -1.5e3, "n": [1, -12345678901234567]}')).toEqual({
      id: '12345678901234567',
      s: '9999999999999999 " 1234567890123456789',
      x: -1500,
      n: [1, '-12345678901234567'],
    });
    expect(parseJsonKeepingBigIntegers('[1, 2.5, 123456789012345]')).toEqual([1, 2.5, 123456789012345]);
  });
});
