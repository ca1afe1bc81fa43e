/**
 * SEO keyword tools. Their keyword exports look alike (Keyword, Volume, CPC, a difficulty score, URL,
 * position); the names of the difficulty and volume columns and the tool's own extras tell them apart.
 * Values such as volume, CPC and difficulty are the tool's estimates, not ratios of other columns:
 * nothing is recomputed. Optional columns (CPS, trend, parent keyword, SERP features) are often empty.
 */
import type { PlatformKnowledge } from './types';

export const SEMRUSH: PlatformKnowledge = {
  label: 'Semrush',
  domain: 'marketing',
  // Column list of the Organic Research positions export (Semrush API docs quoted by a connector's documentation).
  source: 'https://dashclicks-docs.pages.dev/docs/service/external/semrush/keyword-research',
  recognise: {
    unique: [
      'search volume',
      'keyword difficulty',
      'keyword difficulty index',
      'previous position',
      'traffic (%)',
      'traffic cost',
      'traffic cost (%)',
      'competitive density',
      'number of results',
      'serp features by keyword',
      'keyword intents',
      'position type',
      'timestamp',
      'trends',
      'competition',
    ],
    shared: ['keyword', 'position', 'cpc', 'url', 'traffic', 'volume', 'intent', 'trend', 'serp features'],
    fileName: [/-organic\.positions-/i, /_broad-match_/i, /_phrase_match_/i, /^semrush[_ -]/i, /keyword[_ ]magic/i],
  },
  rates: [],
  settings: [],
  optional: ['previous position', 'serp features by keyword', 'serp features', 'keyword intents', 'intent', 'trends', 'trend', 'timestamp', 'url', 'cpc', 'competition', 'competitive density'],
};

export const AHREFS: PlatformKnowledge = {
  label: 'Ahrefs',
  domain: 'marketing',
  source: 'https://ahrefs.com/academy/how-to-use-ahrefs/ahrefs-seo-metrics/keyword-and-search-traffic',
  recognise: {
    unique: [
      'cps',
      'parent keyword',
      'parent topic',
      'global volume',
      'traffic potential',
      'global traffic potential',
      'kd',
      'difficulty',
      'current position',
      'current url',
      'previous url',
      'organic traffic',
      'country code',
      'first seen',
      'last update',
      'entities',
    ],
    shared: ['#', 'keyword', 'volume', 'cpc', 'serp features', 'intents', 'location', 'country', 'previous position', 'url', 'position'],
    fileName: [/-organic-keywords-/i, /_keyword-ideas_/i, /-keywords-explorer/i, /^ahrefs[_ -]/i, /-matching-terms/i],
  },
  rates: [],
  settings: [],
  optional: ['cps', 'parent keyword', 'parent topic', 'serp features', 'global volume', 'traffic potential', 'global traffic potential', 'intents', 'entities', 'cpc', 'first seen', 'last update', 'previous position', 'previous url', 'location'],
};

export const SE_RANKING: PlatformKnowledge = {
  label: 'SE Ranking',
  domain: 'marketing',
  source: 'https://seranking.com/',
  recognise: {
    unique: ['map', 'snippets', 'difference', 'kei', 'google (position)', 'search engine', 'tag'],
    shared: ['keyword', 'search volume', 'volume', 'kd', 'cpc', 'competition', 'url', 'position', 'traffic', 'traffic cost', 'previous position'],
    fileName: [/^se[_ -]?ranking/i, /_rankings?_\d{4}/i, /^keyword-research_/i],
  },
  rates: [],
  settings: [],
  // "Map" (local pack) repeats once per tracked search engine and is empty when the keyword shows no map.
  optional: ['map', 'snippets', 'kei', 'competition', 'cpc', 'difference', 'previous position', 'tag', 'traffic', 'traffic cost'],
};
