/**
 * The one data product per dataset: only what the user decided (in a walkthrough, on the Data product
 * screen or in the workshop). Everything else on the card is read from today's data by `productOf`.
 * Nothing here is filled with a default: an owner nobody named stays empty and shows as missing.
 */
import { acceptedObjectives, candidateRules } from './candidate-rules';
import type { CandidateRule } from './candidate-rules';
import { suggestProduct } from './product';
import type { DataProduct, ProductColumn, QualityObjective } from './product';
import type { DatasetFacts } from './types';

export interface ColumnDecision {
  meaning?: string;
  required?: boolean;
  unique?: boolean;
}

export interface ProductDecisions {
  name?: string;
  owner?: string;
  /** Producing domain (a DomainId or the organisation's own name for it). */
  domain?: string;
  consumers?: string[];
  description?: string;
  usage?: string;
  status?: DataProduct['status'];
  version?: string;
  /** The freshness promise the user accepted or typed; undefined: none accepted (the card only suggests one). */
  freshness?: { frequencyDays: number; latencyDays: number };
  /** Column name → the user's edits to the suggested schema. */
  columns?: Record<string, ColumnDecision>;
  /**
   * Contract rules the user kept, by id, from the candidates today's file suggests (candidate-rules.ts).
   * Undefined: not chosen yet, so the suggested ones (promises today's file keeps; never a finding).
   */
  rules?: string[];
  /** Policies this product is held to (ids), as last chosen. Undefined: none chosen yet. */
  policies?: string[];
  /**
   * The quality rules of an imported contract, as the contract states them (thresholds included). They are
   * offered beside today's candidates, and a contract rule replaces today's candidate of the same id.
   */
  contractRules?: QualityObjective[];
}

/** The product fields a walkthrough step can write. */
export type ProductField = 'name' | 'owner' | 'domain' | 'consumers' | 'description' | 'policies' | 'rules';

const text = (v: string | undefined) => (v ?? '').trim();

/** The card for one dataset: today's data, with every decision the user made applied, and nothing made up. */
export function productOf(facts: DatasetFacts, d: ProductDecisions = {}): DataProduct {
  const suggested = suggestProduct(facts, {
    name: text(d.name),
    owner: text(d.owner),
    consumers: d.consumers ?? [],
    ...(d.domain ? { domain: d.domain } : {}),
    ...(d.description ? { description: d.description } : {}),
  });
  const columns: ProductColumn[] = suggested.columns.map((c) => ({ ...c, ...(d.columns?.[c.name] ?? {}) }));
  const candidates = productCandidates(facts, d);
  return {
    ...suggested,
    ...(d.usage !== undefined ? { usage: d.usage } : {}),
    ...(d.status ? { status: d.status } : {}),
    ...(d.version ? { version: d.version } : {}),
    ...(d.freshness ? { freshness: { ...suggested.freshness, ...d.freshness, accepted: true } } : {}),
    columns,
    objectives: acceptedObjectives(candidates, d.rules),
  };
}

/** The rules the card offers: an imported contract's rules first, then today's candidates it does not replace. */
export function productCandidates(facts: DatasetFacts, d: ProductDecisions = {}): CandidateRule[] {
  const imported = d.contractRules ?? [];
  const ids = new Set(imported.map((o) => o.id));
  const fromContract = imported.map(
    (objective): CandidateRule => ({ objective, suggested: true, basis: objective.basis ?? 'From the imported contract.', source: 'contract' }),
  );
  return [...fromContract, ...candidateRules(facts).filter((c) => !ids.has(c.objective.id))];
}

/**
 * What an imported contract decides about the card: its fields, and its quality rules kept as written (so a
 * contract exported, edited and imported again brings back exactly its rules, into the card and the check pack).
 */
export function decisionsFromContract(p: DataProduct): ProductDecisions {
  return {
    name: p.name,
    owner: p.owner,
    domain: p.domain,
    consumers: p.consumers,
    description: p.description,
    usage: p.usage,
    status: p.status,
    version: p.version,
    ...(p.freshness.accepted ? { freshness: { frequencyDays: p.freshness.frequencyDays, latencyDays: p.freshness.latencyDays } } : {}),
    contractRules: p.objectives,
    rules: p.objectives.map((o) => o.id),
  };
}

/** What changed between the card shown and the card edited, as decisions (the editor hands back whole cards). */
export function decisionsFromEdit(before: DataProduct, after: DataProduct, current: ProductDecisions): ProductDecisions {
  const next: ProductDecisions = { ...current };
  if (after.name !== before.name) next.name = after.name;
  if (after.owner !== before.owner) next.owner = after.owner;
  if (after.domain !== before.domain) next.domain = after.domain;
  if (after.description !== before.description) next.description = after.description;
  if (after.usage !== before.usage) next.usage = after.usage;
  if (after.status !== before.status) next.status = after.status;
  if (after.version !== before.version) next.version = after.version;
  if (after.consumers.join('\n') !== before.consumers.join('\n')) next.consumers = after.consumers;
  const f = after.freshness;
  if (!f.accepted) delete next.freshness;
  else if (!before.freshness.accepted || f.frequencyDays !== before.freshness.frequencyDays || f.latencyDays !== before.freshness.latencyDays) {
    next.freshness = { frequencyDays: after.freshness.frequencyDays, latencyDays: after.freshness.latencyDays };
  }
  const columns = { ...(current.columns ?? {}) };
  let columnsChanged = false;
  for (const c of after.columns) {
    const b = before.columns.find((x) => x.name === c.name);
    if (!b) continue;
    const patch: ColumnDecision = {};
    if (c.meaning !== b.meaning) patch.meaning = c.meaning;
    if (c.required !== b.required) patch.required = c.required;
    if (c.unique !== b.unique) patch.unique = c.unique;
    if (Object.keys(patch).length) {
      columns[c.name] = { ...(columns[c.name] ?? {}), ...patch };
      columnsChanged = true;
    }
  }
  if (columnsChanged) next.columns = columns;
  if (after.objectives.map((o) => o.id).join('\n') !== before.objectives.map((o) => o.id).join('\n')) next.rules = after.objectives.map((o) => o.id);
  return next;
}

/** True when the user has named an owner (an empty or blank owner is missing, never a default). */
export const hasOwner = (d: ProductDecisions | undefined): boolean => text(d?.owner) !== '';
