/**
 * reconcile(): several sources side by side. Periods first (only the overlap is compared, what fell outside is
 * said), then currencies, then keys (suggested; used only when confirmed or when their match rate is high, and
 * the report says which), then the checks.
 */
import type { Finding, Params } from '../checks/types';
import type { Engine } from '../engine/types';
import type { Platform } from '../semantics/platform';
import {
  ATTRIBUTION_OVERCLAIM,
  CURRENCY_MISMATCH,
  fmt,
  money,
  ORPHAN_KEYS,
  reconFinding,
  signed,
  SPEND_MISMATCH,
  TIMEZONE_MISALIGNMENT,
} from './catalogue';
import { confirmKeys, suggestKeys } from './keys';
import type { Claim } from './overclaim';
import { buildOverclaim, CHANNEL_ALIASES, truthSpecOf } from './overclaim';
import { alignPeriods, dateColumnOf, periodOf, series } from './sources';
import { compareSeries } from './spend';
import type { KeyMapping, Period, ReconcileReport, Source } from './types';

export interface ReconcileOptions {
  /** Name of the source of truth (CRM or orders); null: explicitly none; absent: the only candidate, if one (said in the notes). */
  truth?: string | null;
  /** Keys the user confirmed (`--on campaign,date`), by kind or column name. */
  on?: string[];
  /** Metric compared between a platform and finance/GA4 (`--metric cost`), by column name or role. */
  metric?: string;
  /** Per-check parameter overrides. */
  params?: Record<string, Params>;
}

const overlapOf = (a: Period | null, b: { start: string; end: string } | null): { start: string; end: string } | null => {
  if (!a || !b) return null;
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
};

const isClaimant = (s: Source): boolean =>
  s.domain === 'ads' && s.dataset.semantics.platform.platform in CHANNEL_ALIASES && s.dataset.semantics.columns.some((c) => c.role === 'conversions' && c.kind === 'number');

function metricColumn(s: Source, metric: string | undefined): string | undefined {
  const cols = s.dataset.semantics.columns.filter((c) => c.kind === 'number');
  if (metric) {
    const m = metric.toLowerCase();
    const byName = cols.find((c) => c.name.toLowerCase() === m || c.originalName.toLowerCase() === m);
    if (byName) return byName.name;
    const role = m === 'cost' ? 'spend' : m;
    return cols.find((c) => c.role === role)?.name;
  }
  return cols.find((c) => c.role === 'spend')?.name;
}

export async function reconcile(engine: Engine, sources: Source[], options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const notes: string[] = [];
  const findings: Finding[] = [];
  const alignment = await alignPeriods(engine, sources);
  const periods = new Map(alignment.sources.map((s) => [s.name, s.period]));
  const p = (name: string, key: string): Params => ({ ...options.params?.[key] });

  // --- Source of truth and over-claim -------------------------------------------------------------
  let overclaim: ReconcileReport['overclaim'] = null;
  const truthCandidates = sources.filter((s) => !('reason' in truthSpecOf(s)));
  const truthSource =
    options.truth === null ? undefined : options.truth ? sources.find((s) => s.name === options.truth) : truthCandidates.length === 1 ? truthCandidates[0] : undefined;
  if (options.truth === undefined && truthSource) notes.push(`Source of truth: ${truthSource.name}, the only CRM or orders file (pick another explicitly to change it).`);
  if (options.truth === null) notes.push('No source of truth picked: platform claims are listed but not checked.');
  else if (options.truth && !truthSource) notes.push(`"${options.truth}" is not one of the sources; no source of truth was used.`);
  else if (!truthSource && truthCandidates.length > 1)
    notes.push(`Several sources could be the source of truth (${truthCandidates.map((s) => s.name).join(', ')}): pick one.`);
  else if (!truthSource) {
    const reasons = sources.map((s) => truthSpecOf(s)).filter((r): r is { reason: string } => 'reason' in r).map((r) => r.reason);
    notes.push(`No source of truth: none of the sources is a CRM with deal stages or an orders file. ${reasons.join(' ')}`.trim());
  }
  const spec = truthSource ? truthSpecOf(truthSource) : null;
  if (spec && 'reason' in spec) notes.push(spec.reason);
  if (spec && !('reason' in spec)) {
    const truthPeriod = periods.get(spec.source.name) ?? null;
    let overlap: { start: string; end: string } | null = truthPeriod ? { start: truthPeriod.start, end: truthPeriod.end } : null;
    const included: Source[] = [];
    for (const s of sources.filter(isClaimant)) {
      const o = overlapOf(periods.get(s.name) ?? null, overlap);
      const own = periods.get(s.name);
      if (!o) {
        notes.push(
          `${s.name} (${own ? `${own.start} to ${own.end}` : 'no dates'}) does not overlap ${spec.source.name}${truthPeriod ? ` (${truthPeriod.start} to ${truthPeriod.end})` : ''}: left out, never added to the other periods.`,
        );
        continue;
      }
      overlap = o;
      included.push(s);
    }
    if (overlap && included.length) {
      for (const s of [spec.source, ...included]) {
        const own = periods.get(s.name);
        if (own && (own.start < overlap.start || own.end > overlap.end))
          notes.push(`${s.name} covers ${own.start} to ${own.end}; only ${overlap.start} to ${overlap.end} is compared.`);
      }
      const truthWeeks = await series(engine, spec.source.dataset, {
        date: spec.date,
        ...(spec.channel ? { key: spec.channel } : {}),
        ...(spec.where ? { where: spec.where } : {}),
        byWeek: true,
        overlap,
      });
      const claims: Claim[] = [];
      for (const s of included) {
        const col = s.dataset.semantics.columns.find((c) => c.role === 'conversions' && c.kind === 'number')!;
        const date = dateColumnOf(s)!;
        claims.push({
          name: s.name,
          label: s.label,
          platform: s.dataset.semantics.platform.platform as Platform,
          column: col.name,
          weeks: await series(engine, s.dataset, { date, metric: col.name, byWeek: true, overlap }),
        });
      }
      overclaim = buildOverclaim({ name: spec.source.name, kind: spec.kind, ...(spec.channel ? { channelColumn: spec.channel } : {}), weeks: truthWeeks }, claims, overlap);
      const warnRatio = Number(p('', 'attribution_overclaim').warnRatio ?? ATTRIBUTION_OVERCLAIM.defaults.warnRatio);
      if (overclaim.ratio !== null && overclaim.ratio > 1) {
        const extra = overclaim.claimedTotal - overclaim.truth.total;
        findings.push(
          reconFinding(ATTRIBUTION_OVERCLAIM, {
            severity: overclaim.ratio >= warnRatio ? 'warning' : 'info',
            file: [spec.source.name, ...included.map((s) => s.name)].join(' ↔ '),
            columns: claims.map((c) => c.column),
            rows: Math.round(extra * 100) / 100,
            message: `From ${overlap.start} to ${overlap.end}, ${included.map((s) => s.label).join(' and ')} claim ${fmt(overclaim.claimedTotal, 2)} conversions together; ${spec.source.name} recorded ${fmt(overclaim.truth.total)} ${spec.kind}. The platforms claim ${overclaim.ratio.toFixed(2)}× what happened (${signed(extra, 2)}).`,
            details: { ...overclaim },
          }),
        );
      }
    } else if (!included.length) notes.push('No ad platform with a conversions column overlaps the source of truth: nothing to compare.');
  }

  // --- Spend between a platform and finance or GA4's cost import ---------------------------------
  let spend: ReconcileReport['spend'] = null;
  const keys: KeyMapping[] = [];
  const platforms = sources.filter((s) => s.domain === 'ads' && metricColumn(s, options.metric));
  const references = sources.filter((s) => (s.domain === 'finance' || s.domain === 'analytics') && metricColumn(s, options.metric));
  for (const a of platforms) {
    for (const b of references) {
      const overlap = overlapOf(periods.get(a.name) ?? null, periods.get(b.name) ?? null);
      if (!overlap) {
        notes.push(`${a.name} and ${b.name} cover different periods: their spend is not compared.`);
        continue;
      }
      if (a.currency && b.currency && a.currency !== b.currency) {
        findings.push(
          reconFinding(CURRENCY_MISMATCH, {
            severity: 'warning',
            file: `${a.name} ↔ ${b.name}`,
            columns: [metricColumn(a, options.metric)!, metricColumn(b, options.metric)!],
            rows: 0,
            message: `${a.name} is in ${a.currency} and ${b.name} in ${b.currency}: amounts are not compared until one side is converted.`,
            details: { left: a.currency, right: b.currency },
          }),
        );
        continue;
      }
      if (!a.currency || !b.currency)
        notes.push(`The currency of ${!a.currency ? a.name : b.name} is not stated in the file; compared as if it were ${a.currency ?? b.currency ?? 'the same as the other'} (say otherwise with the currency option).`);
      const suggested = await suggestKeys(engine, a, b, overlap);
      const chosen = options.on ? confirmKeys(suggested, options.on) : { keys: suggested.filter((k) => k.matchRate >= 0.5), unknown: [] };
      if (chosen.unknown.length) notes.push(`No column pair found for ${chosen.unknown.join(', ')} between ${a.name} and ${b.name}.`);
      keys.push(...suggested.map((k) => chosen.keys.find((c) => c.left === k.left && c.right === k.right) ?? k));
      const dateKey = chosen.keys.find((k) => k.kind === 'date');
      const campaignKey = chosen.keys.find((k) => k.kind === 'campaign' || k.kind === 'utm_campaign' || k.kind === 'campaign_id');
      if (!dateKey) {
        notes.push(`${a.name} and ${b.name} have no date key to compare on.`);
        continue;
      }
      if (!options.on)
        notes.push(
          `Keys used between ${a.name} and ${b.name} (suggested, not confirmed): ${chosen.keys.map((k) => `${k.left} ↔ ${k.right} (${Math.round(k.matchRate * 100)}% match)`).join(', ')}.`,
        );
      const prm = { ...SPEND_MISMATCH.defaults, ...p('', 'spend_mismatch') };
      const tol = { relative: Number(prm.relativeTolerance), absolute: Number(prm.absoluteTolerance) };
      const ma = metricColumn(a, options.metric)!;
      const mb = metricColumn(b, options.metric)!;
      const left = await series(engine, a.dataset, { date: dateKey.left, metric: ma, overlap, ...(campaignKey ? { key: campaignKey.left } : {}) });
      const right = await series(engine, b.dataset, { date: dateKey.right, metric: mb, overlap, ...(campaignKey ? { key: campaignKey.right } : {}) });
      const cmp = compareSeries(left, right, tol);
      spend = cmp;
      const pair = `${a.name} ↔ ${b.name}`;
      const unit = campaignKey ? 'day × campaign cells' : 'days';
      if (cmp.mismatched.length) {
        const off = cmp.mismatched.reduce((s, c) => s + c.diff, 0);
        // The period totals themselves apart by more than errorShare: every cost figure built on one is wrong.
        const apart = Math.abs(cmp.leftTotal - cmp.rightTotal) > Number(prm.errorShare) * Math.max(Math.abs(cmp.leftTotal), Math.abs(cmp.rightTotal));
        findings.push(
          reconFinding(SPEND_MISMATCH, {
            severity: apart ? 'error' : 'warning',
            file: pair,
            columns: [ma, mb],
            rows: cmp.mismatched.length,
            message: `${ma} differs on ${fmt(cmp.mismatched.length)} of ${fmt(cmp.cells.length)} ${unit} from ${overlap.start} to ${overlap.end}: ${money(cmp.leftTotal)} in ${a.name} against ${money(cmp.rightTotal)} in ${b.name}; the cells beyond tolerance differ by ${signed(off, 2)} together.`,
            sample: cmp.mismatched.map((c) => ({ line: c.line, values: { date: c.date, ...(c.key !== null ? { key: c.key } : {}), [a.name]: c.left, [b.name]: c.right, difference: c.diff } })),
            details: { cells: cmp.mismatched, leftTotal: cmp.leftTotal, rightTotal: cmp.rightTotal, tolerance: tol, period: overlap },
          }),
        );
      }
      const orphanTotal = cmp.orphans.reduce((s, o) => s + o.value, 0);
      if (cmp.orphans.length) {
        const share = orphanTotal / Math.max(1e-9, cmp.leftTotal + cmp.rightTotal + orphanTotal);
        const words = (side: 'left' | 'right', s: Source, other: Source) => {
          const list = cmp.orphans.filter((o) => o.side === side);
          return list.length ? `${list.length} in ${s.name} only (${list.map((o) => `"${o.key}" ${money(o.value)}`).join(', ')}), missing from ${other.name}` : '';
        };
        findings.push(
          reconFinding(ORPHAN_KEYS, {
            severity: share >= Number(ORPHAN_KEYS.defaults.warnShare) ? 'warning' : 'info',
            file: pair,
            columns: campaignKey ? [campaignKey.left, campaignKey.right] : [],
            rows: cmp.orphans.length,
            message: `Campaigns found on one side only: ${[words('left', a, b), words('right', b, a)].filter(Boolean).join('; ')}.`,
            sample: cmp.orphans.map((o) => ({ line: o.line, values: { side: o.side === 'left' ? a.name : b.name, campaign: o.key, [ma]: o.value } })),
            details: { orphans: cmp.orphans },
          }),
        );
      }
      const tzPrm = { ...TIMEZONE_MISALIGNMENT.defaults, ...p('', 'timezone_misalignment') };
      if (a.timeZone && b.timeZone && a.timeZone !== b.timeZone)
        findings.push(
          reconFinding(TIMEZONE_MISALIGNMENT, {
            severity: 'warning',
            file: pair,
            columns: [dateKey.left, dateKey.right],
            rows: cmp.daily.length,
            message: `${a.name} cuts days in ${a.timeZone} and ${b.name} in ${b.timeZone}: daily numbers are shifted; compare weeks, or align the time zones.`,
            details: { left: a.timeZone, right: b.timeZone },
          }),
        );
      else if (cmp.timezone && cmp.timezone.errorAfter <= cmp.timezone.errorBefore * (1 - Number(tzPrm.improvement)))
        findings.push(
          reconFinding(TIMEZONE_MISALIGNMENT, {
            severity: 'info',
            file: pair,
            columns: [dateKey.left, dateKey.right],
            rows: cmp.daily.filter((d) => d.left !== d.right).length,
            message: `Daily ${ma} in ${b.name} looks shifted by about ${Math.abs(cmp.timezone.offsetHours)} hours against ${a.name}: shifting it cuts the daily difference from ${money(cmp.timezone.errorBefore)} to ${money(cmp.timezone.errorAfter)}. The two probably cut days in different time zones.`,
            details: { ...cmp.timezone },
          }),
        );
    }
  }
  for (const s of alignment.sources)
    if (alignment.overlap && s.rowsOutside > 0 && !notes.some((n) => n.startsWith(s.name)))
      notes.push(`${s.name}: ${fmt(s.rowsOutside)} rows fall outside the common period ${alignment.overlap.start} to ${alignment.overlap.end}.`);
  return { sources, alignment, keys, findings, overclaim, spend, notes };
}

export { periodOf };
