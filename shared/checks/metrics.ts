/** Accuracy of the numbers: negative counts, funnel steps above their parent, rates that do not add up. */
import { lineSample, quoteIdent } from '../engine/sql';
import { LINE_COLUMN } from '../engine/sql';
import { rateDefinition } from '../semantics/platforms/index';
import type { RateDefinition } from '../semantics/platforms/index';
import { METRIC_ROLES, normaliseHeader, RATE_ROLES } from '../semantics/roles';
import type { Role } from '../semantics/roles';
import type { SemanticColumn } from '../semantics/describe';
import { firstWithRole, from, label, numParam, pct, plural, profileOf, tc, verb, withRole } from './helpers';
import type { CheckDefinition, CheckTarget, Dataset, Severity } from './types';

const LINE_ID = quoteIdent(LINE_COLUMN);
const numeric = (c: SemanticColumn | undefined): c is SemanticColumn => !!c && c.kind === 'number';

/** The profile's minimum (exact) is zero or more: no value of the column is below zero, nothing to count. */
function neverNegative(ds: Dataset, name: string): boolean {
  const min = profileOf(ds, name)?.min;
  return typeof min === 'number' && min >= 0;
}

export const negativeMetric: CheckDefinition = {
  id: 'negative_metric',
  title: 'Negative metric',
  dimension: 'validity',
  owner: 'data',
  explanation:
    'Impressions, clicks, sessions, spend and conversions cannot be below zero. A negative value usually comes from a refund or adjustment row, a sign flipped in a pipeline, or a broken number format, and it silently lowers every total.',
  fix: 'Find where the negative rows come from; keep adjustments in a separate, labelled table instead of mixing them into performance rows.',
  defaults: {},
  severity: (n) => (n > 0 ? 'error' : null),
  targets: (ctx) =>
    withRole(ctx.dataset, ...METRIC_ROLES, ...RATE_ROLES)
      .filter((c) => numeric(c) && !neverNegative(ctx.dataset, c.name))
      .map((c): CheckTarget => ({
        columns: [c.name],
        show: [...ctx.dataset.semantics.naturalKey.slice(0, 2), c.name],
        where: `${tc(c.name)} < 0`,
        message: (n) => `${label(c)} is negative in ${plural(n, 'row')}.`,
        // Refunds can make revenue negative legitimately: a warning, not an error.
        severity: (n) => (n > 0 ? (c.role === 'revenue' ? 'warning' : 'error') : null),
      })),
};

const FUNNEL: Array<{ child: Role; parent: Role; severity: Severity; why: string }> = [
  { child: 'clicks', parent: 'impressions', severity: 'error', why: 'CTR is overstated' },
  { child: 'link_clicks', parent: 'impressions', severity: 'error', why: 'link CTR is overstated' },
  {
    child: 'link_clicks',
    parent: 'clicks',
    severity: 'error',
    why: 'link clicks are a subset of all clicks',
  },
  { child: 'reach', parent: 'impressions', severity: 'error', why: 'frequency falls below 1' },
  {
    child: 'engaged_sessions',
    parent: 'sessions',
    severity: 'error',
    why: 'engagement rate goes above 100%',
  },
  {
    child: 'conversions',
    parent: 'clicks',
    severity: 'warning',
    why: 'conversion rate goes above 100% (view-through or multiple conversions per click can explain it)',
  },
];

export const funnelInversion: CheckDefinition = {
  id: 'funnel_inversion',
  title: 'Funnel step above its parent',
  dimension: 'accuracy',
  owner: 'ads',
  explanation:
    'Each funnel step is a subset of the one before: clicks come from impressions, engaged sessions from sessions. A row with more clicks than impressions cannot be true; rates computed from it are wrong and usually point to mixed attribution settings or rows merged from different reports.',
  fix: 'Check that both metrics come from the same report, date range and attribution setting; re-export the affected campaigns.',
  defaults: {},
  severity: (n) => (n > 0 ? 'error' : null),
  targets: (ctx) => {
    const ds = ctx.dataset;
    const out: CheckTarget[] = [];
    for (const step of FUNNEL) {
      const child = firstWithRole(ds, step.child);
      const parent = firstWithRole(ds, step.parent);
      if (!numeric(child) || !numeric(parent)) continue;
      out.push({
        columns: [child.name, parent.name],
        show: [...ds.semantics.naturalKey.slice(0, 2), child.name, parent.name],
        where: `${tc(child.name)} > ${tc(parent.name)}`,
        message: (n) =>
          `${plural(n, 'row')} ${verb(n, 'has', 'have')} more ${child.originalName} than ${parent.originalName}, so ${step.why}.`,
        severity: (n) => (n > 0 ? step.severity : null),
      });
    }
    return out;
  },
};

/** How a rate value reads to a marketer: "6.67%", "0.62", "4.03". */
function readable(v: number, unit: RateDefinition['unit'], scale: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (unit === 'percent') return `${(scale === 100 ? v : v * 100).toFixed(2)}%`;
  return v.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

interface Plan {
  def: RateDefinition;
  rate: SemanticColumn;
  num: SemanticColumn;
  den: SemanticColumn;
  computed: string;
  valid: string;
}

/** The rate columns the file can check: the platform's own definition, with every part present. */
function plansFor(ds: Dataset): Plan[] {
  const platform = ds.semantics.platform.platform;
  const plans: Plan[] = [];
  for (const rate of withRole(ds, ...RATE_ROLES).filter(numeric)) {
    const def = rateDefinition(platform, normaliseHeader(rate.originalName));
    if (!def) continue;
    const num = firstWithRole(ds, def.num);
    const den = firstWithRole(ds, def.den);
    // Without the platform's own parts (Conv. rate needs Interactions, not Clicks) nothing is recomputed:
    // a guess from other columns would be a false alarm, and an unchecked rate is not a defect of the file.
    if (!numeric(num) || !numeric(den)) continue;
    const computed = `(${tc(num.name)}::DOUBLE / ${tc(den.name)}::DOUBLE * ${def.factor})`;
    const valid = `${tc(rate.name)} IS NOT NULL AND ${tc(num.name)} IS NOT NULL AND ${tc(den.name)} IS NOT NULL AND ${tc(den.name)} <> 0`;
    plans.push({ def, rate, num, den, computed, valid });
  }
  return plans;
}

export const derivedMetricMismatch: CheckDefinition = {
  id: 'derived_metric_mismatch',
  title: 'Rate does not match its parts',
  dimension: 'consistency',
  owner: 'data',
  explanation:
    'CTR, CPC, CPA, ROAS and conversion rate are ratios of other columns in the same row, each platform with its own definition (Google Ads divides conversions by interactions, Microsoft Ads by clicks). A rate is only recomputed when the file holds the parts of its platform\'s own definition. When the reported value disagrees with the recomputed one beyond rounding, one of the columns was edited, mis-parsed (decimal comma, currency symbol) or comes from another attribution window.',
  fix: 'Recompute rates from their parts instead of trusting the exported rate, and find which column changed (a manual edit, a decimal separator problem, a different conversion window).',
  defaults: { relativeTolerance: 0.01, warningShare: 0, errorShare: 0.2 },
  severity: (n, total, params) => {
    if (n <= 0) return null;
    return total && n / total >= numParam(params, 'errorShare', 0.2) ? 'error' : 'warning';
  },
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const rel = numParam(ctx.params, 'relativeTolerance', 0.01);
    const plans = plansFor(ds);
    if (!plans.length) return [];
    // One scan decides, per rate column, whether it is written as a ratio or a percent and how many
    // decimals it carries (the rounding we must tolerate). Decimals are counted on the distinct values
    // (writing a number as text costs more than collecting it; the most over the values is the most over the rows).
    const sel = plans.flatMap((p, i) => [
      `median(abs(${tc(p.rate.name)} - ${p.computed})) FILTER (WHERE ${p.valid}) AS a${i}`,
      `median(abs(${tc(p.rate.name)} - 100 * ${p.computed})) FILTER (WHERE ${p.valid}) AS b${i}`,
      `list_max(list_transform(list(DISTINCT ${tc(p.rate.name)}) FILTER (WHERE ${p.valid}), v -> length(regexp_extract(v::VARCHAR, '\\.([0-9]+)$', 1)))) AS d${i}`,
    ]);
    // Scale and decimals are properties of the export format: a sample of big tables tells them.
    const source =
      ds.rows > 50_000 ? `${lineSample(ds.tableName, ds.rows, 50_000)} t` : from(ds);
    const stats = (await ctx.engine.query(`SELECT ${sel.join(', ')} FROM ${source}`)).rows[0] ?? {};
    const checked = plans.flatMap((p, i) => {
      const a = Number(stats[`a${i}`]);
      const b = Number(stats[`b${i}`]);
      if (!Number.isFinite(a)) return [];
      const scale = p.rate.percent ? 100 : p.def.unit === 'percent' && Number.isFinite(b) && b < a ? 100 : 1;
      const decimals = Math.min(8, Number(stats[`d${i}`] ?? 0) || 0);
      const absTol = 0.5 * 10 ** -decimals * 1.001 + 1e-9;
      const expected = `(${p.computed} * ${scale})`;
      // Off by more than both the rounding and the relative tolerance: `off > greatest(a, b)` (DuckDB orders
      // doubles totally, NaN last), but the relative bound is only computed for rows off by more than the
      // rounding, few in a healthy file (the rate check's share of the row scan: about half native, a third wasm).
      const off = `abs(${tc(p.rate.name)} - ${expected})`;
      const bad = `${p.valid} AND CASE WHEN ${off} > ${absTol} THEN ${off} > ${rel} * abs(${expected}) ELSE false END`;
      return [{ p, scale, decimals, absTol, expected, bad }];
    });
    if (!checked.length) return [];
    // The first disagreeing row of each rate, for the message: read only once a rate is a finding (its
    // line in one scan for every rate, then that row's stated and recomputed values).
    let firstRows: Promise<Record<string, unknown>> | null = null;
    const readFirstRows = async (): Promise<Record<string, unknown>> => {
      const lines = (
        await ctx.engine.query(`SELECT ${checked.map((c, i) => `min(t.${LINE_ID}) FILTER (WHERE ${c.bad}) AS l${i}`).join(', ')} FROM ${from(ds)}`)
      ).rows[0] ?? {};
      const found = checked.map((_, i) => lines[`l${i}`]).filter((l) => l !== null && l !== undefined);
      const rows = found.length
        ? (
            await ctx.engine.query(
              `SELECT t.${LINE_ID} AS l, ${checked.map((c, i) => `${tc(c.p.rate.name)}::DOUBLE AS s${i}, ${c.expected} AS r${i}`).join(', ')} FROM ${from(ds)} WHERE t.${LINE_ID} IN (${found.map(Number).join(', ')})`,
            )
          ).rows
        : [];
      const first: Record<string, unknown> = {};
      checked.forEach((_, i) => {
        const row = rows.find((r) => Number(r.l) === Number(lines[`l${i}`]));
        Object.assign(first, { [`s${i}`]: row?.[`s${i}`] ?? null, [`r${i}`]: row?.[`r${i}`] ?? null, [`l${i}`]: lines[`l${i}`] ?? null });
      });
      return first;
    };
    return checked.map(({ p, scale, decimals, absTol, bad }, i): CheckTarget => {
      const unit = p.def.unit;
      const tolAbs =
        unit === 'percent'
          ? `${Number((scale === 100 ? absTol : absTol * 100).toPrecision(2))} percentage points`
          : `${Number(absTol.toPrecision(2))}`;
      const tolText = `±${tolAbs} (rounding to ${plural(decimals, 'decimal')}) or ${rel * 100}% of the recomputed value, whichever is larger`;
      const formula = p.def.text + (p.def.factor !== 1 && !p.def.text.includes('×') ? ` × ${p.def.factor}` : '');
      const words = (first: Record<string, unknown>): Pick<CheckTarget, 'message' | 'details'> => {
        const stated = Number(first[`s${i}`]);
        const recomputed = Number(first[`r${i}`]);
        const line = Number(first[`l${i}`]);
        return {
          details: {
            formula,
            definition: p.def.source,
            scale,
            tolerance: { absolute: absTol, relative: rel },
            ...(Number.isFinite(line)
              ? { example: { line, stated: readable(stated, unit, scale), recomputed: readable(recomputed, unit, scale) } }
              : {}),
          },
          message: (n, total) =>
            `${label(p.rate)} disagrees with ${formula} (${p.num.originalName} / ${p.den.originalName}) in ${plural(n, 'row')} (${pct(n, total)}), beyond rounding` +
            (Number.isFinite(line)
              ? `: line ${line} states ${readable(stated, unit, scale)}, recomputed ${readable(recomputed, unit, scale)}; tolerance ${tolText}.`
              : '.'),
        };
      };
      return {
        columns: [p.rate.name, p.num.name, p.den.name],
        show: [...ds.semantics.naturalKey.slice(0, 2), p.rate.name, p.num.name, p.den.name],
        where: bad,
        ...words({}),
        describe: async () => words(await (firstRows ??= readFirstRows())),
      };
    });
  },
};
