/** Microsoft Advertising: reports downloaded from the Reports page (metadata block above, copyright line below). */
import type { PlatformKnowledge } from './types';

// Secondary source listing Microsoft Advertising's report columns and their formulas.
const METRICS = 'https://help.dashthis.com/bingads-metrics-and-dimensions';

export const MICROSOFT_ADS: PlatformKnowledge = {
  label: 'Microsoft Ads',
  domain: 'marketing',
  source: 'https://help.ads.microsoft.com/apex/index/3/en/56710',
  recognise: {
    unique: [
      'gregorian date',
      'timeperiod',
      'time period',
      'return on ad spend',
      'account number',
      'conv.',
      'ad distribution',
      'cost per conv.',
      'accountname',
      'campaignname',
      'averagecpc',
      'conversionrate',
      'costperconversion',
      'returnonadspend',
    ],
    shared: [
      'campaign name',
      'ad group',
      'impr.',
      'clicks',
      'spend',
      'avg. cpc',
      'revenue',
      'account name',
      'ctr',
      'conv. rate',
      'conversions',
      'impressions',
    ],
    preamble: [
      { name: 'Report Name line', re: /^report name:/i },
      { name: 'Report Time line', re: /^report (time|aggregation|filter):/i },
      { name: 'Microsoft copyright line', re: /microsoft corporation/i },
    ],
    fileName: [/^(microsoft|bing)[_ -]?ads/i, /^(campaign|ad group|keyword)_performance_report/i],
  },
  rates: [
    {
      headers: ['ctr'],
      num: 'clicks',
      den: 'impressions',
      factor: 1,
      unit: 'percent',
      text: 'clicks / impressions',
      source: METRICS,
    },
    {
      headers: ['avg. cpc', 'averagecpc'],
      num: 'spend',
      den: 'clicks',
      factor: 1,
      unit: 'money',
      text: 'spend / clicks',
      source: METRICS,
    },
    {
      headers: ['conv. rate', 'conversionrate', 'conversion rate'],
      num: 'conversions',
      den: 'clicks',
      factor: 1,
      unit: 'percent',
      text: 'conversions / clicks',
      source: METRICS,
    },
    {
      headers: ['cost per conv.', 'costperconversion', 'cost per conversion', 'cost / conv.'],
      num: 'spend',
      den: 'conversions',
      factor: 1,
      unit: 'money',
      text: 'spend / conversions',
      source: METRICS,
    },
  ],
  settings: ['bid strategy type', 'budget name', 'budget', 'target cpa', 'target roas'],
  optional: ['revenue', 'return on ad spend', 'returnonadspend', 'quality score'],
};
