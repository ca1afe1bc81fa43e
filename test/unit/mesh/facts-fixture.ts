/** A hand-made DatasetFacts for UI tests that need no engine. */
import type { DatasetFacts } from '../../../shared/mesh/types';

const col = (name: string, type: string, role: DatasetFacts['columns'][number]['role'], extra: Partial<DatasetFacts['columns'][number]> = {}) => ({
  name, type, role, nulls: 0, distinct: 10, percent: false, examples: [], personal: null, sum: null, min: null, ...extra,
});

export const ADS: DatasetFacts = {
  name: 'ads.csv',
  tableName: 'ads',
  rows: 240,
  columns: [col('Day', 'DATE', 'date'), col('Campaign', 'VARCHAR', 'campaign', { nulls: 3 }), col('Clicks', 'BIGINT', 'clicks', { sum: 900 }), col('Impr.', 'BIGINT', 'impressions'), col('Conversions', 'DOUBLE', 'conversions', { sum: 80 })],
  platform: 'Google Ads',
  domain: 'marketing',
  dates: { column: 'Day', start: '2026-09-01', end: '2026-09-30', days: 30, distinctDates: 29, missingDays: 1, stepDays: 1 },
  grain: ['Day', 'Campaign'],
  grainDuplicates: 0,
  findings: [{ checkId: 'funnel_inversion', title: 'Funnel step above its parent', severity: 'error', count: 4, owner: 'ads' }],
  score: 71,
  summaryRows: 2,
  skippedLines: 2,
  labels: { Campaign: ['Brand', 'Generic'] },
  wonBySource: null,
  wonTotal: null,
  funnelInversions: 4,
};
