import { describe, expect, it } from 'vitest';
import { fingerprintPlatform } from '../../../shared/semantics/platform';
import {
  headerCurrency,
  normaliseHeader,
  roleFromHeader,
  roleFromValues,
} from '../../../shared/semantics/roles';

describe('roles from header names', () => {
  const cases: Array<[string, string]> = [
    // English
    ['Day', 'date'],
    ['Campaign', 'campaign'],
    ['Ad group', 'ad_group'],
    ['Ad set name', 'ad_group'],
    ['Ad name', 'ad'],
    ['Impr.', 'impressions'],
    ['Clicks', 'clicks'],
    ['Link clicks', 'link_clicks'],
    ['Cost', 'spend'],
    ['Amount spent (USD)', 'spend'],
    ['Conversions', 'conversions'],
    ['Results', 'conversions'],
    ['Key events', 'conversions'],
    ['Conv. value', 'revenue'],
    ['Total revenue', 'revenue'],
    ['CTR', 'ctr'],
    ['CTR (link click-through rate)', 'ctr'],
    ['Avg. CPC', 'cpc'],
    ['Cost / conv.', 'cpa'],
    ['Cost per result', 'cpa'],
    ['Conv. value / cost', 'roas'],
    ['Conv. rate', 'conversion_rate'],
    ['Session source / medium', 'source_medium'],
    ['Session source', 'source'],
    ['Session medium', 'medium'],
    ['Session default channel group', 'channel'],
    ['Sessions', 'sessions'],
    ['Engaged sessions', 'engaged_sessions'],
    ['Reach', 'reach'],
    ['Currency code', 'currency'],
    ['Email', 'email'],
    ['Phone Number', 'phone'],
    ['email_sha256', 'hashed_id'],
    ['Record ID', 'record_id'],
    ['Country', 'country'],
    ['Reporting ends', 'date_end'],
    // German
    ['Impressionen', 'impressions'],
    ['Klicks', 'clicks'],
    ['Kosten', 'spend'],
    ['Ausgegebener Betrag (EUR)', 'spend'],
    ['Reichweite', 'reach'],
    ['Name der Kampagne', 'campaign'],
    ['Anzeigengruppe', 'ad_group'],
    ['Ergebnisse', 'conversions'],
    ['Link-Klicks', 'link_clicks'],
    ['Tag', 'date'],
    // French
    ['Coût', 'spend'],
    ['Clics', 'clicks'],
    ['Montant dépensé (EUR)', 'spend'],
    ['Nom de la campagne', 'campaign'],
    ["Groupe d'annonces", 'ad_group'],
    ['Couverture', 'reach'],
    ['Résultats', 'conversions'],
    // Spanish
    ['Importe gastado (EUR)', 'spend'],
    ['Impresiones', 'impressions'],
    ['Campaña', 'campaign'],
    ['Nombre del conjunto de anuncios', 'ad_group'],
    ['Alcance', 'reach'],
    ['Coste', 'spend'],
    ['Día', 'date'],
    // Leads vs Conversions: each its own role (issue 10)
    ['Leads', 'leads'],
    ['One-click leads', 'leads'],
    // Free-text query columns: never clustered as labels
    ['Keyword', 'search_query'],
    ['Search term', 'search_query'],
    ['Query', 'search_query'],
    ['Top queries', 'search_query'],
    ['Page path and screen class', 'page_path'],
    ['Landing page', 'page_path'],
    ['Landing page URL', 'url'],
    // "(all)" and "(CVR)" are not currencies: the header keeps them
    ['CTR (all)', 'ctr'],
    ['Clicks (all)', 'clicks'],
    ['Interactions', 'interactions'],
    ['Active users', 'users'],
    ['Deal Stage', 'stage'],
    ['Campaign status', 'status'],
    ['Amount', 'amount'],
    ['Account name', 'account'],
    ['Something else', 'unknown'],
  ];
  for (const [header, role] of cases)
    it(`${header} → ${role}`, () => expect(roleFromHeader(header)).toBe(role));

  it('normalises accents, case and a trailing currency', () => {
    expect(normaliseHeader('  Montant  dépensé (EUR) ')).toBe('montant depense');
    expect(headerCurrency('Amount spent (USD)')).toBe('USD');
    expect(headerCurrency('Cost')).toBeUndefined();
  });

  it('reads roles from values when the header says nothing', () => {
    expect(roleFromValues('VARCHAR', 'email')).toBe('email');
    expect(roleFromValues('VARCHAR', 'sha256')).toBe('hashed_id');
    expect(roleFromValues('DATE', null)).toBe('date');
    expect(roleFromValues('VARCHAR', 'country_code')).toBe('country');
    expect(roleFromValues('DOUBLE', null)).toBe('unknown');
  });
});

describe('platform fingerprint', () => {
  const cases: Array<[string[], string]> = [
    [
      [
        'Day',
        'Campaign',
        'Ad group',
        'Impr.',
        'Clicks',
        'CTR',
        'Avg. CPC',
        'Cost',
        'Conversions',
        'Currency code',
      ],
      'google_ads',
    ],
    [
      [
        'Reporting starts',
        'Reporting ends',
        'Campaign name',
        'Ad set name',
        'Impressions',
        'Reach',
        'Amount spent (EUR)',
        'Results',
        'Cost per result',
      ],
      'meta_ads',
    ],
    [
      [
        'Berichtsbeginn',
        'Berichtsende',
        'Name der Kampagne',
        'Impressionen',
        'Reichweite',
        'Ausgegebener Betrag (EUR)',
        'Ergebnisse',
      ],
      'meta_ads',
    ],
    [
      [
        'Date',
        'Session source / medium',
        'Sessions',
        'Engaged sessions',
        'Engagement rate',
        'Key events',
        'Total revenue',
      ],
      'ga4',
    ],
    [
      [
        'Start Date (in UTC)',
        'Campaign Name',
        'Campaign Group Name',
        'Impressions',
        'Clicks',
        'Total Spent',
        'Average CTR',
        'Leads',
      ],
      'linkedin_ads',
    ],
    [
      [
        'By Day',
        'Campaign name',
        'Ad group name',
        'Cost',
        'Impressions',
        'Clicks (destination)',
        'CTR (destination)',
        'Conversions',
      ],
      'tiktok_ads',
    ],
    [
      ['Gregorian date', 'Campaign name', 'Ad group', 'Impr.', 'Clicks', 'Spend', 'Conv.', 'Revenue'],
      'microsoft_ads',
    ],
    [
      ['Record ID', 'First Name', 'Last Name', 'Email', 'Lifecycle Stage', 'Contact owner', 'Create Date'],
      'hubspot',
    ],
    [
      ['Lead ID', 'First Name', 'Last Name', 'Email', 'Lead Source', 'Lead Status', 'Owner Full Name'],
      'salesforce',
    ],
    [
      ['Email Address', 'First Name', 'Last Name', 'MEMBER_RATING', 'OPTIN_TIME', 'LEID', 'EUID', 'TAGS'],
      'mailchimp',
    ],
    [['Foo', 'Bar', 'Baz'], 'generic'],
  ];
  for (const [headers, platform] of cases) {
    it(`${headers.slice(0, 3).join(', ')}… → ${platform}`, () => {
      const g = fingerprintPlatform(headers);
      expect(g.platform).toBe(platform);
      expect(g.confidence).toBeGreaterThan(0);
      expect(g.confidence).toBeLessThanOrEqual(0.99);
    });
  }

  it('an audience upload: identifiers and no metrics', () => {
    expect(fingerprintPlatform(['email', 'phone', 'country'], ['email', 'phone', 'country']).platform).toBe(
      'audience_segment',
    );
  });

  it('a database-style CRM table with an owner email is Salesforce, not an audience upload', () => {
    const headers = [
      'opportunity_id',
      'account_name',
      'created_date',
      'close_date',
      'stage',
      'amount_eur',
      'lead_source',
      'owner_email',
    ];
    const roles = ['record_id', 'unknown', 'date', 'date', 'segment', 'unknown', 'channel', 'email'] as const;
    expect(fingerprintPlatform(headers, [...roles]).platform).toBe('salesforce');
  });

  it('is more confident with more evidence', () => {
    const few = fingerprintPlatform(['Impr.', 'Clicks', 'Cost']);
    const many = fingerprintPlatform([
      'Day',
      'Campaign',
      'Ad group',
      'Impr.',
      'Clicks',
      'Cost',
      'Conv. rate',
      'Cost / conv.',
      'Currency code',
    ]);
    expect(many.confidence).toBeGreaterThan(few.confidence);
  });
});
