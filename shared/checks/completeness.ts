/** Completeness: empty cells, mostly-empty columns, columns that never change, placeholders left in labels. */
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { Engine } from '../engine/types';
import { nulledTextName } from '../import/drop';
import type { SemanticColumn } from '../semantics/describe';
import { LABEL_ROLES, REQUIRED_ROLES } from '../semantics/roles';
import type { Role } from '../semantics/roles';
import {
  from,
  label,
  LINE,
  listParam,
  numParam,
  pct,
  PLACEHOLDERS,
  plural,
  profileOf,
  shareSeverity,
  tc,
} from './helpers';
import type { CheckDefinition, CheckTarget, Dataset } from './types';

/** Text columns whose placeholders ("(not set)", "--") the placeholder check reports; settings are not among them. */
function placeholderColumns(ds: Dataset): SemanticColumn[] {
  return ds.semantics.columns.filter(
    (c) => c.kind === 'text' && c.nature !== 'setting' && (LABEL_ROLES.includes(c.role) || c.role === 'unknown'),
  );
}

/** Every empty cell of the column is a placeholder the placeholder check already reports: one finding, not two. */
function reportedAsPlaceholder(ds: Dataset, c: SemanticColumn): boolean {
  const p = profileOf(ds, c.name);
  return !!p && p.placeholders > 0 && p.placeholders >= p.nulls && placeholderColumns(ds).includes(c);
}

/** Roles where an empty cell breaks a report (rows fall out of every breakdown). */
const KEY_ROLES: Role[] = [
  'date',
  'campaign',
  'ad_group',
  'ad',
  'source',
  'medium',
  'source_medium',
  'channel',
  'email',
  'record_id',
  'hashed_id',
];

/**
 * Settings (Target CPA, Target ROAS, Budget name, Optimization score…) show " --" where they do not apply to
 * the row's bidding strategy or campaign type: logged once for all of them, never a gap or a placeholder.
 */
function notApplicable(ds: Dataset): CheckTarget[] {
  const cols = ds.semantics.columns.filter((c) => c.nature === 'setting' && (profileOf(ds, c.name)?.nulls ?? 0) > 0);
  if (!cols.length) return [];
  const list = cols.map((c) => `${c.originalName} (${plural(profileOf(ds, c.name)?.nulls ?? 0, 'row')})`).join(', ');
  return [
    {
      columns: cols.map((c) => c.name),
      where: cols.map((c) => `${tc(c.name)} IS NULL`).join(' OR '),
      message: () =>
        `Settings that do not apply to some rows show "--" or nothing, as the platform writes them: ${list}. Not a gap.`,
      severity: (n) => (n > 0 ? 'info' : null),
    },
  ];
}

export const missingValues: CheckDefinition = {
  id: 'missing_values',
  title: 'Missing values',
  dimension: 'completeness',
  owner: 'data',
  explanation:
    'Empty cells (including placeholders such as "--" or "N/A") drop out of sums and breakdowns. An empty campaign or date means spend and results are counted in the total but attributed to nothing.',
  fix: 'Re-export with the missing dimension included, or fill the gaps from the source platform; do not fill metrics with zeros unless zero is what the platform means.',
  defaults: { maxShare: 0.5 },
  severity: (n) => (n > 0 ? 'info' : null),
  targets: (ctx) => {
    const ds = ctx.dataset;
    const maxShare = numParam(ctx.params, 'maxShare', 0.5);
    const key = ds.semantics.naturalKey;
    return [...notApplicable(ds), ...ds.semantics.columns.flatMap((c): CheckTarget[] => {
      const p = profileOf(ds, c.name);
      if (!p || p.nulls === 0) return [];
      if (c.nature === 'setting') return []; // logged once below
      // Optional columns are summed up once by high_null_column; placeholders once by placeholder_values.
      if (c.nature === 'optional' || reportedAsPlaceholder(ds, c) || p.nullShare >= maxShare) return [];
      // Only the columns that identify a row (the natural key, the main date) lose rows from breakdowns;
      // an empty "Last activity date" or "Conv. value" is information, not a broken row.
      const isKey =
        KEY_ROLES.includes(c.role) && (key.includes(c.name) || c.name === ds.semantics.primaryDate);
      return [
        {
          columns: [c.name],
          show: [...new Set([...key.filter((k) => k !== c.name).slice(0, 3), c.name])],
          where: `${tc(c.name)} IS NULL`,
          message: (n, total) =>
            `${label(c)} is empty in ${plural(n, 'row')} (${pct(n, total)})` +
            (p.placeholders ? `, ${plural(p.placeholders, 'placeholder')} such as "--" included` : '') +
            (isKey ? `: those rows fall out of every ${c.role.replace('_', ' ')} breakdown.` : '.'),
          severity: (n) => (n > 0 ? (isKey ? 'warning' : 'info') : null),
        },
      ];
    })];
  },
};

export const highNullColumn: CheckDefinition = {
  id: 'high_null_column',
  title: 'Mostly empty column',
  dimension: 'completeness',
  owner: 'data',
  explanation:
    'A column that is empty in most rows cannot support a decision: averages and totals computed from it describe a small, unrepresentative part of the data.',
  fix: 'Check whether the metric was tracked for the whole period (tag or conversion action added late?) and remove the column from reports if it was not.',
  defaults: { warningShare: 0.5, errorShare: 2, minRows: 10 },
  severity: (n, total, params) => {
    if (n <= 0 || !total) return null;
    const share = n / total;
    if (share >= numParam(params, 'errorShare', 2)) return 'error';
    if (share < numParam(params, 'warningShare', 0.5)) return null;
    // A few rows say little about a column: below `minRows` this is information only.
    return total < numParam(params, 'minRows', 10) ? 'info' : 'warning';
  },
  targets: (ctx) => {
    const ds = ctx.dataset;
    const warn = numParam(ctx.params, 'warningShare', 0.5);
    const mostlyEmpty = ds.semantics.columns.filter((c) => {
      const p = profileOf(ds, c.name);
      return !!p && p.nulls > 0 && p.nullShare >= warn && c.nature !== 'setting' && !reportedAsPlaceholder(ds, c);
    });
    // Only a column every row needs (date, campaign, spend, clicks, impressions, conversions, an id) can
    // sink a report; the platform's optional columns never count as needed.
    const needed = mostlyEmpty.filter((c) => REQUIRED_ROLES.includes(c.role) && c.nature !== 'optional');
    const rest = mostlyEmpty.filter((c) => !needed.includes(c));
    const out: CheckTarget[] = needed.map((c) => ({
      columns: [c.name],
      where: `${tc(c.name)} IS NULL`,
      message: (n, total) =>
        `${label(c)} is empty in ${pct(n, total)} of rows (${plural(n, 'row')} of ${total.toLocaleString('en-US')}).`,
    }));
    if (rest.length) {
      // One grouped info for optional, sparse-by-nature columns (duplicates such as SE Ranking's "Map" once).
      const byHeader = new Map<string, { count: number; share: number }>();
      for (const c of rest) {
        const share = profileOf(ds, c.name)?.nullShare ?? 0;
        const e = byHeader.get(c.originalName);
        byHeader.set(c.originalName, { count: (e?.count ?? 0) + 1, share: Math.max(e?.share ?? 0, share) });
      }
      const list = [...byHeader.entries()]
        .map(([h, e]) => `${h}${e.count > 1 ? ` (×${e.count})` : ''} ${Math.round(e.share * 100)}%`)
        .join(', ');
      out.push({
        columns: rest.map((c) => c.name),
        where: rest.map((c) => `${tc(c.name)} IS NULL`).join(' OR '),
        message: () =>
          `${plural(rest.length, 'optional column')} ${rest.length === 1 ? 'is' : 'are'} mostly empty, as such columns often are: ${list} empty. They stay in the profile; they cannot support a decision on their own.`,
        severity: (n) => (n > 0 ? 'info' : null),
      });
    }
    return out;
  },
};

export const constantColumn: CheckDefinition = {
  id: 'constant_column',
  title: 'Column with a single value',
  dimension: 'completeness',
  owner: 'data',
  explanation:
    'A column with the same value in every row adds nothing to the analysis; often it is a filter left on in the export or a default the platform wrote everywhere.',
  fix: 'Confirm the export filter is intended; drop the column from the data product if it carries no information.',
  defaults: { minRows: 5 },
  severity: (n) => (n > 0 ? 'info' : null),
  targets: (ctx) => {
    const ds = ctx.dataset;
    const minRows = numParam(ctx.params, 'minRows', 5);
    return ds.semantics.columns.flatMap((c): CheckTarget[] => {
      const p = profileOf(ds, c.name);
      if (!p || p.distinct !== 1 || p.nulls > 0 || p.count < minRows) return [];
      if (['currency', 'date', 'date_end'].includes(c.role)) return [];
      const value = p.topValues[0]?.value ?? String(p.min);
      return [
        {
          columns: [c.name],
          where: `${tc(c.name)} IS NOT NULL`,
          count: p.count,
          message: (n) =>
            `${label(c)} holds the same value (${JSON.stringify(value)}) in all ${plural(n, 'row')}.`,
        },
      ];
    });
  },
};

export const placeholderValues: CheckDefinition = {
  id: 'placeholder_values',
  title: 'Placeholders left in a dimension',
  dimension: 'completeness',
  owner: 'analytics',
  explanation:
    'Values such as "(not set)", "(other)", "Unassigned" or "--" mean the platform could not attribute the row. Spend or sessions on those rows are real but cannot be credited to a campaign or channel. GA\'s "(direct) / (none)" is genuine direct traffic and is not counted here.',
  fix: 'Tag the links that lead to these rows with UTM parameters (or fix auto-tagging), and for "(other)" reduce the cardinality of the report so GA does not bucket rows.',
  defaults: { warningShare: 0, values: PLACEHOLDERS },
  severity: (n, total, params) => shareSeverity(n, total, params),
  targets: async (ctx) => {
    const ds = ctx.dataset;
    const values = listParam(ctx.params, 'values', PLACEHOLDERS).map((v) => v.toLowerCase());
    const cols = placeholderColumns(ds);
    if (!cols.length) return [];
    const source = ds.semantics.columns.find((c) => c.role === 'source');
    const needsRaw = cols.some((c) => (profileOf(ds, c.name)?.placeholders ?? 0) > 0);
    // Placeholders the importer read as empty ("--", "n/a") kept their text in a side table (stage.ts
    // keepNulledText), so only those columns pay for a join, and not for a second read of the file. A
    // dataset without it (loaded by an older version) reads the original-text view.
    const side = needsRaw ? nulledTextName(ds.tableName) : '';
    const sideCols = needsRaw ? await sideColumns(ctx.engine, side) : null;
    const rawCols =
      ds.rawTableName && needsRaw && !sideCols ? await columnNames(ctx.engine, ds.rawTableName) : new Set<string>();
    return cols.map((c): CheckTarget => {
      const emptied = (profileOf(ds, c.name)?.placeholders ?? 0) > 0;
      const viaSide = emptied && sideCols !== null && sideCols.has(c.name);
      const useRaw = !viaSide && rawCols.has(c.name) && emptied;
      const x = viaSide ? `coalesce(s.text, ${tc(c.name)})` : useRaw ? `r.${quoteIdent(c.name)}` : tc(c.name);
      const list = values.filter((v) => !(c.role === 'medium' && v === '(none)'));
      let pred = `(lower(trim(${x})) IN (${list.map((v) => quoteLiteral(v)).join(',')}) OR contains(lower(${x}), '(not set)'))`;
      // "(none)" is a legitimate medium for direct traffic; elsewhere it is a placeholder.
      if (c.role === 'medium' && source && values.includes('(none)')) {
        pred = `(${pred} OR (lower(trim(${x})) = '(none)' AND lower(trim(t.${quoteIdent(source.name)})) <> '(direct)'))`;
      }
      const sql = viaSide
        ? `SELECT t.${LINE}, ${x} AS ${quoteIdent(c.name)} FROM ${from(ds)} LEFT JOIN ${quoteIdent(side)} s ON s.${LINE} = t.${LINE} AND s.col = ${quoteLiteral(c.name)} WHERE ${pred}`
        : useRaw
          ? `SELECT t.${LINE}, r.${quoteIdent(c.name)} FROM ${from(ds)} JOIN ${quoteIdent(ds.rawTableName!)} r ON r.${LINE} = t.${LINE} WHERE ${pred}`
          : undefined;
      return {
        columns: [c.name],
        ...(sql ? { sql } : { where: pred }),
        message: (n, total) =>
          `${label(c)} holds a placeholder such as "(not set)" or "--" in ${plural(n, 'row')} (${pct(n, total)}).`,
      };
    });
  },
};

/** The columns with emptied placeholders in the side table; null when the dataset has no such table. */
async function sideColumns(engine: Engine, side: string): Promise<Set<string> | null> {
  const exists = await engine.query(`SELECT 1 FROM duckdb_tables() WHERE table_name = ${quoteLiteral(side)}`);
  if (!exists.rows.length) return null;
  const r = await engine.query<{ col: string }>(`SELECT DISTINCT col FROM ${quoteIdent(side)}`);
  return new Set(r.rows.map((x) => x.col));
}

async function columnNames(engine: Engine, table: string): Promise<Set<string>> {
  const r = await engine.query<{ column_name: string }>(
    `SELECT column_name FROM (DESCRIBE ${quoteIdent(table)})`,
  );
  return new Set(r.rows.map((x) => x.column_name));
}
