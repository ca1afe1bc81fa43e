/**
 * Federated governance: a small organisation-wide policy pack that every domain applies to its own data.
 * Each policy is data with an evaluator over the dataset facts, so the same pack runs on any file.
 */
import type { DatasetFacts } from './types';

export interface PolicyResult {
  status: 'pass' | 'fail' | 'not-applicable';
  /** Columns that break the policy. */
  columns: string[];
  detail: string;
}

export interface Policy {
  id: string;
  kind: 'pii' | 'naming' | 'required-fields' | 'hygiene';
  title: string;
  why: string;
  evaluate: (f: DatasetFacts, extra: { owner?: string }) => PolicyResult;
}

const pass = (detail: string): PolicyResult => ({ status: 'pass', columns: [], detail });
const fail = (columns: string[], detail: string): PolicyResult => ({ status: 'fail', columns, detail });
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export const DEFAULT_POLICIES: Policy[] = [
  {
    id: 'pii_no_email_addresses',
    kind: 'pii',
    title: 'No e-mail addresses in shared data',
    why: 'E-mail addresses identify people. Shared data products use a hashed or internal id instead.',
    evaluate: (f) => {
      const cols = f.columns.filter((c) => c.emailCells > 0 || c.role === 'email');
      return cols.length
        ? fail(cols.map((c) => c.name), cols.map((c) => `${c.name}: ${c.emailCells} cells look like e-mail addresses`).join('; '))
        : pass('No column holds e-mail addresses.');
    },
  },
  {
    id: 'pii_no_phone_numbers',
    kind: 'pii',
    title: 'No phone numbers in shared data',
    why: 'Phone numbers identify people and are rarely needed for analysis.',
    evaluate: (f) => {
      const cols = f.columns.filter((c) => c.phoneCells > 0 && c.phoneCells >= Math.max(1, (f.rows - c.nulls) / 2) && !/^(DOUBLE|BIGINT|INTEGER|DECIMAL)/.test(c.type));
      return cols.length ? fail(cols.map((c) => c.name), cols.map((c) => `${c.name}: ${c.phoneCells} cells look like phone numbers`).join('; ')) : pass('No column holds phone numbers.');
    },
  },
  {
    id: 'naming_snake_case',
    kind: 'naming',
    title: 'Column names use snake_case',
    why: 'One naming style lets every domain join and read each other’s products without a lookup table.',
    evaluate: (f) => {
      const bad = f.columns.filter((c) => !SNAKE.test(c.name)).map((c) => c.name);
      return bad.length ? fail(bad, `${bad.length} of ${f.columns.length} column names are not snake_case (e.g. "${bad[0]}").`) : pass('All column names are snake_case.');
    },
  },
  {
    id: 'required_date_column',
    kind: 'required-fields',
    title: 'Every dataset has a date column',
    why: 'Without a date nobody can tell what period the numbers cover or whether they are fresh.',
    evaluate: (f) => (f.dates ? pass(`Date column: ${f.dates.column}.`) : fail([], 'No column holds dates.')),
  },
  {
    id: 'required_currency_for_money',
    kind: 'required-fields',
    title: 'Money columns state their currency',
    why: 'Adding euros to dollars gives a number that means nothing.',
    evaluate: (f) => {
      const money = f.columns.filter((c) => c.role === 'spend' || c.role === 'revenue' || c.role === 'amount');
      if (!money.length) return { status: 'not-applicable', columns: [], detail: 'No money columns.' };
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
    evaluate: (_f, extra) => (extra.owner ? pass(`Owner: ${extra.owner}.`) : fail([], 'No owner has been named for this dataset.')),
  },
  {
    id: 'hygiene_no_summary_rows',
    kind: 'hygiene',
    title: 'Exports contain data rows only (no totals)',
    why: 'Total rows inside the data get added up again and double every sum.',
    evaluate: (f) => (f.summaryRows ? fail([], `${f.summaryRows} total rows had to be removed on import.`) : pass('No total rows.')),
  },
];

export interface PolicyReport {
  dataset: string;
  results: { id: string; title: string; kind: Policy['kind']; why: string; result: PolicyResult }[];
  broken: number;
}

export function evaluatePolicies(f: DatasetFacts, policyIds: string[] | null, extra: { owner?: string } = {}): PolicyReport {
  const chosen = DEFAULT_POLICIES.filter((p) => !policyIds || policyIds.includes(p.id));
  const results = chosen.map((p) => ({ id: p.id, title: p.title, kind: p.kind, why: p.why, result: p.evaluate(f, extra) }));
  return { dataset: f.name, results, broken: results.filter((r) => r.result.status === 'fail').length };
}

export function policyMarkdown(r: PolicyReport): string {
  const mark = { pass: 'kept', fail: 'BROKEN', 'not-applicable': 'n/a' } as const;
  return [
    `# Policy check: ${r.dataset}`,
    '',
    `${r.broken} of ${r.results.length} organisation-wide policies are broken.`,
    '',
    '| Policy | Status | Detail |',
    '|---|---|---|',
    ...r.results.map((x) => `| ${x.title} | ${mark[x.result.status]} | ${x.result.detail.replace(/\|/g, '/')} |`),
  ].join('\n') + '\n';
}
