/** Google Trends: "Interest over time" (multiTimeline.csv), "by region" (geoMap.csv), related queries. */
import type { PlatformKnowledge } from './types';

export const GOOGLE_TRENDS: PlatformKnowledge = {
  label: 'Google Trends',
  domain: 'marketing',
  // Values are an index of search interest, 0-100 relative to the highest point (secondary source).
  source: 'https://meetglimpse.com/google-trends/faq',
  recognise: {
    unique: [],
    shared: ['week', 'day', 'month', 'region', 'city', 'country', 'metro', 'top', 'rising'],
    // One column per search term: "fruit juice: (Worldwide)".
    headerPatterns: [/^.+: \(.+\)$/],
    preamble: [{ name: 'Category line', re: /^category: /i }],
    fileName: [/^(multitimeline|geomap|relatedqueries|relatedentities)(\s*\(\d+\))?\.csv$/i],
  },
  rates: [],
  settings: [],
  optional: [],
};
