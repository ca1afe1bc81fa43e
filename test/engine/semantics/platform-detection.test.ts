/**
 * Platform detection over one genuine-layout fixture per platform layout, read with the real importer:
 * the full confusion matrix must be diagonal. Near-misses sit side by side on purpose (Google Ads vs
 * Microsoft Ads, GA4 report vs exploration, Semrush vs Ahrefs vs SE Ranking, Search Console vs GA4).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { importFile } from '../../../shared/import/index';
import { fingerprintPlatform, PLATFORMS } from '../../../shared/semantics/platform';
import { LAYOUTS, PLATFORM_FIXTURES } from './platform-fixtures';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

async function detect(file: string) {
  const full = path.join(PLATFORM_FIXTURES, file);
  const result = await importFile(engine, { path: full, name: file, bytes: new Uint8Array(readFileSync(full)) });
  return (await analyseImport(engine, result)).semantics.platform;
}

describe('platform detection: confusion matrix over genuine layouts', () => {
  it('covers every known platform with at least 16 layouts', () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(16);
    const covered = new Set(LAYOUTS.map(([, p]) => p));
    expect(PLATFORMS.filter((p) => p !== 'generic' && !covered.has(p))).toEqual([]);
  });

  it('every off-diagonal cell is 0', async () => {
    const matrix: Record<string, Record<string, number>> = {};
    const expected: Record<string, Record<string, number>> = {};
    const evidence: string[] = [];
    for (const [file, truth] of LAYOUTS) {
      const guess = await detect(file);
      (matrix[truth] ??= {})[guess.platform] = (matrix[truth]?.[guess.platform] ?? 0) + 1;
      (expected[truth] ??= {})[truth] = (expected[truth]?.[truth] ?? 0) + 1;
      evidence.push(`${file}: ${guess.label} ${guess.because}`);
    }
    expect(matrix, evidence.join('\n')).toEqual(expected);
  }, 120_000);

  it('the evidence reads as a sentence a user can check', async () => {
    const ga4 = await detect('ga4-traffic-acquisition.csv');
    expect(ga4.because).toMatch(/^from: Property line, .*\d+ of 10 headers$/);
    const trends = await detect('multiTimeline.csv');
    expect(trends.because).toContain('Category line');
  }, 60_000);
});

describe('platform detection bugs (issue 10)', () => {
  it('GA4 Property preamble: a GA4 pages export is GA4, not a generic table', async () => {
    const g = await detect('ga4-pages-and-screens.csv');
    expect(g.platform).toBe('ga4');
    expect(g.evidence).toContain('Property line');
  }, 60_000);

  it('Google Ads sample (Ad_ID, Campaign_Name, Leads, Conversions, Keyword) is never LinkedIn Ads', async () => {
    const withName = await detect('GoogleAds_DataAnalytics_Sales.csv');
    expect(withName.platform).toBe('google_ads');
    expect(withName.because).toContain('file name');
    // The same headers without the file name: too little to name any tool.
    const headers = ['Ad_ID', 'Campaign_Name', 'Clicks', 'Impressions', 'Cost', 'Leads', 'Conversions', 'Keyword'];
    const bare = fingerprintPlatform(headers);
    expect(bare.platform).toBe('generic');
    expect(bare.label).toBe('Unknown tool');
    expect(bare.because).toMatch(/several tools share/);
  }, 60_000);

  it('SE Ranking export is SE Ranking, not Mailchimp', async () => {
    const g = await detect('juice.example.com-keywords-2026-01-15.csv');
    expect(g.platform).toBe('se_ranking');
    expect(g.alternative?.platform).not.toBe('mailchimp');
  }, 60_000);
});
