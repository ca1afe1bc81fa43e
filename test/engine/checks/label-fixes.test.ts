/**
 * label-fixes.ts on a real file and real duckdb-wasm: the four campaign spellings of the fixture
 * ("DataAnalyticsCourse", "Data Analytcis Course", "Data Analytics Corse", "Data Anlytics Corse") are
 * exported as one value, the suggested canonical or the user's choice; other values and columns stay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { labelChoiceUse, labelFixColumnSql, labelFixes, labelFixLog } from '../../../shared/checks/label-fixes';
import { inconsistentLabels } from '../../../shared/checks/labels';
import { runChecks } from '../../../shared/checks/runner';
import type { Finding } from '../../../shared/checks/types';
import { exportSelect } from '../../../shared/import/export';
import { importFile } from '../../../shared/import/index';
import type { ImportResult } from '../../../shared/import/types';
import { FIXTURES } from './helpers';

const NAME = 'label-clusters-campaign-and-city-spellings.csv';
const SPELLINGS = ['DataAnalyticsCourse', 'Data Analytcis Course', 'Data Analytics Corse', 'Data Anlytics Corse'];

let engine: NodeEngine;
let result: ImportResult;
let findings: Finding[];
beforeAll(async () => {
  engine = await NodeEngine.create();
  const file = path.join(FIXTURES, NAME);
  result = await importFile(engine, { path: file, name: NAME, bytes: new Uint8Array(readFileSync(file)) });
  const { dataset } = await analyseImport(engine, result);
  findings = await runChecks(engine, dataset, { referenceDate: '2026-01-25' }, {}, [inconsistentLabels]);
}, 120_000);
afterAll(async () => {
  await engine.close();
});

async function campaignCounts(sql: string): Promise<Record<string, number>> {
  const res = await engine.query<{ Campaign: string; n: number }>(`SELECT "Campaign", count(*)::INTEGER AS n FROM (${sql}) GROUP BY 1`);
  return Object.fromEntries(res.rows.map((r) => [r.Campaign, Number(r.n)]));
}

describe('label fixes in the cleaned export', () => {
  it('the four campaign spellings become one value, the suggested canonical', async () => {
    const fixes = labelFixes(findings).filter((f) => f.column === 'Campaign');
    expect(fixes).toHaveLength(1);
    expect(fixes[0]!.canonical).toBe('Data Analytics Course');
    expect(fixes[0]!.variants.map((v) => v.value).sort()).toEqual([...SPELLINGS].sort());
    const counts = await campaignCounts(exportSelect(result, fixes));
    expect(counts['Data Analytics Course']).toBe(18);
    for (const s of SPELLINGS) expect(counts[s]).toBeUndefined();
    // The other campaigns are untouched, and so is the row count.
    const before = await campaignCounts(exportSelect(result));
    expect(counts['Brand Search']).toBe(before['Brand Search']);
    expect(counts['Python Bootcamp']).toBe(before['Python Bootcamp']);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(result.rows);
  });

  it("the user's chosen canonical wins, typed or one of the variants, and the log names every replacement", async () => {
    const typed = labelFixes(findings, { Campaign: { 'Data Analytics Course': "Data Analytics Course (O'Neil)" } }).filter((f) => f.column === 'Campaign');
    const counts = await campaignCounts(exportSelect(result, typed));
    expect(counts["Data Analytics Course (O'Neil)"]).toBe(18);
    const variant = labelFixes(findings, { Campaign: { 'Data Analytics Course': 'DataAnalyticsCourse' } }).filter((f) => f.column === 'Campaign');
    expect((await campaignCounts(exportSelect(result, variant)))['DataAnalyticsCourse']).toBe(18);
    const log = labelFixLog(variant);
    expect(log).toHaveLength(3);
    expect(log).toContain('Campaign: "Data Anlytics Corse" → "DataAnalyticsCourse" (4 rows)');
  });

  it('label_choice_lost_when_the_suggestion_moved: a choice keyed by an earlier suggestion still applies to its cluster, and is named as used', async () => {
    // Last month the cluster's suggestion was "Data Anlytics Corse"; today it is "Data Analytics Course".
    const choices = { Campaign: { 'Data Anlytics Corse': 'Data Analytics (course)' }, Location: { Hyderbad: 'Hyderabad City', Nowhere: 'Atlantis' } };
    const fixes = labelFixes(findings, choices);
    const campaign = fixes.find((f) => f.column === 'Campaign' && f.suggested === 'Data Analytics Course')!;
    expect(campaign).toMatchObject({ canonical: 'Data Analytics (course)', choiceKey: 'Data Anlytics Corse' });
    expect((await campaignCounts(exportSelect(result, fixes)))['Data Analytics (course)']).toBe(18);
    expect(fixes.find((f) => f.column === 'Location' && f.suggested === 'Hyderabad')).toMatchObject({ canonical: 'Hyderabad City', choiceKey: 'Hyderbad' });
    const use = labelChoiceUse(fixes, choices);
    expect(use.used.map((c) => c.suggested)).toEqual(['Data Anlytics Corse', 'Hyderbad']);
    expect(use.unmatched).toEqual([{ column: 'Location', suggested: 'Nowhere', canonical: 'Atlantis' }]);
    // A choice keyed by today's suggestion wins over one that only matches a spelling.
    const both = labelFixes(findings, { Campaign: { 'Data Anlytics Corse': 'Old choice', 'Data Analytics Course': 'New choice' } });
    expect(both.find((f) => f.suggested === 'Data Analytics Course')!.canonical).toBe('New choice');
  });

  it('a column no fix touches is the plain quoted column', () => {
    expect(labelFixColumnSql('Cost', labelFixes(findings))).toBe('"Cost"');
    expect(labelFixColumnSql('Campaign', [])).toBe('"Campaign"');
  });
});
