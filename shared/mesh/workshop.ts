/**
 * Workshop mode: a facilitated session on the demo company's data. The agenda is data (timed exercises tied
 * to a walkthrough and a demo file, discussion prompts); the group's decisions are a plain serialisable
 * value, printed as a one-page summary at the end.
 */
import { DEMO_COMPANY } from './demo';
import { DEFAULT_POLICIES } from './policies';
import { DOMAIN_LABELS } from './roles';
import type { DomainId } from './types';

export interface AgendaItem {
  id: string;
  title: string;
  minutes: number;
  kind: 'talk' | 'exercise' | 'discussion' | 'break';
  /** Walkthrough the group runs in this exercise. */
  walkthroughId?: string;
  /** Demo file the exercise uses. */
  dataset?: string;
  goal: string;
  prompts: string[];
}

export const WORKSHOP_AGENDA: AgendaItem[] = [
  {
    id: 'welcome',
    title: `Welcome to ${DEMO_COMPANY.name}`,
    minutes: 10,
    kind: 'talk',
    goal: 'Meet the company, its three domains and the four data-mesh principles.',
    prompts: ['Who in your organisation would be "marketing", "sales" and "product" here?', 'Which report do you distrust most today, and why?'],
  },
  {
    id: 'what-is-this-data',
    title: 'Exercise 1: What is this data?',
    minutes: 15,
    kind: 'exercise',
    walkthroughId: 'what-is-this-data',
    dataset: 'google-ads-campaigns-2026-09.csv',
    goal: 'Say what one row is, which period the file covers and who produced it.',
    prompts: ['Did anyone expect the two Total rows inside the file?', 'One day is missing entirely: who would notice, and when?'],
  },
  {
    id: 'domain-ownership',
    title: 'Exercise 2: Who owns the fix?',
    minutes: 20,
    kind: 'exercise',
    walkthroughId: 'domain-ownership',
    dataset: 'google-ads-campaigns-2026-09.csv',
    goal: 'Name an owner and route every finding to the domain that can fix it at the source.',
    prompts: ['Which findings did the group want to send to the central data team? Why?', 'What would the paid-search team need to fix the label variants for good?'],
  },
  {
    id: 'data-as-a-product',
    title: 'Exercise 3: Make it a product',
    minutes: 25,
    kind: 'exercise',
    walkthroughId: 'data-as-a-product',
    dataset: 'crm-opportunities-2026-09.csv',
    goal: 'Write a product card for the CRM opportunities and export its contract.',
    prompts: ['Which objective would you refuse to promise, and why?', 'Who are the real consumers of this file today?'],
  },
  { id: 'break', title: 'Break', minutes: 10, kind: 'break', goal: 'Coffee.', prompts: [] },
  {
    id: 'self-serve-platform',
    title: 'Exercise 4: Next month, in one click',
    minutes: 20,
    kind: 'exercise',
    walkthroughId: 'self-serve-platform',
    dataset: 'google-ads-campaigns-2026-09.csv',
    goal: 'Save a check pack from September and rerun it on October.',
    prompts: ['The new "Conv. value" column: breaking or not? For whom?', 'Who should be told about the new campaign before the dashboard shows it?'],
  },
  {
    id: 'federated-governance',
    title: 'Exercise 5: Rules for everyone',
    minutes: 20,
    kind: 'exercise',
    walkthroughId: 'federated-governance',
    dataset: 'crm-opportunities-2026-09.csv',
    goal: 'Agree a policy pack and see what each domain’s data breaks.',
    prompts: ['Which policy would your organisation adopt tomorrow?', 'Snake_case headers: worth it for exports you do not control?'],
  },
  {
    id: 'honest-attribution',
    title: 'Exercise 6: Honest attribution',
    minutes: 20,
    kind: 'exercise',
    walkthroughId: 'honest-attribution',
    dataset: 'meta-ads-2026-09.csv',
    goal: 'Compare what Google Ads and Meta claim with the won deals in the CRM.',
    prompts: ['If you had to cut 20% of the ad budget on these numbers, where would you cut?', 'Who owns the "source of truth" for sales in your organisation?'],
  },
  {
    id: 'decisions',
    title: 'Decisions',
    minutes: 15,
    kind: 'discussion',
    goal: 'Record owners, products and policies the group agrees on.',
    prompts: ['Which one decision will you take back to your team on Monday?'],
  },
];

export const agendaMinutes = (items: AgendaItem[] = WORKSHOP_AGENDA) => items.reduce((s, i) => s + i.minutes, 0);

/** Seconds left for an item started at `startedAt` (ms), negative when over time. */
export function secondsLeft(item: AgendaItem, startedAt: number, now: number): number {
  return Math.round(item.minutes * 60 - (now - startedAt) / 1000);
}

export function formatClock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** What the group decided in the session itself. Owners and products are not here: they live on each dataset's product. */
export interface WorkshopDecisions {
  policies: { policyId: string; adopted: boolean; note: string }[];
  notes: string;
}

/** One dataset's data product as the summary prints it (read from the product, never typed twice). */
export interface WorkshopProduct {
  dataset: string;
  name: string;
  owner: string;
  domain: string;
  consumers: string[];
}

export function emptyDecisions(): WorkshopDecisions {
  return { policies: DEFAULT_POLICIES.map((p) => ({ policyId: p.id, adopted: false, note: '' })), notes: '' };
}

export function decisionsMarkdown(d: WorkshopDecisions, products: WorkshopProduct[], date: string): string {
  const title = (id: string) => DEFAULT_POLICIES.find((p) => p.id === id)?.title ?? id;
  const esc = (s: string) => s.replace(/\|/g, '/').replace(/\n/g, ' ');
  const domain = (x: string) => DOMAIN_LABELS[x as DomainId] ?? x;
  const lines = [`# Data mesh workshop: what we decided`, '', `${DEMO_COMPANY.name} demo data · ${date}`, '', '## Data products and owners', ''];
  if (products.length) {
    lines.push(
      '| Dataset | Product | Domain | Owner | Consumers |',
      '|---|---|---|---|---|',
      ...products.map(
        (p) =>
          `| ${esc(p.dataset)} | ${esc(p.name) || '(not named)'} | ${p.domain ? domain(p.domain) : '(not chosen)'} | ${esc(p.owner) || '(missing)'} | ${p.consumers.map(esc).join(', ') || '(none named)'} |`,
      ),
    );
  } else lines.push('No data products recorded.');
  lines.push('', '## Policies', '');
  const adopted = d.policies.filter((p) => p.adopted);
  const rejected = d.policies.filter((p) => !p.adopted);
  lines.push(...(adopted.length ? adopted.map((p) => `- Adopted: ${title(p.policyId)}${p.note ? ` (${p.note})` : ''}`) : ['- None adopted yet.']));
  lines.push(...rejected.filter((p) => p.note).map((p) => `- Not adopted: ${title(p.policyId)} (${p.note})`));
  if (d.notes.trim()) lines.push('', '## Notes', '', d.notes.trim());
  return lines.join('\n') + '\n';
}
