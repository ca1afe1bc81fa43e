/**
 * The YAML config of `meshlens reconcile --config` for more than two sources:
 *
 *   truth: crm-opportunities-2026-09.csv
 *   on: [campaign, date]
 *   metric: cost
 *   testStart: 2026-09-15
 *   sources:
 *     - file: google-ads.csv
 *       domain: ads
 *       currency: EUR
 *       timeZone: Europe/Berlin
 *     - file: crm-opportunities-2026-09.csv
 *   checks:
 *     spend_mismatch: { relativeTolerance: 0.02 }
 */
import { parse, stringify } from 'yaml';
import type { Params } from '../checks/types';
import { RECON_DOMAINS } from './types';
import type { ReconDomain } from './types';

/** What the user says about one source: its domain, the currency of its money, the time zone its days are cut in. */
export interface SourceSettings {
  domain?: ReconDomain;
  currency?: string;
  timeZone?: string;
}

/**
 * The reconciliation settings: the CLI reads them from this YAML, the app's Reconcile screen edits the same
 * object and saves or opens the same YAML (a source is matched to an open file by its file name).
 */
export interface ReconcileConfig {
  truth?: string;
  on?: string[];
  metric?: string;
  testStart?: string;
  sources: ({ file: string } & SourceSettings)[];
  checks?: Record<string, Params>;
}

/** An ISO 4217 code as the config holds it: three capital letters. */
export const isCurrencyCode = (v: string): boolean => /^[A-Z]{3}$/.test(v);

/** An IANA time zone this runtime knows (Europe/Berlin, America/New_York, UTC). */
export function isTimeZone(v: string): boolean {
  if (!v.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

/** The problem with a currency or time zone the user typed, in words, or null when it is valid. */
export function settingProblem(key: 'currency' | 'timeZone', value: string): string | null {
  if (key === 'currency') return isCurrencyCode(value.toUpperCase()) ? null : `"${value}" is not a currency code (three letters, such as EUR or USD)`;
  return isTimeZone(value) ? null : `"${value}" is not a time zone (a name such as Europe/Berlin or America/New_York)`;
}

/** The settings of the source whose file name is `name` (a config lists files by path, relative to itself). */
export function settingsOf(config: ReconcileConfig, name: string): SourceSettings {
  const base = (f: string) => f.split(/[\\/]/).pop() ?? f;
  const { file: _f, ...settings } = config.sources.find((s) => base(s.file) === name) ?? { file: name };
  return settings;
}

/** The config as YAML that parseReconcileConfig (and `meshlens reconcile --config`) reads back the same. */
export function reconcileConfigYaml(config: ReconcileConfig): string {
  const sources = config.sources.map((s) => (Object.keys(s).length === 1 ? s.file : s));
  return stringify({ ...config, sources });
}

export class ReconcileConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReconcileConfigError';
  }
}

const str = (v: unknown, where: string): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && !(v instanceof Date)) throw new ReconcileConfigError(`${where} must be text`);
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
};

export function parseReconcileConfig(text: string, file = 'config'): ReconcileConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new ReconcileConfigError(`${file} is not valid YAML (${(err instanceof Error ? err.message : String(err)).split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new ReconcileConfigError(`${file} must be a YAML mapping with a "sources" list`);
  const d = doc as Record<string, unknown>;
  const known = ['truth', 'on', 'metric', 'testStart', 'sources', 'checks'];
  const extra = Object.keys(d).filter((k) => !known.includes(k));
  if (extra.length) throw new ReconcileConfigError(`${file}: unknown key ${extra.map((k) => `"${k}"`).join(', ')} (known: ${known.join(', ')})`);
  if (!Array.isArray(d.sources)) throw new ReconcileConfigError(`${file}: "sources" must be a list of files`);
  const sources = d.sources.map((s, i) => {
    const where = `${file}: sources[${i}]`;
    if (typeof s === 'string') return { file: s };
    if (!s || typeof s !== 'object') throw new ReconcileConfigError(`${where} must be a file name or a mapping with "file"`);
    const o = s as Record<string, unknown>;
    const f = str(o.file, `${where}.file`);
    if (!f) throw new ReconcileConfigError(`${where} needs a "file"`);
    const domain = str(o.domain, `${where}.domain`);
    if (domain && !(RECON_DOMAINS as readonly string[]).includes(domain))
      throw new ReconcileConfigError(`${where}.domain must be one of ${RECON_DOMAINS.join(', ')}`);
    const currency = str(o.currency, `${where}.currency`);
    const timeZone = str(o.timeZone, `${where}.timeZone`);
    for (const [key, value] of [['currency', currency], ['timeZone', timeZone]] as const) {
      const problem = value === undefined ? null : settingProblem(key, value);
      if (problem) throw new ReconcileConfigError(`${where}.${key}: ${problem}`);
    }
    return { file: f, ...(domain ? { domain: domain as ReconDomain } : {}), ...(currency ? { currency: currency.toUpperCase() } : {}), ...(timeZone ? { timeZone } : {}) };
  });
  let on: string[] | undefined;
  if (d.on !== undefined) {
    if (typeof d.on === 'string') on = d.on.split(',').map((x) => x.trim());
    else if (Array.isArray(d.on) && d.on.every((x) => typeof x === 'string')) on = d.on as string[];
    else throw new ReconcileConfigError(`${file}: "on" must be a list of keys such as [campaign, date]`);
  }
  let checks: Record<string, Params> | undefined;
  if (d.checks !== undefined) {
    if (!d.checks || typeof d.checks !== 'object' || Array.isArray(d.checks)) throw new ReconcileConfigError(`${file}: "checks" must map a check id to its parameters`);
    checks = d.checks as Record<string, Params>;
  }
  const truth = str(d.truth, `${file}: truth`);
  const metric = str(d.metric, `${file}: metric`);
  const testStart = str(d.testStart, `${file}: testStart`);
  return {
    sources,
    ...(truth ? { truth } : {}),
    ...(on ? { on } : {}),
    ...(metric ? { metric } : {}),
    ...(testStart ? { testStart } : {}),
    ...(checks ? { checks } : {}),
  };
}
