/**
 * Column roles: what a column means to a marketer (date, campaign, spend, …), read from its header in
 * English and in the German, French and Spanish names Meta and Google use, then from its values.
 */

export const ROLES = [
  'date',
  'date_end',
  'campaign',
  'campaign_id',
  'ad_group',
  'ad',
  'channel',
  'source',
  'medium',
  'source_medium',
  'impressions',
  'reach',
  'clicks',
  'link_clicks',
  'interactions',
  'sessions',
  'engaged_sessions',
  'users',
  'spend',
  'conversions',
  'leads',
  'revenue',
  'amount',
  'ctr',
  'cpc',
  'cpa',
  'cpm',
  'roas',
  'conversion_rate',
  'currency',
  'email',
  'phone',
  'hashed_id',
  'record_id',
  'country',
  'person_name',
  'url',
  'segment',
  'stage',
  'status',
  'account',
  'search_query',
  'page_path',
  'unknown',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that hold additive counts or money: summed per day, never negative. */
export const METRIC_ROLES: readonly Role[] = [
  'impressions',
  'reach',
  'clicks',
  'link_clicks',
  'interactions',
  'sessions',
  'engaged_sessions',
  'users',
  'spend',
  'conversions',
  'leads',
  'revenue',
  'amount',
];
/** Roles reported as a ratio of two metrics. */
export const RATE_ROLES: readonly Role[] = ['ctr', 'cpc', 'cpa', 'cpm', 'roas', 'conversion_rate'];
/** Text dimensions whose labels should be consistent. */
export const LABEL_ROLES: readonly Role[] = [
  'campaign',
  'ad_group',
  'ad',
  'channel',
  'source',
  'medium',
  'source_medium',
  'segment',
  'country',
  'stage',
  'status',
  'account',
];
/**
 * Free text a person typed or a site's address: every value is its own thing (a search query, a page path),
 * so they are never clustered as spelling variants of one label.
 */
export const FREE_TEXT_ROLES: readonly Role[] = ['search_query', 'page_path'];
/**
 * Roles every row of an ads, analytics or CRM table needs: a mostly empty column with one of these roles is
 * a warning; any other mostly empty column is information (an optional metric, a setting).
 */
export const REQUIRED_ROLES: readonly Role[] = [
  'date',
  'campaign',
  'spend',
  'clicks',
  'impressions',
  'conversions',
  'record_id',
  'campaign_id',
  'hashed_id',
];
/** Roles that carry personal data. */
export const PII_ROLES: readonly Role[] = ['email', 'phone', 'person_name'];

export function isMetricRole(r: Role): boolean {
  return METRIC_ROLES.includes(r) || RATE_ROLES.includes(r);
}

/** Lowercase, strip accents, drop a trailing currency in brackets ("Amount spent (EUR)"), squeeze spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s*\((usd|eur|gbp|chf|jpy|cad|aud|sek|nok|dkk|pln|brl|mxn|inr|(?!(?:all|cvr|ctr|cpc|cpm|cpa|cpv|utc)\))[a-z]{3})\)\s*$/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The currency code stated in a header such as "Amount spent (EUR)", when any. */
export function headerCurrency(header: string): string | undefined {
  const m = /\((USD|EUR|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|BRL|MXN|INR|[A-Z]{3})\)\s*$/.exec(header.trim());
  return m?.[1];
}

/** Ordered: the first pattern that matches wins, so specific names come before general ones. */
const HEADER_RULES: Array<[Role, RegExp]> = [
  ['hashed_id', /(sha-?256|sha1|md5|hashed|\bhash\b|_hash$|^hash_)/],
  [
    'date_end',
    /^(reporting ends|berichtsende|fin des rapports|fin del informe|end date.*|date de fin|fecha de finalizacion)$/,
  ],
  [
    'date',
    /^(day|date|tag|jour|dia|fecha|datum|reporting starts|berichtsbeginn|debut des rapports|inicio del informe|start date.*|gregorian date|time ?period|week|month|by day|date \(utc\)|create date|created date|createdate|close date|optin_time|signup date|event date)$/,
  ],
  [
    'cpa',
    /^(cost ?\/ ?conv\.?|cost per conv(ersion)?|cost per results?|cost per key event|cpa|kosten ?\/ ?conv\.?|kosten pro ergebnis|cout ?\/ ?conv\.?|cout par resultat|coste ?\/ ?conv\.?|costo ?\/ ?conv\.?|costo por resultado|coste por resultado|cost per lead)$/,
  ],
  [
    'cpm',
    /^(cpm|avg\.? cpm|average cpm|cpm \(cost per 1,000 impressions\)|cpm moy\.?|cpm medio|durchschn\.? cpm)$/,
  ],
  [
    'cpc',
    /^(cpc|avg\.? cpc|average cpc|cost per click|cpc \(cost per link click\)|cpc \(all\)|cpc \(destination\)|durchschn\.? cpc|cpc moy\.?|cpc medio)$/,
  ],
  [
    'roas',
    /^(roas|conv\.? value ?\/ ?cost|purchase roas.*|return on ad spend|conv\.?-wert ?\/ ?kosten|valeur de conv\.? ?\/ ?cout|valor de conv\.? ?\/ ?coste)$/,
  ],
  [
    'conversion_rate',
    /^(conv\.? rate|conversion rate|session key event rate|key event rate|user key event rate|konversionsrate|conv\.?-rate|taux de conv\.?|tasa de conv\.?)$/,
  ],
  [
    'ctr',
    /^(ctr|ctr \(all\)|ctr \(link click-through rate\)|ctr \(destination\)|click-through rate|average ctr|klickrate|taux de clics|porcentaje de clics)$/,
  ],
  [
    'engaged_sessions',
    /^(engaged sessions|sitzungen mit interaktion|sessions avec engagement|sesiones con interaccion)$/,
  ],
  ['sessions', /^(sessions|sitzungen|sesiones)$/],
  ['users', /^(users|active users|total users|new users|active_users|nutzer|aktive nutzer|utilisateurs|usuarios)$/],
  // Google Ads: the main action per ad format (a click, a video view, a call); Conv. rate divides by it.
  ['interactions', /^(interactions|interaktionen|interacciones)$/],
  [
    'link_clicks',
    /^(link clicks|link-klicks|clics sur un lien|clics en el enlace|outbound clicks|clicks to landing page)$/,
  ],
  [
    'clicks',
    /^(clicks|clicks \(all\)|clicks \(destination\)|klicks|klicks \(alle\)|clics|clics \(tous\)|clics \(todos\))$/,
  ],
  ['impressions', /^(impr\.?|impressions|impressionen|impresiones|impressions \(total\))$/],
  ['reach', /^(reach|reichweite|couverture|alcance)$/],
  [
    'revenue',
    /^(revenue|total revenue|purchase revenue|conv\.? value|conversion value|all conv\.? value|purchase conversion value|purchases conversion value|umsatz|conv\.?-wert|conversion-wert|valeur de conv\.?|valeur de conversion|valor de conv\.?|valor de conversion|total complete payment)$/,
  ],
  // Leads are their own measure: a file with both Leads and Conversions must not give both one role.
  ['leads', /^(leads|one-click leads|leads \(work email\)|leads_count|total leads)$/],
  [
    'conversions',
    /^(conversions|conv\.?|all conv\.?|results|key events|ergebnisse|resultats|resultados|conversiones|purchases|total conversions)$/,
  ],
  [
    'spend',
    /^(cost|spend|amount spent|total spent|kosten|ausgegebener betrag|cout|montant depense|coste|costo|importe gastado|cost \(.*\)|spend \(.*\))$/,
  ],
  [
    'currency',
    /^(currency|currency code|wahrungscode|wahrung|devise|code de la devise|moneda|codigo de moneda|account currency)$/,
  ],
  ['source_medium', /^((session|first user) )?source ?\/ ?medium$/],
  ['source', /^((session|first user) )?source$|^utm_source$/],
  ['medium', /^((session|first user) )?medium$|^utm_medium$/],
  [
    'channel',
    /(channel group|channel grouping|^channel$|^kanal$|^canal$|^lead source$|^original source.*|^latest source$)/,
  ],
  ['campaign_id', /^(campaign id|kampagnen-id|id de campagne|id de la campana)$/],
  [
    'campaign',
    /^((session|first user) )?(campaign|kampagne|campagne|campana)( name)?$|^(utm_campaign|campaign_name|kampagnenname|name der kampagne|nom de la campagne|nombre de la campana)$/,
  ],
  [
    'ad_group',
    /^(ad group|ad group name|adgroup|ad set|ad set name|anzeigengruppe|name der anzeigengruppe|groupe d'annonces|nom de l'ensemble de publicites|ensemble de publicites|grupo de anuncios|conjunto de anuncios|nombre del conjunto de anuncios)$/,
  ],
  [
    'ad',
    /^(ad|ad name|anzeige|name der anzeige|annonce|publicite|nom de la publicite|anuncio|nombre del anuncio)$/,
  ],
  // CRM: a deal's or contact's stage, any status column, the money on a deal, the account it belongs to.
  ['stage', /^(stage|deal ?stage|opportunity stage|lifecycle ?stage|pipeline stage|lebenszyklusphase)$/],
  ['amount', /^(amount( [a-z]{3})?|deal value|deal amount|opportunity amount|recent deal amount|amount \(.*\))$/],
  ['status', /(^|\s)status$/],
  ['account', /^(account|account name|account_name|company|company name|associated company|advertiser name)$/],
  [
    'email',
    /^(e-?mail|e-?mail address|e-?mail-adresse|email_address|courriel|correo|correo electronico|adresse e-mail|work email)$/,
  ],
  [
    'phone',
    /^(phone|phone number|mobile|mobile phone|mobile phone number|telefon|telefonnummer|telephone|telefono|phone_number)$/,
  ],
  [
    'record_id',
    /^(id|record id|contact id|lead id|customer id|user id|client id|external_id|leid|euid|account id|opportunity id|deal id|company id|member id)$|^[a-z]+_id$/,
  ],
  ['country', /^(country|country code|country\/region|land|pays|pais|country_code)$/],
  [
    'person_name',
    /^(first name|last name|full name|name|vorname|nachname|prenom|nom|nombre|apellido|fn|ln|firstname|lastname)$/,
  ],
  [
    'search_query',
    /^(keyword|keywords|search keyword|search term|search terms|search query|query|queries|top queries|suchbegriff|keyword text|mot cle|palabra clave|suchanfrage|requete|consulta)$/,
  ],
  [
    'page_path',
    /^(page path.*|page|pages|top pages|landing page( \+ query string)?|page location|seite|pagina|page de destination|pagina de destino)$/,
  ],
  ['url', /(^url$|final url|landing page url|^website|^link$|destination url)/],
  [
    'segment',
    /^(device|network|age|gender|platform|placement|region|city|ad type|campaign type|campaign status|ad group status|match type|audience|publisher platform|event name|lifecycle stage|lead status|stage|campaign group( name)?|account name|account|ad set status|delivery|objective|result indicator|result type)$/,
  ],
];

export function roleFromHeader(header: string): Role {
  const h = normaliseHeader(header);
  for (const [role, re] of HEADER_RULES) if (re.test(h)) return role;
  // Database-style names (lead_source, close_date, amount_eur) read like the words they spell.
  const spaced = h.replace(/_/g, ' ').trim();
  if (spaced !== h) for (const [role, re] of HEADER_RULES) if (re.test(spaced)) return role;
  return 'unknown';
}

/** Patterns the profile can detect in text values. */
export type ValuePattern =
  'email' | 'url_utm' | 'url' | 'sha256' | 'md5' | 'phone' | 'country_code' | 'currency_code';

/** A role read from values, for columns whose header said nothing. */
export function roleFromValues(type: string, pattern: ValuePattern | null): Role {
  if (type === 'DATE' || type.startsWith('TIMESTAMP')) return 'date';
  switch (pattern) {
    case 'email':
      return 'email';
    case 'sha256':
    case 'md5':
      return 'hashed_id';
    case 'phone':
      return 'phone';
    case 'url':
    case 'url_utm':
      return 'url';
    case 'country_code':
      return 'country';
    case 'currency_code':
      return 'currency';
    default:
      return 'unknown';
  }
}
