/** Google Business Profile: the performance report downloaded for one or many locations. */
import type { PlatformKnowledge } from './types';

export const BUSINESS_PROFILE: PlatformKnowledge = {
  label: 'Google Business Profile',
  domain: 'marketing',
  // Secondary source describing the Performance dashboard's metrics (Interactions, Searches, Views).
  source: 'https://www.reinstatementninja.com/google-business-profile-performance-dashboard',
  recognise: {
    unique: [
      'store code',
      'business name',
      'google search - mobile',
      'google search - desktop',
      'google maps - mobile',
      'google maps - desktop',
      'website clicks',
      'directions',
      'calls',
      'bookings',
      'food orders',
      'food menu clicks',
      'hotel bookings',
      'direct searches',
      'discovery searches',
      'maps views',
      'search views',
    ],
    shared: ['address', 'labels', 'messages', 'date'],
    fileName: [/^(business[_ ]profile|gbp|google[_ ]my[_ ]business|insights)[_ -]/i, /performance report/i],
  },
  rates: [],
  settings: ['labels', 'store code'],
  // Features a business does not offer (messages, bookings, food orders) stay empty.
  optional: ['messages', 'bookings', 'food orders', 'food menu clicks', 'hotel bookings', 'labels', 'store code'],
};
