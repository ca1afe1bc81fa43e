/** The platform knowledge tables: every definition cites its source, every name is written the way it is matched. */
import { describe, expect, it } from 'vitest';
import { PLATFORM_LABELS, PLATFORMS } from '../../../shared/semantics/platform';
import { GENERIC_RATES, KNOWLEDGE, rateDefinition } from '../../../shared/semantics/platforms/index';
import { normaliseHeader, ROLES } from '../../../shared/semantics/roles';

const entries = Object.entries(KNOWLEDGE);

describe('platform knowledge as data', () => {
  it('covers the platforms issue 10 names', () => {
    for (const id of ['google_ads', 'microsoft_ads', 'meta_ads', 'linkedin_ads', 'tiktok_ads', 'ga4', 'ga4_exploration', 'search_console', 'business_profile', 'google_trends', 'semrush', 'ahrefs', 'se_ranking', 'hubspot', 'salesforce', 'mailchimp', 'audience_segment'])
      expect(PLATFORMS).toContain(id);
    expect(PLATFORM_LABELS.generic).toBe('Unknown tool');
  });

  it('every rate definition cites a page and uses known roles', () => {
    for (const [id, k] of entries)
      for (const r of [...k.rates, ...(id === 'google_ads' ? GENERIC_RATES : [])]) {
        expect(r.source, `${id} ${r.text}`).toMatch(/^https?:\/\/\S+$/);
        expect(ROLES).toContain(r.num);
        expect(ROLES).toContain(r.den);
      }
  });

  it('headers are stored normalised, so they match what the file says', () => {
    for (const [id, k] of entries) {
      const names = [...k.recognise.unique, ...k.recognise.shared, ...k.settings, ...k.optional, ...k.rates.flatMap((r) => r.headers)];
      for (const n of names) expect(normaliseHeader(n), `${id}: ${n}`).toBe(n);
    }
  });

  it('Google Ads conversion rate is conversions / interactions; Microsoft Ads divides by clicks', () => {
    expect(rateDefinition('google_ads', 'conv. rate')).toMatchObject({ num: 'conversions', den: 'interactions' });
    expect(rateDefinition('microsoft_ads', 'conv. rate')).toMatchObject({ num: 'conversions', den: 'clicks' });
    // A tool we cannot name gets no conversion-rate guess at all.
    expect(rateDefinition('generic', 'conv. rate')).toBeUndefined();
    expect(rateDefinition('meta_ads', 'ctr (link click-through rate)')).toMatchObject({ num: 'link_clicks' });
  });
});

describe('the evidence is shown where the platform is shown (CLI text and Markdown)', () => {
  it('names the tool with its evidence, or says why it cannot', async () => {
    const { platformText } = await import('../../../shared/audit/render');
    expect(
      platformText({ platform: 'ga4', platformLabel: 'Google Analytics 4', platformConfidence: 0.93, platformEvidence: 'from: Property line, 6 of 7 headers' }),
    ).toBe('Google Analytics 4 (93%, from: Property line, 6 of 7 headers)');
    expect(
      platformText({ platform: 'generic', platformLabel: 'Unknown tool', platformConfidence: 0.5, platformEvidence: 'only headers several tools share (LinkedIn Ads, Google Ads): not enough to name one' }),
    ).toMatch(/^Unknown tool \(only headers several tools share/);
  });
});
