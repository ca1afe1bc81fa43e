/** Timeliness and date validity: dates in the future, outside the stated range, gaps in daily series, stale data. */
import { quoteIdent, quoteLiteral } from '../engine/sql';
import { normaliseHeader } from '../semantics/roles';
import {
  firstWithRole,
  from,
  isPerformanceData,
  label,
  LINE,
  listParam,
  numParam,
  pct,
  plural,
  profileOf,
  SAMPLE_SIZE,
  tc,
  withRole,
} from './helpers';
import type { CheckContext, CheckDefinition, CheckTarget } from './types';

const day = (name: string) => `${tc(name)}::DATE`;
const isoDay = (s: string) => `DATE ${quoteLiteral(s.slice(0, 10))}`;

function dateColumns(ctx: CheckContext) {
  return withRole(ctx.dataset, 'date', 'date_end').filter((c) => c.kind === 'date');
}

function primaryDate(ctx: CheckContext) {
  const name = ctx.dataset.semantics.primaryDate;
  return ctx.dataset.semantics.columns.find((c) => c.name === name && c.kind === 'date');
}

export const futureDates: CheckDefinition = {
  id: 'future_dates',
  title: 'Dates in the future',
  dimension: 'validity',
  owner: 'data',
  explanation:
    'Performance cannot happen after the day of the audit. Future dates come from a day/month swap (03/04 read the wrong way), a time-zone shift or a typo, and they put results into the wrong period.',
  fix: 'Check the date format of the export (day-first or month-first) and the account time zone, then re-export.',
  defaults: {
    ignoreHeaders: ['close date', 'expected close date', 'end date', 'due date', 'next activity date'],
  },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: (ctx) => {
    const norm = (h: string) => normaliseHeader(h).replace(/_/g, ' ');
    const ignore = listParam(ctx.params, 'ignoreHeaders', []).map(norm);
    return dateColumns(ctx)
      .filter((c) => !ignore.includes(norm(c.originalName)))
      .map((c): CheckTarget => ({
        columns: [c.name],
        where: `${day(c.name)} > ${isoDay(ctx.referenceDate)}`,
        message: (n) =>
          `${label(c)} is later than the reference date ${ctx.referenceDate} in ${plural(n, 'row')}.`,
      }));
  },
};

export const dateOutOfRange: CheckDefinition = {
  id: 'date_out_of_range',
  title: 'Dates outside the stated range',
  dimension: 'accuracy',
  owner: 'data',
  explanation:
    'The file says which period it covers in its title rows. Rows outside that period mean the export was filtered differently than its title claims, or two exports were combined; totals then describe a different period than the report says.',
  fix: 'Re-export with the intended date range, or correct the title so readers know which period the numbers cover.',
  defaults: {},
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: (ctx) => {
    const range = ctx.dataset.statedRange;
    if (!range) return [];
    return dateColumns(ctx).map((c): CheckTarget => ({
      columns: [c.name],
      where: `(${day(c.name)} < ${isoDay(range.start)} OR ${day(c.name)} > ${isoDay(range.end)})`,
      details: { statedRange: range },
      message: (n) =>
        `${label(c)} falls outside the range stated in the file (${range.start} to ${range.end}) in ${plural(n, 'row')}.`,
    }));
  },
};

export const dateGaps: CheckDefinition = {
  id: 'date_gaps',
  title: 'Missing days in a daily series',
  dimension: 'completeness',
  owner: 'data',
  explanation:
    'A daily report should have a row for every day of every campaign that ran. Missing days make trends dip to zero in charts and understate totals; they come from exports split into pages, filters on impressions, or failed pipeline runs.',
  fix: 'Re-export the missing days (check pagination and row limits); if the campaign was paused, note it so the gap is read correctly.',
  defaults: { minSeriesDays: 3, minCoverage: 0.5 },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const date = primaryDate(ctx);
    if (!date || !isPerformanceData(ds)) return [];
    const p = profileOf(ds, date.name);
    if (!p || (p.dayCoverage ?? 0) < numParam(ctx.params, 'minCoverage', 0.5) || (p.distinctDays ?? 0) < 3)
      return [];
    const campaign = firstWithRole(ds, 'campaign');
    const series = campaign ? tc(campaign.name) : `'all rows'`;
    const minDays = numParam(ctx.params, 'minSeriesDays', 3);
    const seriesColumn = quoteIdent(campaign?.name ?? 'series');
    // Only inside the period the file states (or spans): rows already reported as out of range or in
    // the future make no gaps of their own.
    const range = ds.statedRange;
    const inside = [
      `${tc(date.name)} IS NOT NULL`,
      ...(campaign ? [`${tc(campaign.name)} IS NOT NULL`] : []),
      ...(range ? [`${day(date.name)} BETWEEN ${isoDay(range.start)} AND ${isoDay(range.end)}`] : []),
      `${day(date.name)} <= ${isoDay(ctx.referenceDate)}`,
    ].join(' AND ');
    const gaps = `WITH d AS (SELECT ${series} AS series, ${day(date.name)} AS day, min(t.${LINE}) AS line FROM ${from(ds)}
        WHERE ${inside} GROUP BY 1, 2),
      s AS (SELECT *, count(*) OVER (PARTITION BY series) AS days, lead(day) OVER (PARTITION BY series ORDER BY day) AS next_day FROM d)
      SELECT line AS ${LINE}, series AS ${seriesColumn}, day::VARCHAR AS last_day_before_gap, next_day::VARCHAR AS next_day,
        date_diff('day', day, next_day) - 1 AS missing_days
      FROM s WHERE days >= ${minDays} AND date_diff('day', day, next_day) > 1`;
    // One statement: the missing days and series counted, and the first gaps by line for the sample.
    const read = await ctx.engine.query(
      `WITH gaps AS MATERIALIZED (${gaps}),
        totals AS (SELECT coalesce(sum(missing_days), 0)::BIGINT AS "__missing", count(DISTINCT ${seriesColumn}) AS "__series" FROM gaps)
      SELECT * FROM totals LEFT JOIN (SELECT * FROM gaps ORDER BY ${LINE} LIMIT ${SAMPLE_SIZE + 1}) first ON true ORDER BY ${LINE}`,
    );
    const missing = Number(read.rows[0]?.__missing ?? 0);
    const seriesCount = Number(read.rows[0]?.__series ?? 0);
    if (!missing) return [];
    const firstRows = read.rows.map((r) => {
      const gap = { ...r };
      delete gap.__missing;
      delete gap.__series;
      return gap;
    });
    return [
      {
        columns: campaign ? [date.name, campaign.name] : [date.name],
        sql: gaps,
        count: missing,
        firstRows,
        details: { missingDays: missing, series: seriesCount },
        message: (n) =>
          `${plural(n, 'day')} missing from the daily series${campaign ? ` of ${plural(seriesCount, 'campaign')}` : ''}; each sample row is the last day before a gap.`,
      },
    ];
  },
};

export const staleData: CheckDefinition = {
  id: 'stale_data',
  title: 'Stale data',
  dimension: 'timeliness',
  owner: 'data',
  explanation:
    'Decisions taken on a feed assume it is current: when its newest date is weeks old, recent spend and results are missing from every number. A report of a past period is not stale; it is only old. MeshLens warns when the file itself shows it was already old when exported (its export date is in the file) or when the dataset is declared a current feed (`current: true`); otherwise the age is an info.',
  fix: 'Export again with a date range that ends yesterday, or schedule the export so it refreshes automatically.',
  defaults: { maxAgeDays: 7, errorAgeDays: 0, current: false },
  severity: (n) => (n > 0 ? 'warning' : null),
  targets: (ctx) => {
    // The newest date of any date column: a Meta export without a Day breakdown ends at "Reporting ends".
    const newestOf = (name: string) => String(profileOf(ctx.dataset, name)?.max ?? '').slice(0, 10);
    const date = dateColumns(ctx)
      .filter((c) => newestOf(c.name))
      .sort((a, b) => newestOf(b.name).localeCompare(newestOf(a.name)))[0];
    if (!date || !isPerformanceData(ctx.dataset)) return [];
    const newest = newestOf(date.name);
    const daysBetween = (later: string) => Math.round((Date.parse(later.slice(0, 10)) - Date.parse(newest)) / 86_400_000);
    const maxAge = numParam(ctx.params, 'maxAgeDays', 7);
    const errorAge = numParam(ctx.params, 'errorAgeDays', 0);
    const current = ctx.params.current === true;
    const exported = ctx.dataset.exportedOn;
    // Stale when exported: the file's own export date is far after its data. That is a defect of the export.
    const exportAge = exported ? daysBetween(exported) : undefined;
    const age = daysBetween(ctx.referenceDate);
    const staleWhenExported = exportAge !== undefined && exportAge > maxAge;
    if (!staleWhenExported && !(age > maxAge)) return [];
    const shownAge = staleWhenExported ? exportAge : age;
    const message = staleWhenExported
      ? (n: number, total: number) =>
          `The newest ${date.originalName} is ${newest}, but the file was exported on ${exported}, ${plural(exportAge, 'day')} later (limit ${maxAge}); all ${plural(n, 'row')} (${pct(n, total)}) were already that old when exported. Samples show the newest day.`
      : current
        ? (n: number, total: number) =>
            `The newest ${date.originalName} is ${newest}, ${plural(age, 'day')} before ${ctx.referenceDate} (limit ${maxAge} for a current feed); all ${plural(n, 'row')} (${pct(n, total)}) are older than that. Samples show the newest day.`
        : () =>
            `The newest ${date.originalName} is ${newest}, ${plural(age, 'day')} before ${ctx.referenceDate}. That is fine for a report of a past period; if this file should be a current feed, export it again (set stale_data current: true to be warned).`;
    const warn = staleWhenExported || current;
    return [
      {
        columns: [date.name],
        where: `${day(date.name)} = ${isoDay(newest)}`,
        count: ctx.dataset.rows,
        details: { newestDate: newest, ageDays: shownAge, referenceDate: ctx.referenceDate, ...(exported ? { exportedOn: exported } : {}) },
        message,
        severity: () => (!warn ? 'info' : errorAge > 0 && shownAge > errorAge ? 'error' : 'warning'),
      },
    ];
  },
};
