/**
 * Several datasets side by side. A source is a loaded dataset with the domain it belongs to; keys are
 * suggested from names and values and only used once confirmed; periods are aligned before anything is
 * compared. Findings use the catalogue's shape (shared/checks/types) so every reader shows them the same way.
 */
import type { Dataset, Dimension, Finding, Owner, Params } from '../checks/types';
import type { OverclaimResult } from './overclaim';
import type { SpendComparison } from './spend';

export const RECON_DOMAINS = ['ads', 'analytics', 'crm', 'finance', 'product'] as const;
export type ReconDomain = (typeof RECON_DOMAINS)[number];

export const DOMAIN_LABELS: Record<ReconDomain, string> = {
  ads: 'Ads (platform claims)',
  analytics: 'Web analytics',
  crm: 'CRM / sales',
  finance: 'Finance / orders',
  product: 'Product',
};

export interface Source {
  /** The dataset's display name (file name). */
  name: string;
  dataset: Dataset;
  domain: ReconDomain;
  /** Where the domain came from: the user's data product, or read from the platform and columns. */
  domainFrom: 'product' | 'platform' | 'columns' | 'user';
  /** Platform label ("Google Ads") or the file name when unknown. */
  label: string;
  /** IANA time zone or UTC offset of the day boundaries, when the file or the user says. */
  timeZone?: string;
  /** Currency of the money columns (from the values or the header), when known. */
  currency?: string;
}

export type KeyKind = 'campaign' | 'campaign_id' | 'utm_campaign' | 'date' | 'week' | 'country' | 'channel';

/** A suggested (or confirmed) pair of columns to join two sources on, with how well their values match. */
export interface KeyMapping {
  kind: KeyKind;
  left: string;
  right: string;
  /** Share of the left side's distinct values (within the overlap) found on the right, 0..1. */
  matchRate: number;
  /** Share of the right side's distinct values found on the left. */
  reverseMatchRate: number;
  /** Pairs matched only after folding ("Summer_Sale" ↔ "summer sale"). */
  folded: { left: string; right: string }[];
  /** True once the user confirmed it (the CLI's --on, the screen's confirm). Suggestions start false. */
  confirmed: boolean;
}

export interface Period {
  start: string;
  end: string;
  /** The date column the period was read from. */
  column: string;
}

export interface PeriodAlignment {
  /** The overlap every comparison is restricted to; null when the periods do not overlap at all. */
  overlap: { start: string; end: string } | null;
  /** Per source: its own period and what fell outside the overlap. */
  sources: { name: string; period: Period | null; rowsOutside: number; rowsInside: number }[];
}

/** A reconciliation check: the catalogue's metadata, run over a pair (or set) of sources instead of one. */
export interface ReconcileCheckInfo {
  id: string;
  title: string;
  dimension: Dimension;
  owner: Owner;
  explanation: string;
  fix: string;
  defaults: Params;
}

export interface ReconcileReport {
  sources: Source[];
  alignment: PeriodAlignment;
  keys: KeyMapping[];
  findings: Finding[];
  overclaim: OverclaimResult | null;
  spend: SpendComparison | null;
  /** Plain sentences that say what was compared and what was left out. */
  notes: string[];
}
