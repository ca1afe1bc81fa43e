/** LinkedIn Campaign Manager performance reports (report title and Report Start / End lines above the header). */
import type { PlatformKnowledge } from './types';

const METRICS = 'https://www.linkedin.com/help/lms/answer/a445476';
// Secondary source listing Campaign Manager metrics with their formulas.
const FORMULAS = 'https://help.dashthis.com/linkedin-ads-metrics-and-dimensions';

export const LINKEDIN_ADS: PlatformKnowledge = {
  label: 'LinkedIn Ads',
  domain: 'marketing',
  source: METRICS,
  recognise: {
    unique: [
      'campaign group name',
      'total spent',
      'start date (in utc)',
      'clicks to landing page',
      'one-click leads',
      'campaign group',
      'member company',
      'leads (work email)',
      'click through rate',
      'campaign objective',
      'campaign group id',
      'landing page clicks',
      'lead form opens',
      'cost per lead',
      'total engagements',
    ],
    shared: [
      'campaign name',
      'campaign id',
      'campaign type',
      'impressions',
      'clicks',
      'average ctr',
      'average cpc',
      'average cpm',
      'conversions',
      'leads',
      'currency',
      'account name',
    ],
    preamble: [
      { name: 'LinkedIn report title', re: /^campaign (performance|demographics|creative).* report( \(in utc\))?$/i },
      { name: 'Report Start line', re: /^report (start|end):/i },
      { name: 'Date Generated line', re: /^date generated:/i },
    ],
    fileName: [/^campaign_(performance|creative_performance|demographics)_report/i, /^linkedin[_ -]ads/i],
  },
  rates: [
    {
      headers: ['average cpc'],
      num: 'spend',
      den: 'clicks',
      factor: 1,
      unit: 'money',
      text: 'total spent / clicks',
      source: FORMULAS,
    },
    {
      headers: ['cost per lead'],
      num: 'spend',
      den: 'leads',
      factor: 1,
      unit: 'money',
      text: 'total spent / leads',
      source: FORMULAS,
    },
  ],
  settings: ['bid strategy', 'daily budget', 'total budget', 'campaign end date', 'bid type'],
  optional: ['leads', 'one-click leads', 'lead form opens', 'conversions', 'cost per lead', 'conversion rate', 'cost per conversion'],
};
