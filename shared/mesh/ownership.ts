/** Domain ownership: route each finding to the domain that produces the data and can fix it at the source. */
import { DOMAIN_LABELS } from './roles';
import type { DatasetFacts, DomainId, MeshFinding } from './types';
import { findingKey } from './types';

export const DOMAINS: DomainId[] = ['marketing', 'sales', 'product', 'data-platform'];

/** The check catalogue's owner words → the domain that owns that kind of fix. */
const OWNER_TO_DOMAIN: Record<string, DomainId> = {
  ads: 'marketing',
  analytics: 'marketing',
  marketing: 'marketing',
  crm: 'sales',
  sales: 'sales',
  product: 'product',
  data: 'data-platform',
  governance: 'data-platform',
  platform: 'data-platform',
};

/** Where a finding should go: the catalogue's owner when it names one, otherwise the producing domain. */
export function suggestDomain(f: MeshFinding, producer: DomainId): DomainId {
  const d = f.owner ? OWNER_TO_DOMAIN[f.owner] : undefined;
  // Export and pipeline problems in a domain's own file are still that domain's to fix at the source.
  return d && d !== 'data-platform' ? d : producer;
}

export interface OwnershipMatrix {
  dataset: string;
  producer: DomainId;
  owner: string;
  domains: DomainId[];
  rows: { key: string; checkId: string; title: string; severity: string; count: number; fixes: DomainId; informed: DomainId[] }[];
  /** Findings per domain. */
  totals: Record<DomainId, number>;
}

export function buildOwnershipMatrix(facts: DatasetFacts, producer: DomainId, owner: string, routing: Record<string, string>): OwnershipMatrix {
  const totals = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<DomainId, number>;
  const rows = facts.findings.map((f) => {
    const chosen = routing[findingKey(f)];
    const fixes = (chosen && (DOMAINS as string[]).includes(chosen) ? chosen : suggestDomain(f, producer)) as DomainId;
    totals[fixes] += 1;
    const informed = DOMAINS.filter((d) => d !== fixes && (d === 'data-platform' || d === producer));
    return { key: findingKey(f), checkId: f.checkId, title: f.title, severity: f.severity, count: f.count, fixes, informed };
  });
  return { dataset: facts.name, producer, owner, domains: DOMAINS, rows, totals };
}

export function ownershipMarkdown(m: OwnershipMatrix): string {
  const head = `| Finding | Rows | ${m.domains.map((d) => DOMAIN_LABELS[d]).join(' | ')} |`;
  const sep = `|---|---:|${m.domains.map(() => ':---:').join('|')}|`;
  const body = m.rows.map(
    (r) => `| ${r.title.replace(/\|/g, '/')} (${r.severity}) | ${r.count} | ${m.domains.map((d) => (d === r.fixes ? 'fixes' : r.informed.includes(d) ? 'informed' : '')).join(' | ')} |`,
  );
  const lines = [
    `# Ownership matrix: ${m.dataset}`,
    '',
    m.owner ? `Producing domain: **${DOMAIN_LABELS[m.producer]}**. Owner: **${m.owner}**.` : `Producing domain: **${DOMAIN_LABELS[m.producer]}**. Owner: **missing** (nobody has been named).`,
    '',
    m.rows.length ? [head, sep, ...body].join('\n') : 'No findings to route: the checks found nothing in this file.',
    '',
    ...m.domains.map((d) => `- ${DOMAIN_LABELS[d]}: ${m.totals[d]} finding(s) to fix`),
  ];
  return lines.join('\n') + '\n';
}

export function ownershipCsv(m: OwnershipMatrix): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [['finding', 'check_id', 'severity', 'rows', ...m.domains].map(q).join(',')];
  for (const r of m.rows) lines.push([r.title, r.checkId, r.severity, String(r.count), ...m.domains.map((d) => (d === r.fixes ? 'fixes' : r.informed.includes(d) ? 'informed' : ''))].map(q).join(','));
  return lines.join('\n') + '\n';
}
