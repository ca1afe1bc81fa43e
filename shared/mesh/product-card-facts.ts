/**
 * The data product as a report states it: what the user decided on the card (ProductDecisions, the store's
 * one copy, saved in the workspace), in plain words. Name, owner, domain and consumers are always listed,
 * and one nobody set says so ("missing", "not named yet"); the other fields appear only once decided.
 * The HTML report, the Markdown report (app and `meshlens audit --workspace`) all read this list.
 */
import type { ProductDecisions } from './product-state';
import { DOMAIN_LABELS } from './roles';
import type { DomainId } from './types';

export interface ProductCardFact {
  label: string;
  /** The user's value, or what is missing in words ("missing", "not named yet"). */
  value: string;
  /** True when nobody has decided it: shown as a gap, never as a default. */
  missing: boolean;
}

const fact = (label: string, value: string | undefined, gap: string): ProductCardFact => {
  const v = (value ?? '').trim();
  return v ? { label, value: v, missing: false } : { label, value: gap, missing: true };
};

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function productCardFacts(d: ProductDecisions): ProductCardFact[] {
  const out = [
    fact('Name', d.name, 'not named yet'),
    fact('Owner', d.owner, 'missing'),
    fact('Domain', d.domain ? (DOMAIN_LABELS[d.domain as DomainId] ?? d.domain) : undefined, 'not chosen'),
    fact('Consumers', d.consumers?.join(', '), 'none named yet'),
  ];
  const optional: Array<[string, string | undefined]> = [
    ['Description', d.description],
    ['Usage', d.usage],
    ['Status', d.status],
    ['Version', d.version],
    ['Freshness promise', d.freshness ? `new data every ${days(d.freshness.frequencyDays)}, at most ${days(d.freshness.latencyDays)} late` : undefined],
    ['Policies', d.policies?.join(', ')],
    ['Contract rules kept', d.rules ? `${d.rules.length}` : undefined],
  ];
  for (const [label, value] of optional) if (value !== undefined && value.trim() !== '') out.push({ label, value: value.trim(), missing: false });
  return out;
}
