/** Google Search Console: the Performance report's export (Queries.csv, Pages.csv, Dates.csv, …). */
import type { PlatformKnowledge } from './types';

const PERFORMANCE = 'https://support.google.com/webmasters/answer/7576553';

export const SEARCH_CONSOLE: PlatformKnowledge = {
  label: 'Google Search Console',
  domain: 'marketing',
  source: PERFORMANCE,
  recognise: {
    unique: ['top queries', 'top pages', 'position', 'search appearance'],
    shared: ['clicks', 'impressions', 'ctr', 'date', 'country', 'device', 'query', 'page'],
    fileName: [/^(queries|pages|countries|devices|dates|search appearance|chart)(\s*\(\d+\))?\.csv$/i, /performance-on-search/i],
  },
  rates: [
    {
      headers: ['ctr'],
      num: 'clicks',
      den: 'impressions',
      factor: 1,
      unit: 'percent',
      text: 'clicks / impressions',
      source: PERFORMANCE,
    },
  ],
  settings: [],
  optional: [],
};
