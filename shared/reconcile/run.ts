/**
 * An attribution run: every loaded file in its place. Conversion-path exports go to the sandbox, test/control
 * files to the incrementality estimate, everything else is a source to reconcile. One value, read by the CLI,
 * the Reconcile screen, the walkthrough and the report renderers.
 */
import type { Dataset, Params } from '../checks/types';
import type { Engine } from '../engine/types';
import { creditChannels } from './attribution-models';
import type { AttributionSandbox } from './attribution-models';
import { claimScopeText, diffInDiff, liftSentence } from './lift';
import type { ClaimScope, LiftDay, LiftEstimate } from './lift';
import { readConversionPaths, readTest } from './readers';
import type { PathColumns, TestColumns } from './readers';
import { truthSpecOf } from './overclaim';
import type { OverclaimResult } from './overclaim';
import { reconcile } from './reconcile';
import { makeSource } from './sources';
import type { ReconcileReport, ReconDomain } from './types';

export interface RunInput {
  dataset: Dataset;
  /** Settings the user gave for this file (domain, time zone, currency), and the data product's domain. */
  domain?: ReconDomain;
  productDomain?: string;
  timeZone?: string;
  currency?: string;
}

export interface RunOptions {
  /** See ReconcileOptions.truth: a name, null for explicitly none, absent to take the only candidate. */
  truth?: string | null;
  on?: string[];
  metric?: string;
  params?: Record<string, Params>;
  /** First day of the test period, when the test file has no period column. */
  testStart?: string;
  /** Bootstrap seed (deterministic by default). */
  seed?: number;
}

export interface LiftRun {
  file: string;
  columns: TestColumns;
  days: LiftDay[];
  testStart: string;
  estimate: LiftEstimate;
  claim: { platform: string; claimed: number; from: string; scope: ClaimScope } | null;
  sentence: string;
  /**
   * Set when the over-claim chart shows a claim by the same platform from another file: says that the two
   * numbers count different files, cells and days, so the screen never shows two claims without saying why.
   */
  otherClaim?: string;
}

export interface AttributionRun {
  reconcile: ReconcileReport;
  sandbox: { file: string; columns: PathColumns; result: AttributionSandbox } | null;
  lift: LiftRun | null;
  notes: string[];
}

export async function runAttribution(engine: Engine, inputs: RunInput[], options: RunOptions = {}): Promise<AttributionRun> {
  const notes: string[] = [];
  let sandbox: AttributionRun['sandbox'] = null;
  let lift: LiftRun | null = null;
  const rest: RunInput[] = [];
  for (const input of inputs) {
    const ds = input.dataset;
    if (!sandbox && input.domain === undefined) {
      const paths = await readConversionPaths(engine, ds);
      if (!('reason' in paths)) {
        sandbox = { file: ds.file, columns: paths.columns, result: creditChannels(paths.paths) };
        continue;
      }
    }
    if (!lift && input.domain === undefined) {
      const test = await readTest(engine, ds, options.testStart ? { testStart: options.testStart } : {});
      if (!('reason' in test)) {
        if (!test.testStart) {
          notes.push(`${ds.file} looks like a test (groups ${[...test.groups.test, ...test.groups.control].join(', ')}) but says nothing about when the test started: give the first test day.`);
          continue;
        }
        try {
          const estimate = diffInDiff(test.days, test.testStart, options.seed !== undefined ? { seed: options.seed } : {});
          const platform = claimPlatform(test.columns.claimed);
          const scope: ClaimScope = { file: ds.file, column: test.columns.claimed ?? '', groups: test.groups.test, start: test.testStart, end: test.days[test.days.length - 1]?.date ?? test.testStart };
          const claim = test.claimed !== null ? { platform, claimed: test.claimed, from: test.columns.claimed!, scope } : null;
          lift = { file: ds.file, columns: test.columns, days: test.days, testStart: test.testStart, estimate, claim, sentence: liftSentence(estimate, claim ?? undefined) };
        } catch (err) {
          notes.push(`${ds.file}: ${err instanceof Error ? err.message : String(err)}`);
        }
        continue;
      }
    }
    rest.push(input);
  }
  const sources = [];
  for (const i of rest)
    sources.push(
      await makeSource(engine, i.dataset, {
        ...(i.domain ? { domain: i.domain } : {}),
        ...(i.productDomain ? { productDomain: i.productDomain } : {}),
        ...(i.timeZone ? { timeZone: i.timeZone } : {}),
        ...(i.currency ? { currency: i.currency } : {}),
      }),
    );
  const report = await reconcile(engine, sources, {
    ...(options.truth !== undefined ? { truth: options.truth } : {}),
    ...(options.on ? { on: options.on } : {}),
    ...(options.metric ? { metric: options.metric } : {}),
    ...(options.params ? { params: options.params } : {}),
  });
  const other = lift?.claim && report.overclaim ? otherClaimNote(lift.claim, report.overclaim) : null;
  if (lift && other) lift = { ...lift, otherClaim: other };
  return { reconcile: report, sandbox, lift, notes: [...notes, ...report.notes] };
}

/** The same platform's claim in the over-claim chart, from another file: why its number differs from the test's. */
export function otherClaimNote(claim: NonNullable<LiftRun['claim']>, oc: OverclaimResult): string | null {
  const same = oc.claims.find((c) => c.name !== claim.scope.file && c.label.toLowerCase().startsWith(claim.platform.toLowerCase()));
  if (!same) return null;
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  return `Not the same count as the claimed-against-actual comparison: there ${same.label} claims ${n(same.claimed)} (${same.column} in ${same.name}, all rows, ${oc.period.start} to ${oc.period.end}); here ${claim.platform} claims ${n(claim.claimed)} (${claimScopeText(claim.scope)}). Different files, cells and days.`;
}

/** "meta_claimed_purchases" → "Meta": the platform named in a claim column's header. */
function claimPlatform(column: string | undefined): string {
  const c = (column ?? '').toLowerCase();
  if (/meta|facebook|fb/.test(c)) return 'Meta';
  if (/google|adwords|gads/.test(c)) return 'Google Ads';
  if (/linkedin/.test(c)) return 'LinkedIn Ads';
  if (/tiktok/.test(c)) return 'TikTok Ads';
  if (/bing|microsoft/.test(c)) return 'Microsoft Ads';
  return 'The platform';
}

/** One run per possible source of truth (and '' for none), so a walkthrough can let the user pick explicitly. */
export interface AttributionRuns {
  /** Files that can be the source of truth. */
  candidates: string[];
  /** Every reconciled file: offered as the source of truth or not, and why, in the user's words. */
  offers: { name: string; offered: boolean; reason: string }[];
  byTruth: Record<string, AttributionRun>;
}

export async function attributionByTruth(engine: Engine, inputs: RunInput[], options: Omit<RunOptions, 'truth'> = {}): Promise<AttributionRuns> {
  const none = await runAttribution(engine, inputs, { ...options, truth: null });
  const offers: AttributionRuns['offers'] = none.reconcile.sources.map((s) => {
    const spec = truthSpecOf(s);
    if ('reason' in spec) return { name: s.name, offered: false, reason: spec.reason };
    return {
      name: s.name,
      offered: true,
      reason: spec.kind === 'won deals' ? `records deals with a stage column (${spec.stage}), so it says which were won` : 'records orders, one per row',
    };
  });
  const candidates = offers.filter((o) => o.offered).map((o) => o.name);
  const byTruth: Record<string, AttributionRun> = { '': none };
  for (const c of candidates) byTruth[c] = await runAttribution(engine, inputs, { ...options, truth: c });
  return { candidates, offers, byTruth };
}
