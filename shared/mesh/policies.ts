/**
 * Federated governance: the rules MeshLens can check on any dataset and data product. An organisation's
 * policy pack (policy-pack.ts) names one of these rules, a check from the catalogue or a contract rule as
 * the proof of each of its policies; the example pack (assets/policies/example.policies.yaml) uses these.
 */
import type { DataProduct } from './product';
import type { PersonalDataCategory } from '../checks/personal-data';
import type { DatasetFacts } from './types';

/** What a policy is judged on: the dataset's facts and findings, and the data product the user described. */
export interface PolicyEvidence {
  facts: DatasetFacts;
  /** The data product the user described for this dataset; null when nobody has described one. */
  product: Pick<DataProduct, 'owner' | 'columns' | 'objectives'> | null;
  /** The product's contract run on this file (rule id → status), when it was run. */
  contractRun?: { rules: { id: string; status: 'pass' | 'fail' | 'not-run'; message: string }[] } | null;
}

export interface PolicyResult {
  status: 'pass' | 'fail';
  /** Columns that break the policy. */
  columns: string[];
  detail: string;
}

/** A rule MeshLens knows how to check on any dataset (a `rule:` proof in a policy pack). */
export interface BuiltInRule {
  id: string;
  kind: 'pii' | 'naming' | 'required-fields' | 'hygiene';
  title: string;
  why: string;
  evaluate: (e: PolicyEvidence) => PolicyResult;
}

const pass = (detail: string): PolicyResult => ({ status: 'pass', columns: [], detail });
const fail = (columns: string[], detail: string): PolicyResult => ({ status: 'fail', columns, detail });
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Columns that hold personal data, as the one classification reads it (facts.personal, shared/checks/personal-data.ts). */
export function personalDataColumns(f: DatasetFacts, category?: PersonalDataCategory): string[] {
  return f.columns.filter((c) => (category ? c.personal === category : c.personal !== null)).map((c) => c.name);
}

/** Columns where pii_detected found personal data where it does not belong (in a campaign name, a hashed-ID column). */
const misplacedPersonalData = (f: DatasetFacts) => f.findings.filter((x) => x.checkId === 'pii_detected' && x.column);

const WHAT: Record<PersonalDataCategory, string> = { email: 'e-mail addresses', phone: 'phone numbers', name: 'names of people' };

/** A PII policy on one category: fails on the columns that hold it, and on pii_detected's misplaced values when asked. */
function holdsNo(category: PersonalDataCategory, withMisplaced: boolean): (e: PolicyEvidence) => PolicyResult {
  return ({ facts: f }) => {
    const held = personalDataColumns(f, category).map((name) => ({ name, detail: `${name} holds ${WHAT[category]}` }));
    const misplaced = withMisplaced
      ? misplacedPersonalData(f)
          .filter((x) => !held.some((h) => h.name === x.column))
          .map((x) => ({ name: x.column!, detail: `${x.column}: ${x.title.toLowerCase()} in ${x.count} row(s)` }))
      : [];
    const all = [...held, ...misplaced];
    return all.length ? fail(all.map((c) => c.name), all.map((c) => c.detail).join('; ')) : pass(`No column holds ${WHAT[category]}.`);
  };
}

/** The rules behind the example policy pack. Ids are stable: policy packs name them. */
export const BUILT_IN_RULES: BuiltInRule[] = [
  {
    id: 'pii_no_email_addresses',
    kind: 'pii',
    title: 'No e-mail addresses in shared data',
    why: 'E-mail addresses identify people. Shared data products use a hashed or internal id instead.',
    evaluate: holdsNo('email', true),
  },
  {
    id: 'pii_no_phone_numbers',
    kind: 'pii',
    title: 'No phone numbers in shared data',
    why: 'Phone numbers identify people and are rarely needed for analysis.',
    evaluate: holdsNo('phone', false),
  },
  {
    id: 'naming_snake_case',
    kind: 'naming',
    title: 'Column names use snake_case',
    why: 'One naming style lets every domain join and read each other’s products without a lookup table.',
    evaluate: ({ facts: f }) => {
      const bad = f.columns.filter((c) => !SNAKE.test(c.name)).map((c) => c.name);
      return bad.length ? fail(bad, `${bad.length} of ${f.columns.length} column names are not snake_case (e.g. "${bad[0]}").`) : pass('All column names are snake_case.');
    },
  },
  {
    id: 'required_date_column',
    kind: 'required-fields',
    title: 'Every dataset has a date column',
    why: 'Without a date nobody can tell what period the numbers cover or whether they are fresh.',
    evaluate: ({ facts: f }) => (f.dates ? pass(`Date column: ${f.dates.column}.`) : fail([], 'No column holds dates.')),
  },
  {
    id: 'required_currency_for_money',
    kind: 'required-fields',
    title: 'Money columns state their currency',
    why: 'Adding euros to dollars gives a number that means nothing.',
    evaluate: ({ facts: f }) => {
      const money = f.columns.filter((c) => c.role === 'spend' || c.role === 'revenue' || c.role === 'amount');
      if (!money.length) return pass('No money columns, so no currency is needed.');
      const hasCurrencyColumn = f.columns.some((c) => c.role === 'currency');
      const missing = money.filter((c) => !c.currency && !hasCurrencyColumn && !/\b(eur|usd|gbp|chf)\b|\(.{3}\)/i.test(c.name));
      return missing.length ? fail(missing.map((c) => c.name), `No currency stated for ${missing.map((c) => c.name).join(', ')}.`) : pass('Every money column states its currency.');
    },
  },
  {
    id: 'required_owner',
    kind: 'required-fields',
    title: 'Every shared dataset has a named owner',
    why: 'A dataset without an owner is a dataset nobody fixes.',
    evaluate: ({ product }) => {
      const owner = product?.owner.trim() ?? '';
      return owner ? pass(`Owner: ${owner}.`) : fail([], 'No owner has been named for this dataset.');
    },
  },
  {
    id: 'hygiene_no_summary_rows',
    kind: 'hygiene',
    title: 'Exports contain data rows only (no totals)',
    why: 'Total rows inside the data get added up again and double every sum.',
    evaluate: ({ facts: f }) => (f.summaryRows ? fail([], `${f.summaryRows} total rows had to be removed on import.`) : pass('No total rows.')),
  },
  {
    id: 'pii_classified',
    kind: 'pii',
    title: 'Personal-data columns carry a classification',
    why: 'Consumers must see at a glance which columns hold personal data before they copy them anywhere.',
    evaluate: ({ facts: f, product }) => {
      const personal = personalDataColumns(f);
      if (!personal.length) return pass('No column holds personal data.');
      if (!product) return fail(personal, `${personal.join(', ')} hold personal data and no data product classifies them.`);
      const classified = new Set(product.columns.filter((c) => c.classification).map((c) => c.name));
      const missing = personal.filter((n) => !classified.has(n));
      return missing.length ? fail(missing, `${missing.join(', ')} hold personal data without a classification.`) : pass(`${personal.join(', ')} carry a classification.`);
    },
  },
];

export const builtInRule = (id: string): BuiltInRule | undefined => BUILT_IN_RULES.find((r) => r.id === id);

/**
 * The built-in rules as a list of policies, for screens that let a group adopt them one by one (the
 * workshop's decisions). Policy packs are the place to write the organisation's own.
 */
export const DEFAULT_POLICIES = BUILT_IN_RULES;
