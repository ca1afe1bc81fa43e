/** Checks read the platform knowledge: bugs from issue 10, each named after what a user saw. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { auditImports } from '../../../shared/audit/audit';
import type { AuditReport } from '../../../shared/audit/audit';
import { importFile } from '../../../shared/import/index';
import { inspectObject } from '../../../shared/import/inspect-object';
import { auditPlatformFixture, PLATFORM_FIXTURES } from '../semantics/platform-fixtures';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const byCheck = (r: AuditReport, id: string) => r.findings.filter((f) => f.check === id);

/** Audit a variant of a fixture (text edited in the test), saved under the same file name in a temp folder. */
async function auditVariant(file: string, edit: (text: string) => string): Promise<AuditReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-knowledge-'));
  const full = path.join(dir, file);
  writeFileSync(full, edit(readFileSync(path.join(PLATFORM_FIXTURES, file), 'utf8')));
  const result = await importFile(engine, { path: full, name: file, bytes: new Uint8Array(readFileSync(full)) });
  return auditImports(engine, [{ result, inspect: inspectObject(result) }], { referenceDate: '2026-01-16' });
}

describe('derived_metric_mismatch follows the platform definition', () => {
  it('conv rate vs interactions on a Performance Max row: Google Ads divides by interactions, no false error', async () => {
    const r = await auditPlatformFixture(engine, 'Campaign report.csv');
    expect(byCheck(r, 'derived_metric_mismatch')).toEqual([]);
    expect(r.summary.errors).toBe(0);
  }, 60_000);

  it('an edited Conv. rate on that row is still caught, with stated value, recomputed value and tolerance', async () => {
    // PMax: 41 conversions / 1,288 interactions = 3.18%; 41 / 610 clicks would be 6.72%.
    const r = await auditVariant('Campaign report.csv', (t) => t.replace('41.00,3.18%', '41.00,6.72%'));
    const [f] = byCheck(r, 'derived_metric_mismatch').filter((x) => x.columns[0] === 'Conv. rate');
    expect(f?.rows).toBe(1);
    expect(f?.message).toContain('conversions / interactions');
    expect(f?.message).toMatch(/states 6\.72%, recomputed 3\.18%; tolerance ±0\.005 percentage points/);
    expect(f?.details?.definition).toBe('https://support.google.com/google-ads/answer/2684489');
  }, 60_000);

  it('Leads vs Conversions: Leads gets its own role and the rates use Conversions', async () => {
    const r = await auditPlatformFixture(engine, 'GoogleAds_DataAnalytics_Sales.csv');
    const roles = r.summary.datasets[0]!.roles;
    expect(roles.Leads).toBe('leads');
    expect(roles.Conversions).toBe('conversions');
    expect(roles.Keyword).toBe('search_query');
    // Google Ads' Conv. rate needs Interactions: without them it is never recomputed from Leads or Clicks.
    expect(byCheck(r, 'derived_metric_mismatch')).toEqual([]);
    expect(r.summary.errors).toBe(0);
  }, 60_000);

  it('Leads vs Conversions: a Microsoft Ads Conv. rate is checked against Conv., not a Leads column beside it', async () => {
    const r = await auditVariant('Campaign_Performance_Report_2026-01-15.csv', (t) =>
      t
        .split('\n')
        .map((l) => (/^"?Gregorian date/.test(l) ? `${l},Leads` : /^\d+\/\d+\/2026,/.test(l) ? `${l},9` : l))
        .join('\n'),
    );
    expect(r.summary.datasets[0]!.roles.Leads).toBe('leads');
    expect(byCheck(r, 'derived_metric_mismatch')).toEqual([]);
  }, 60_000);
});

describe('settings and optional columns', () => {
  it('" --" in Target CPA is logged once as not applicable, never a placeholder or mostly-empty warning', async () => {
    const r = await auditPlatformFixture(engine, 'Campaign report.csv');
    const about = (col: string) => r.findings.filter((f) => f.columns.includes(col));
    expect(about('Target CPA').map((f) => `${f.severity} ${f.check}`)).toEqual(['info missing_values']);
    expect(about('Target CPA')[0]?.message).toContain('Target CPA (3 rows)');
    expect(byCheck(r, 'placeholder_values')).toEqual([]);
    expect(byCheck(r, 'high_null_column')).toEqual([]);
  }, 60_000);

  it('SE Ranking Map columns: four empty duplicate "Map" columns give one grouped info, not four warnings', async () => {
    const r = await auditPlatformFixture(engine, 'juice.example.com-keywords-2026-01-15.csv');
    const high = byCheck(r, 'high_null_column');
    expect(high).toHaveLength(1);
    expect(high[0]?.severity).toBe('info');
    expect(high[0]?.message).toContain('Map (×4) 100%');
  }, 60_000);

  it('a mostly empty required column still warns: an ads file without spend in most rows', async () => {
    const r = await auditVariant('report_20260115.csv', (t) =>
      t
        .split('\n')
        .map((l, i) => (i > 0 && i % 4 !== 0 && l ? l.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, '$1') : l))
        .join('\n'),
    );
    const [f] = byCheck(r, 'high_null_column');
    expect(f?.severity).toBe('warning');
    expect(f?.columns).toEqual(['Cost']);
  }, 60_000);
});
