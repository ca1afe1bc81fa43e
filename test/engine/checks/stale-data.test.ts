/**
 * stale_data judged against the day the file was exported, not the day it is audited. Bug: every healthy
 * export of a past month got a "Stale data" warning (a January report audited in November is old, not
 * defective), so no genuine export could audit with zero warnings on any day after its period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { exportedOn } from '../../../shared/import/preamble';
import { auditFixture, byCheck } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('stale_data', () => {
  it('stale_data_warned_on_every_healthy_past_month_export: a past report audited months later is an info', async () => {
    const { findings } = await auditFixture(engine, 'google-ads-clean.csv', { referenceDate: '2026-11-28' });
    const stale = byCheck(findings, 'stale_data');
    expect(stale.map((f) => f.severity)).toEqual(['info']);
    expect(stale[0]!.message).toContain('fine for a report of a past period');
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('warns when the file itself shows it was already old when exported', async () => {
    const { findings, analysed } = await auditFixture(engine, 'stale-data-exported-weeks-after-last-day.csv', {
      referenceDate: '2026-03-02',
    });
    expect(analysed.dataset.exportedOn).toBe('2026-03-02');
    const stale = byCheck(findings, 'stale_data');
    expect(stale.map((f) => [f.severity, f.rows])).toEqual([['warning', 28]]);
    expect(stale[0]!.message).toContain('exported on 2026-03-02, 47 days later');
  });

  it('warns against the audit date when the dataset is declared a current feed', async () => {
    const { findings } = await auditFixture(engine, 'google-ads-clean.csv', {
      referenceDate: '2026-02-01',
      checks: { stale_data: { current: true } },
    });
    expect(byCheck(findings, 'stale_data').map((f) => f.severity)).toEqual(['warning']);
  });

  it('reads the export day from a creation line or a timestamped file name, never from a range', () => {
    expect(exportedOn(['Campaign Performance', '"Date Generated: Jan 15, 2026, 9:15 AM"'])).toBe('2026-01-15');
    expect(exportedOn(['Report Time: 1/1/2026 - 1/14/2026'])).toBeUndefined();
    expect(exportedOn([], 'site-organic.Positions-us-20260115-2026-01-16T08_12_40Z.csv')).toBe('2026-01-16');
    expect(exportedOn([], 'hubspot-crm-exports-all-contacts-2026-01-15.csv')).toBeUndefined();
  });
});
