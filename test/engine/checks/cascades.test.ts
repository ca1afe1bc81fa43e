/** One defect, one finding: no phantom gaps from out-of-range rows, no format warning for a PII error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { auditFixture, byCheck } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('no cascades', () => {
  it('rows_after_stated_range_created_phantom_date_gaps: out-of-range rows are reported once, as out of range', async () => {
    // Title says 1-10 January; two extra rows on the 17th and 24th.
    const { findings } = await auditFixture(engine, 'date-gaps-rows-after-stated-range.csv');
    const out = byCheck(findings, 'date_out_of_range');
    expect(out).toHaveLength(1);
    expect(out[0]!.rows).toBe(2);
    expect(out[0]!.sample.map((s) => s.line)).toEqual([14, 15]);
    expect(byCheck(findings, 'date_gaps')).toEqual([]);
  });

  it('still finds a gap inside the stated period', async () => {
    const { findings } = await auditFixture(engine, 'date-gaps-missing-days.csv');
    expect(byCheck(findings, 'date_gaps').length).toBeGreaterThan(0);
  });

  it('raw_emails_in_hash_column_were_also_counted_as_format_warning: only the other malformed values are', async () => {
    const { findings } = await auditFixture(engine, 'invalid-format-raw-emails-and-md5-in-hash-column.csv');
    const pii = byCheck(findings, 'pii_detected');
    expect(pii.map((f) => [f.severity, f.rows])).toEqual([['error', 2]]);
    expect(pii[0]!.sample.map((s) => s.line)).toEqual([6, 15]);
    const format = byCheck(findings, 'invalid_format');
    expect(format.map((f) => [f.severity, f.rows])).toEqual([['warning', 1]]);
    // The MD5 on line 11, not the e-mails.
    expect(format[0]!.sample.map((s) => s.line)).toEqual([11]);
  });
});
