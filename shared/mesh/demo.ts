/**
 * The workshop's demo company and the files scripts/generate-demo-data.ts writes into assets/demo/.
 * One list, read by the generator, the workshop screens and the tests.
 */
import type { DomainId } from './types';

export const DEMO_COMPANY = {
  name: 'Fjordline Bikes',
  pitch: 'A direct-to-consumer e-bike maker selling through its web shop and 10 partner stores in Germany.',
  domains: {
    marketing: 'Runs Google Ads and Meta campaigns; owns the ad exports.',
    sales: 'Runs the CRM; owns opportunities and won deals.',
    product: 'Runs the companion app; owns usage data.',
    'data-platform': 'A small central team that runs the shared tools.',
  } satisfies Record<DomainId, string>,
};

export interface DemoFile {
  file: string;
  title: string;
  domain: DomainId;
  platform: string;
  layout: string;
  /** Problems planted on purpose, for the facilitator. */
  planted: string[];
  /** True for the "next month" file used to practise comparisons. */
  nextMonth?: boolean;
}

export const DEMO_FILES: DemoFile[] = [
  {
    file: 'google-ads-campaigns-2026-09.csv',
    title: 'Google Ads campaigns, September',
    domain: 'marketing',
    platform: 'Google Ads',
    layout: 'UTF-16 tab-separated with two title rows and two Total rows, as the Google Ads UI writes it',
    planted: [
      '14 September has no rows at all',
      '9 September, "Generic - E-Bikes": more clicks than impressions',
      '12 September, "Brand - DE": the same row exported twice',
      '20 and 21 September: "brand - de" instead of "Brand - DE"',
      '27 September: a row with no campaign name',
      '3 September, "Shopping - Accessories": conversions written as " --"',
    ],
  },
  {
    file: 'meta-ads-2026-09.csv',
    title: 'Meta ads, September',
    domain: 'marketing',
    platform: 'Meta',
    layout: 'UTF-8 CSV from Ads Manager with reporting window columns and a daily breakdown',
    planted: ['17 September: reach above impressions', '24 September: an ad set with no name', 'Purchases counted by Meta’s own attribution window'],
  },
  {
    file: 'crm-opportunities-2026-09.csv',
    title: 'CRM opportunities, September',
    domain: 'sales',
    platform: 'CRM',
    layout: 'UTF-8 CSV with snake_case headers',
    planted: ['Owner e-mail addresses (personal data)', 'Some opportunities without a lead source', 'One opportunity exported twice'],
  },
  {
    file: 'product-usage-2026-09.csv',
    title: 'App usage, September',
    domain: 'product',
    platform: 'Product analytics',
    layout: 'UTF-8 CSV, one row per day × account × feature',
    planted: ['11 September: a negative session count'],
  },
  {
    file: 'google-ads-campaigns-2026-10.csv',
    title: 'Google Ads campaigns, October (next month)',
    domain: 'marketing',
    platform: 'Google Ads',
    layout: 'As September, plus a new "Conv. value" column',
    planted: ['A new campaign "Winter Sale - DE"', 'A new column "Conv. value"', 'More rows than September'],
    nextMonth: true,
  },
  {
    file: 'geo-test-meta-2026-09.csv',
    title: 'Meta geo holdout test, September',
    domain: 'marketing',
    platform: 'Geo test',
    layout: 'UTF-8 CSV, one row per day × region: test/control group, pre/test period, shop orders and the purchases Meta claimed',
    planted: ['Meta prospecting paused in the four control regions from 15 September', 'Meta claims about three times the orders the test shows (true lift: 1.5 orders per test region and day)'],
  },
];
