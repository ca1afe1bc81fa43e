/** Audience files (customer-match uploads): identifiers, raw or hashed, and matching keys; no metrics. */
import type { PlatformKnowledge } from './types';

/** Column names Meta and Google document for customer-list uploads (email, phone, fn, ln, zip, ct, st, …). */
export const AUDIENCE_HEADERS = [
  'email',
  'phone',
  'fn',
  'ln',
  'zip',
  'ct',
  'st',
  'country',
  'doby',
  'dob',
  'gen',
  'madid',
  'external_id',
  'mobile_advertiser_id',
  'value',
  'hashed_email',
  'sha256_email',
  'email_sha256',
  'phone_sha256',
  'maid',
  'idfa',
  'gaid',
];

export const AUDIENCE: PlatformKnowledge = {
  label: 'Audience segment',
  domain: 'marketing',
  // Google's customer-match preparation guide: normalise, hash with SHA-256, e-mail / phone / name / zip / country.
  source: 'https://developers.google.com/display-video/api/guides/tasks/upload-customer-match-audience/prepare-data',
  recognise: { unique: [], shared: [] },
  rates: [],
  settings: [],
  // Matching keys beyond the identifier are optional: most lists have only some of them.
  optional: ['phone', 'fn', 'ln', 'zip', 'ct', 'st', 'country', 'doby', 'dob', 'gen', 'madid', 'external_id', 'value'],
};
