/**
 * Personal data in CRM and contact exports: a classification, not a defect. A HubSpot or Salesforce
 * export is meant to hold e-mail addresses and phone numbers; the file is then personal data and must be
 * handled as such (access, retention, purpose). Audiences and hashed-ID columns are judged by
 * `pii_detected` instead (raw values there are a warning or an error).
 */
import type { SemanticColumn } from '../semantics/describe';
import type { Role } from '../semantics/roles';
import { plural } from '../text/plural';
import { tc } from './helpers';
import type { CheckDefinition } from './types';

export type PersonalDataCategory = 'email' | 'phone' | 'name';

const CATEGORY: Partial<Record<Role, PersonalDataCategory>> = {
  email: 'email',
  phone: 'phone',
  person_name: 'name',
};
const WORDS: Record<PersonalDataCategory, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  name: 'names of people',
};

export interface PersonalDataClassification {
  /** 'personal' when any column holds direct identifiers of people. */
  classification: 'personal' | null;
  categories: PersonalDataCategory[];
  /** Column → what it holds. */
  columns: Array<{ name: string; category: PersonalDataCategory }>;
  /** "holds e-mail addresses and phone numbers: personal data" */
  summary: string;
}

/** What the classification reads of a column: its name, kind and role (the user's role when they set one). */
export type PersonalDataColumn = Pick<SemanticColumn, 'name' | 'kind' | 'role'>;

/**
 * The one reading of which columns make a file personal data: the `personal_data` finding reports it, the
 * mesh facts carry it per column (shared/mesh/facts.ts), and from there the product card's and contract's
 * `restricted` classification and the governance policies read it. Hashed identifiers are not listed: they
 * are pseudonymous and judged by `pii_detected`.
 */
export function personalDataClassification(semantics: { columns: readonly PersonalDataColumn[] }): PersonalDataClassification {
  const found = semantics.columns
    .filter((c) => c.kind === 'text' && CATEGORY[c.role])
    .map((c) => ({ name: c.name, category: CATEGORY[c.role]! }));
  // A bare "Name" column alone may name a product or an ad: people's names count beside contact details.
  const contact = found.some((c) => c.category !== 'name');
  const columns = contact ? found : [];
  const categories = (['email', 'phone', 'name'] as const).filter((k) =>
    columns.some((c) => c.category === k),
  );
  const words = categories.map((c) => WORDS[c]);
  const list =
    words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? '');
  return {
    classification: columns.length ? 'personal' : null,
    categories,
    columns,
    summary: columns.length ? `holds ${list}: personal data` : 'holds no direct identifiers of people',
  };
}

export const personalData: CheckDefinition = {
  id: 'personal_data',
  title: 'Personal data in this file',
  dimension: 'validity',
  owner: 'governance',
  explanation:
    'Contact and CRM exports hold e-mail addresses, phone numbers or names: the file is personal data. That is expected, not a defect, but it decides who may open it, how long it may be kept and whether it may be joined with ad data.',
  fix: 'Store and share the file as personal data (restricted access, a retention period); hash identifiers before they leave the CRM for ad platforms.',
  defaults: {},
  severity: (n) => (n > 0 ? 'info' : null),
  targets: (ctx) => {
    const ds = ctx.dataset;
    // Audience uploads keep their warning in pii_detected; they are not classified here a second time.
    if (ds.semantics.platform.platform === 'audience_segment') return [];
    const c = personalDataClassification(ds.semantics);
    const header = (name: string) =>
      `'${ds.semantics.columns.find((s) => s.name === name)?.originalName ?? name}'`;
    if (!c.classification) return [];
    return [
      {
        columns: c.columns.map((x) => x.name),
        where: c.columns.map((x) => `${tc(x.name)} IS NOT NULL`).join(' OR '),
        details: { classification: c.classification, categories: c.categories, columns: c.columns },
        message: (n) =>
          `This file ${c.summary} (${c.columns.map((x) => header(x.name)).join(', ')}; ${plural(n, 'row')}).`,
      },
    ];
  },
};
