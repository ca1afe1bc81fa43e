/**
 * Google Analytics 4: standard reports and explorations share the "# Account:" / "# Property:" block;
 * the title line tells them apart ("Traffic acquisition: …" vs "Free form 1").
 */
import type { PlatformKnowledge, Recognition } from './types';

// Secondary source stating GA4's definition (engaged sessions / sessions).
const ENGAGEMENT = 'https://www.bbccss.com/engagement-rate-vs-bounce-rate-in-ga4.html';

const GA4_HEADERS: Recognition['unique'] = [
  'session source / medium',
  'session default channel group',
  'session primary channel group (default channel group)',
  'first user source / medium',
  'first user default channel group',
  'engaged sessions',
  'engagement rate',
  'key events',
  'session key event rate',
  'user key event rate',
  'active users',
  'event count',
  'session campaign',
  'average engagement time per session',
  'average engagement time per active user',
  'views per session',
  'page path and screen class',
  'page title and screen class',
  'session source',
  'session medium',
  'event name',
  'engaged sessions per active user',
  'events per session',
];
const GA4_SHARED = ['sessions', 'total revenue', 'new users', 'total users', 'users', 'date', 'views', 'purchase revenue', 'landing page'];
const PROPERTY = { name: 'Property line', re: /^property:/i };
const ACCOUNT = { name: 'Account line', re: /^account:/i };

const RATES: PlatformKnowledge['rates'] = [
  {
    headers: ['engagement rate'],
    num: 'engaged_sessions',
    den: 'sessions',
    factor: 1,
    unit: 'percent',
    text: 'engaged sessions / sessions',
    source: ENGAGEMENT,
  },
];

export const GA4: PlatformKnowledge = {
  label: 'Google Analytics 4',
  domain: 'marketing',
  source: ENGAGEMENT,
  recognise: {
    unique: GA4_HEADERS,
    shared: GA4_SHARED,
    preamble: [
      PROPERTY,
      ACCOUNT,
      {
        name: 'report title',
        re: /^(traffic acquisition|user acquisition|pages and screens|events|landing page|ecommerce purchases|tech details|demographic details|conversions|key events|google ads campaigns|lead acquisition)\b/i,
      },
    ],
    fileName: [/^(traffic_acquisition|user_acquisition|pages_and_screens|events|landing_page|ecommerce_purchases)_/i],
  },
  rates: RATES,
  settings: [],
  optional: ['total revenue', 'purchase revenue', 'key events', 'session key event rate', 'user key event rate'],
};

export const GA4_EXPLORATION: PlatformKnowledge = {
  label: 'Google Analytics 4 exploration',
  domain: 'marketing',
  source: 'https://www.bbccss.com/how-to-calculate-and-view-bounce-rate-in-ga4.html',
  recognise: {
    unique: GA4_HEADERS,
    shared: GA4_SHARED,
    preamble: [
      PROPERTY,
      ACCOUNT,
      {
        name: 'exploration title',
        re: /^(free ?form|funnel exploration|path exploration|segment overlap|user explorer|cohort exploration|user lifetime|exploration)\b/i,
      },
    ],
    fileName: [/^(free_form|funnel_exploration|path_exploration|segment_overlap|cohort_exploration|exploration)/i],
    requiresLine: 'exploration title',
  },
  rates: RATES,
  settings: [],
  optional: ['total revenue', 'purchase revenue', 'key events'],
};
