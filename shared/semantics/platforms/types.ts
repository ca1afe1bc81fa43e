/**
 * Platform knowledge as data: how to recognise a tool's exports, what its rates mean, which columns are
 * settings (" --" = not applicable) and which are optional and sparse by nature. One file per platform;
 * checks and the fingerprint read these tables, never their own copies.
 */
import type { Role } from '../roles';

/** A rate the platform writes, as the platform defines it. */
export interface RateDefinition {
  /** Normalised headers (see normaliseHeader) of the rate column this definition is for. */
  headers: string[];
  /** Roles of the parts: numerator / denominator × factor. */
  num: Role;
  den: Role;
  factor: number;
  /** How the value is written: a percent ("4.25%" or 4.25), money, or a plain ratio (4.03). */
  unit: 'percent' | 'money' | 'ratio';
  /** The definition in words, as the platform states it. */
  text: string;
  /** The platform's help page (or, where marked, the page that quotes it) stating the definition. */
  source: string;
}

export interface Recognition {
  /** Normalised headers only this tool writes (strong evidence). */
  unique: string[];
  /** Normalised headers it shares with other tools (weak evidence). */
  shared: string[];
  /** Header shapes only this tool writes (Google Trends' "term: (Worldwide)"). */
  headerPatterns?: RegExp[];
  /** Title or metadata lines above the header, with the name shown as evidence. */
  preamble?: Array<{ name: string; re: RegExp }>;
  /** File-name hints ("GoogleAds_", "Queries.csv"). */
  fileName?: RegExp[];
  /** A layout told apart from its sibling only by this preamble line (a GA4 exploration's title). */
  requiresLine?: string;
}

export interface PlatformKnowledge {
  label: string;
  /** The mesh domain its data belongs to. */
  domain: 'marketing' | 'sales' | 'product';
  recognise: Recognition;
  rates: RateDefinition[];
  /** Settings: " --" means "does not apply" (bidding strategy, campaign type), never a defect. */
  settings: string[];
  /** Optional columns that are empty for many rows by nature (no data, no results, not tracked). */
  optional: string[];
  /** Where the layout (columns, title rows) is described. */
  source: string;
}
