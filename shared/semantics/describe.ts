/** Put header roles, value roles, user overrides and the platform fingerprint together. */
import type { ColumnProfile } from '../profile/types';
import { fingerprintPlatform } from './platform';
import type { FileContext, PlatformGuess } from './platform';
import { knowledgeOf } from './platforms/index';
import {
  headerCurrency,
  isMetricRole,
  LABEL_ROLES,
  normaliseHeader,
  roleFromHeader,
  roleFromValues,
  ROLES,
} from './roles';
import type { Role } from './roles';

export interface ColumnMeta {
  name: string;
  /** Header text as in the file; defaults to name. */
  originalName?: string;
  type: string;
  percent?: boolean;
  currency?: string;
  placeholders?: number;
  unparsed?: number;
}

export interface SemanticColumn {
  name: string;
  originalName: string;
  type: string;
  kind: ColumnProfile['kind'];
  role: Role;
  roleSource: 'header' | 'values' | 'override' | 'none';
  /** Values were written as percents (2.81 means 2.81%). */
  percent: boolean;
  /** Currency from the values or from the header ("Amount spent (EUR)"). */
  currency?: string;
  unparsed: number;
  /**
   * What the platform's knowledge says about the column: a setting (" --" = does not apply) or an optional
   * column that is empty for many rows by nature. Absent for ordinary columns.
   */
  nature?: 'setting' | 'optional';
}

export interface Semantics {
  columns: SemanticColumn[];
  platform: PlatformGuess;
  /** The main date column (holding real dates), when any. */
  primaryDate?: string;
  /** Natural key inferred from roles: the columns that should identify a row. */
  naturalKey: string[];
}

/** Role overrides: column name (or original header) → role. */
export type RoleOverrides = Record<string, Role>;

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

export function describeColumns(
  meta: ColumnMeta[],
  profiles: ColumnProfile[],
  overrides: RoleOverrides = {},
  context: FileContext = {},
): Semantics {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const columns: SemanticColumn[] = meta.map((m) => {
    const originalName = m.originalName ?? m.name;
    const p = byName.get(m.name);
    const kind = p?.kind ?? 'other';
    const override = overrides[m.name] ?? overrides[originalName];
    let role: Role = roleFromHeader(originalName);
    let roleSource: SemanticColumn['roleSource'] = role === 'unknown' ? 'none' : 'header';
    // A header that names a date keeps its role even when some cells did not parse (the column is then
    // text): date checks only use columns whose values are dates, the natural key still includes it.
    // Values speak when the header said nothing, or when they clearly contradict it (an "id" full of emails).
    const fromValues = p ? roleFromValues(p.type, p.patternShare >= 0.8 ? p.pattern : null) : 'unknown';
    if (role === 'unknown' && fromValues !== 'unknown') {
      role = fromValues;
      roleSource = 'values';
    } else if (
      (role === 'record_id' || role === 'person_name') &&
      (fromValues === 'email' || fromValues === 'hashed_id')
    ) {
      role = fromValues;
      roleSource = 'values';
    }
    if (role === 'unknown') roleSource = 'none';
    if (override) {
      role = override;
      roleSource = 'override';
    }
    const col: SemanticColumn = {
      name: m.name,
      originalName,
      type: m.type,
      kind,
      role,
      roleSource,
      percent: m.percent ?? false,
      unparsed: m.unparsed ?? 0,
    };
    const currency = m.currency ?? headerCurrency(originalName);
    if (currency) col.currency = currency;
    return col;
  });
  const platform = fingerprintPlatform(
    columns.map((c) => c.originalName),
    columns.map((c) => c.role),
    context,
  );
  const knowledge = knowledgeOf(platform.platform);
  if (knowledge) {
    for (const c of columns) {
      const h = normaliseHeader(c.originalName);
      if (knowledge.settings.includes(h)) c.nature = 'setting';
      else if (knowledge.optional.includes(h)) c.nature = 'optional';
    }
  }
  const mainDate = (cols: SemanticColumn[]) =>
    cols.find((c) =>
      ['day', 'date', 'tag', 'jour', 'dia', 'fecha', 'datum'].includes(normaliseHeader(c.originalName)),
    ) ?? cols[0];
  const dates = columns.filter((c) => c.role === 'date');
  const primaryDate = mainDate(dates.filter((c) => c.kind === 'date'))?.name;
  const keyDate = primaryDate ?? mainDate(dates)?.name;
  return {
    columns,
    platform,
    ...(primaryDate ? { primaryDate } : {}),
    naturalKey: naturalKey(columns, keyDate),
  };
}

/** The label dimensions plus campaign ids: the columns that make up an ads table's natural key. */
const KEY_DIMENSIONS: Role[] = [...LABEL_ROLES, 'campaign_id'];

/**
 * Ads and analytics: date + campaign (+ ad group / ad set, ad) + every other dimension that splits rows
 * (device, network, source / medium, account id, any text column that is not a measure). Contacts: the email (a person), else the record id.
 */
export function naturalKey(columns: SemanticColumn[], primaryDate?: string): string[] {
  const first = (r: Role) => columns.find((c) => c.role === r);
  const hasMetrics = columns.some((c) =>
    ['impressions', 'clicks', 'spend', 'sessions', 'conversions', 'revenue', 'reach'].includes(c.role),
  );
  if (!hasMetrics) {
    // An email named as such identifies a contact; one found only by its values (an owner's email in an
    // opportunities table) does not, so the record id comes first then.
    const namedEmail = columns.find((c) => c.role === 'email' && c.roleSource !== 'values');
    const id = namedEmail ?? first('record_id') ?? first('email') ?? first('hashed_id');
    return id ? [id.name] : [];
  }
  // Every column that splits rows rather than measures them: text dimensions (named or not) and ids.
  const dims = columns
    .filter((c) =>
      KEY_DIMENSIONS.includes(c.role) || c.role === 'record_id'
        ? c.kind !== 'date'
        : c.role !== 'date' &&
          c.role !== 'date_end' &&
          !isMetricRole(c.role) &&
          (c.kind === 'text' || c.kind === 'boolean'),
    )
    .map((c) => c.name);
  const ends = columns.filter((c) => c.role === 'date_end').map((c) => c.name);
  if (!primaryDate && !dims.length) return [];
  return [...(primaryDate ? [primaryDate] : []), ...ends, ...dims];
}

export function columnsWithRole(s: Semantics, role: Role): SemanticColumn[] {
  return s.columns.filter((c) => c.role === role);
}
