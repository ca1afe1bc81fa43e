/**
 * Exports joined together (January's export, then February's under it) bring one header line each. The
 * header line inside the rows used to stay as a data row: every column then held one text cell ("Day",
 * "Clicks"), so dates, clicks and cost were all typed as text, with no word about why. Lines repeating
 * the header byte for byte are now removed from the rows and named in the import log.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine/types';
import { importText, withBothEngines } from './helpers';

const engines = withBothEngines();

const load = (engine: Engine, text: string, onDisk = false) => importText(engine, 'joined.csv', text, onDisk);

const header = 'Day,Campaign,Clicks,Cost\n';
const month = (m: string, from: number) =>
  Array.from({ length: 5 }, (_, k) => `2026-${m}-0${k + 1},Brand,${from + k},"1,${100 + from + k}.50"`).join(
    '\n',
  ) + '\n';
const joined = header + month('01', 1) + header + month('02', 6);

describe.each([
  ['duckdb-wasm', () => engines.wasm, false],
  ['native DuckDB', () => engines.native, false],
  ['native DuckDB, file on disk', () => engines.native, true],
])('repeated header (%s)', (_, engine, onDisk) => {
  it('repeated_header_row_typed_every_column_as_text: the header line inside the rows is removed and named', async () => {
    const { r, rows } = await load(engine(), joined, onDisk);
    expect(r.rows).toBe(10);
    expect(Object.fromEntries(r.columns.map((c) => [c.name, c.type]))).toEqual({
      Day: 'DATE',
      Campaign: 'VARCHAR',
      Clicks: 'BIGINT',
      Cost: 'DOUBLE',
    });
    expect(rows.map((x) => x.__line)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    expect(rows.map((x) => Number(x.Clicks))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const entry = r.log.find((l) => /repeating the header/.test(l.message));
    expect(entry?.message).toMatch(/^1 line\(s\) repeating the header removed from the rows \(line 7\)/);
    expect(entry?.lines).toEqual([7]);
    expect(r.warnings).toEqual([]);
  });

  it('a file that is rewritten anyway (a ragged row) loses its repeated header too', async () => {
    const { r, rows } = await load(
      engine(),
      joined.replace('2026-02-02,Brand,7,"1,107.50"', '2026-02-02,Brand,7'),
      onDisk,
    );
    expect(rows.map((x) => x.__line)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    expect(r.columns.find((c) => c.name === 'Clicks')?.type).toBe('BIGINT');
    expect(r.log.map((l) => l.message).join(' ')).toMatch(/1 line\(s\) repeating the header removed/);
  });

  it('a row that only resembles the header (other text) stays a row', async () => {
    const { r } = await load(engine(), header + month('01', 1) + 'Day,Campaign,Clicks,Cost total\n');
    expect(r.rows).toBe(6);
    expect(r.log.map((l) => l.message).join(' ')).not.toMatch(/repeating the header/);
  });
});

/** Two Google Ads exports joined: each part with its title lines, header and "Total: Account" row. */
function googleAdsPart(month: string, days: number, total: string): string {
  const rows = Array.from(
    { length: 5 },
    (_, k) => `2026-${month}-0${k + 1},Brand,${k + 1},"1,10${k + 1}.50"`,
  );
  return `Campaign report\n"1 ${month === '01' ? 'January' : 'February'} 2026 - ${days} ${month === '01' ? 'January' : 'February'} 2026"\n${header}${rows.join('\n')}\nTotal: Account,,15,"${total}"\n`;
}

describe('exports joined with their title lines (native DuckDB)', () => {
  it('joined_exports_checked_against_the_first_part_only: each part keeps its range and its total', async () => {
    const { analyseImport } = await import('../../../shared/audit/dataset');
    const { runChecks } = await import('../../../shared/checks/runner');
    const engine = engines.native;
    const text = googleAdsPart('01', 31, '5,517.50') + googleAdsPart('02', 28, '5,510.00');
    const { r } = await load(engine, text);
    expect(r.rows).toBe(10);
    expect(r.columns.find((c) => c.name === 'Day')?.type).toBe('DATE');
    expect(r.warnings).toEqual([]);
    expect(r.joinedAt).toEqual([10]);
    expect(r.statedRange).toEqual({ start: '2026-01-01', end: '2026-02-28' });
    expect(r.summaryRows.map((s) => s.line)).toEqual([9, 18]);
    expect(r.log.map((l) => l.message).join(' ')).toMatch(/line 12 with the title line\(s\) 10, 11 above it/);
    const { dataset } = await analyseImport(engine, r);
    const findings = await runChecks(engine, dataset, { referenceDate: '2026-03-01' });
    expect(findings.filter((f) => f.check === 'date_out_of_range')).toEqual([]);
    const totals = findings.filter((f) => f.check === 'totals_mismatch');
    expect(totals.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^"Total: Account" \(line 18\) disagrees with the 5 rows of its part of the joined file \(lines 10–end\): Cost 5,510\.00 against 5,517\.50/,
      ),
    ]);
  });

  it('a part without its own range leaves the joined file without a stated range', async () => {
    const text = googleAdsPart('01', 31, '5,517.50') + header + '2026-02-01,Brand,1,"1,101.50"\n';
    const { r } = await load(engines.native, text);
    expect(r.joinedAt).toEqual([10]);
    expect(r.statedRange).toBeUndefined();
  });
});

describe('exports joined in a spreadsheet (every line padded to the width)', () => {
  it('padded_title_lines_of_a_joined_export_read_as_rows: title lines with text in their first cell only go with the repeated header', async () => {
    const padded = (googleAdsPart('01', 31, '5,517.50') + googleAdsPart('02', 28, '5,517.50')).replace(/^(Campaign report|"1 \w+ 2026 - \d+ \w+ 2026")$/gm, '$1,,,');
    const { r } = await load(engines.native, padded);
    expect(r.rows).toBe(10);
    expect(r.columns.find((c) => c.name === 'Day')?.type).toBe('DATE');
    expect(r.joinedAt).toEqual([10]);
    expect(r.statedRange).toEqual({ start: '2026-01-01', end: '2026-02-28' });
    expect(r.warnings).toEqual([]);
  });

  it('a row with text in its first cell only stays a row when no repeated header follows it', async () => {
    const { r } = await load(engines.native, header + month('01', 1) + '2026-01-09,,,\n');
    expect(r.rows).toBe(6);
  });
});
