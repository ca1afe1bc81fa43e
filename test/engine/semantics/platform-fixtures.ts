/** The genuine-layout fixtures under test/fixtures/platforms: which tool wrote each, loaded like the CLI loads files. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NodeEngine } from '../../../electron/engine/node-engine';
import { auditImports } from '../../../shared/audit/audit';
import type { AuditReport } from '../../../shared/audit/audit';
import { importFile } from '../../../shared/import/index';
import { inspectObject } from '../../../shared/import/inspect-object';
import type { Platform } from '../../../shared/semantics/platform';

export const PLATFORM_FIXTURES = path.resolve(__dirname, '../../fixtures/platforms');

/** One fixture per platform layout, with the platform that wrote it. Near-misses sit side by side on purpose. */
export const LAYOUTS: Array<[file: string, platform: Platform]> = [
  ['Campaign report.csv', 'google_ads'],
  ['GoogleAds_DataAnalytics_Sales.csv', 'google_ads'],
  ['Campaign_Performance_Report_2026-01-15.csv', 'microsoft_ads'],
  ['Demo-Co-Ad-sets-Jan-1-2026-Jan-14-2026.csv', 'meta_ads'],
  ['campaign_performance_report.csv', 'linkedin_ads'],
  ['report_20260115.csv', 'tiktok_ads'],
  ['ga4-traffic-acquisition.csv', 'ga4'],
  ['ga4-pages-and-screens.csv', 'ga4'],
  ['ga4-exploration-free-form.csv', 'ga4_exploration'],
  ['Queries.csv', 'search_console'],
  ['Dates.csv', 'search_console'],
  ['locations-2026-01.csv', 'business_profile'],
  ['multiTimeline.csv', 'google_trends'],
  ['juice.example.com-organic.Positions-us-20260115-2026-01-16T08_12_40Z.csv', 'semrush'],
  ['juice-keyword-ideas_us_2026-01-15.csv', 'ahrefs'],
  ['juice.example.com-keywords-2026-01-15.csv', 'se_ranking'],
  ['hubspot-crm-exports-all-contacts-2026-01-15.csv', 'hubspot'],
  ['report1736930000000.csv', 'salesforce'],
  ['subscribed_members_export_2f9c1a7b3e.csv', 'mailchimp'],
  ['customer-match-upload.csv', 'audience_segment'],
];

/** Audit one fixture exactly as `meshlens audit <file>` does (same import, same shared/audit code). */
export async function auditPlatformFixture(engine: NodeEngine, file: string, referenceDate = '2026-01-16'): Promise<AuditReport> {
  const full = path.join(PLATFORM_FIXTURES, file);
  const result = await importFile(engine, { path: full, name: file, bytes: new Uint8Array(readFileSync(full)) });
  return auditImports(engine, [{ result, inspect: inspectObject(result) }], { referenceDate });
}
