/**
 * The importer's cheap first-character guards (summary label, text placeholders) and the comma switch of
 * number conversions must never change a result: each is compared with the full test it skips, on both
 * engines, over cells made to sit on the edges (leading Unicode spaces, "ſumme" which RE2 folds to "summe",
 * empty text, NULL, commas).
 */
import { describe, expect, it } from 'vitest';
import { quoteLiteral } from '../../../shared/engine/sql';
import type { Engine } from '../../../shared/engine/types';
import { labelStartSql, SUMMARY_LABEL_SQL } from '../../../shared/import/preamble';
import { conversionSql, decideColumn, PLACEHOLDERS } from '../../../shared/import/values';
import { withBothEngines } from './helpers';

const engines = withBothEngines();

const SPACES = ['', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\u202f', '\u1680', '\ufeff'];
const WORDS = ['Total', 'total: Account', 'GRAND TOTAL', 'ſumme', 'Summe', 'gesamt', 'totaux', 'Brand - Exact', '2020-01-01', '--', 'n/a', '#N/A', '(null)', '—', '–', 'NA', 'nan', 'N/A', 'null', 'x', 'ß', 'Élan'];
const CELLS = [...SPACES.flatMap((s) => WORDS.flatMap((w) => [s + w, w + s, s + w + s])), ...SPACES];
const NUMBERS = ['1,234.50', '1234.50', ' 1,234 ', '12', '', '--', '1,2,3', ',5', '5,', '(1,234.00)', '(12.5)', '$1,234.00', '1.5e3', 'abc', '1 234'];

async function rows(engine: Engine, cells: string[], exprs: string[]): Promise<unknown[][]> {
  const values = cells.map((c) => `(${quoteLiteral(c)})`).join(', ');
  const r = await engine.query(`SELECT ${exprs.map((e, i) => `${e} AS e${i}`).join(', ')} FROM (VALUES ${values}, (NULL)) t(c)`);
  return r.rows.map((row) => exprs.map((_, i) => row[`e${i}`]));
}

describe('first-character guards give the same answers as the full tests', () => {
  it('summary_label_guard_never_skips_a_label: the guarded pattern equals the pattern on every edge cell', async () => {
    const full = `coalesce(regexp_full_match(c, ${quoteLiteral(SUMMARY_LABEL_SQL)}), false)`;
    for (const engine of [engines.native, engines.wasm]) {
      const r = await rows(engine, CELLS, [full, `CASE WHEN ${labelStartSql('c')} THEN ${full} ELSE false END`]);
      expect(r.filter(([a]) => a === true).length).toBeGreaterThan(20);
      expect(r.filter(([a, b]) => a !== b)).toEqual([]);
    }
  });

  it('text_placeholder_guard_never_skips_a_placeholder: the text conversion equals the plain list lookup', async () => {
    const text = conversionSql('c', decideColumn(['a', 'b'], '.'), '.', 'MDY');
    const plain = `CASE WHEN list_contains([${PLACEHOLDERS.filter((p) => !['NA', 'nan', 'NaN'].includes(p)).map((p) => quoteLiteral(p)).join(', ')}], trim(c)) THEN NULL ELSE c END`;
    for (const engine of [engines.native, engines.wasm]) {
      const r = await rows(engine, CELLS, [plain, text]);
      expect(r.filter(([a]) => a === null).length).toBeGreaterThan(20);
      expect(r.filter(([a, b]) => a !== b)).toEqual([]);
    }
  });

  it('numbers_without_a_comma_skip_replace: both conversion forms give the same values', async () => {
    for (const sample of [['1,234.50', '12.5', '3'], ['(1,234.00)', '(2.5)', '3.1'], ['$1,234.00', '$2.50', '$3.10']]) {
      const few = decideColumn(sample, '.');
      expect(few.mostlyGrouped).toBe(false);
      const many = { ...few, mostlyGrouped: true };
      for (const engine of [engines.native, engines.wasm]) {
        const r = await rows(engine, NUMBERS, [conversionSql('c', many, '.', 'MDY'), conversionSql('c', few, '.', 'MDY')]);
        expect(r.filter(([a]) => a !== null).length).toBeGreaterThan(3);
        expect(r.filter(([a, b]) => a !== b)).toEqual([]);
      }
    }
  });
});
