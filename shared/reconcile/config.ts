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
import { parse } from 'yaml';
import type { Params } from '../checks/types';
import { RECON_DOMAINS } from './types';
import type { ReconDomain } from './types';

export interface ReconcileConfig {
  truth?: string;
  on?: string[];
  metric?: string;
  testStart?: string;
  sources: { file: string; domain?: ReconDomain; currency?: string; timeZone?: string }[];
  checks?: Record<string, Params>;
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
