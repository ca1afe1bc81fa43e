/**
 * The audit configuration file (YAML): thresholds per check, checks turned off, the UTM naming convention,
 * the reference date and role overrides. Validated with zod; every mistake is reported with its path.
 *
 *   referenceDate: 2026-02-01
 *   checks:
 *     constant_column: off
 *     stale_data: { maxAgeDays: 3 }
 *     duplicate_rows: { errorShare: 0.01, severity: error }
 *   naming:
 *     allowedMediums: [cpc, email, paid_social]
 *     campaignPattern: "[a-z0-9_]+"
 *   roles:
 *     "Conv. value": revenue
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { CATALOGUE } from '../checks/catalogue';
import type { CheckConfig, Params } from '../checks/types';
import type { RoleOverrides } from '../semantics/describe';
import { ROLES } from '../semantics/roles';

export interface AuditConfig extends CheckConfig {
  roles?: RoleOverrides;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const param = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);
const schema = z
  .object({
    referenceDate: z
      .union([z.string().regex(ISO_DATE, 'must be a date like 2026-02-01'), z.date()])
      .optional(),
    checks: z
      .record(
        z.string(),
        z.union([
          z.literal(false),
          z.literal('off'),
          z.literal(true),
          z.literal('on'),
          z.record(z.string(), param),
        ]),
      )
      .optional(),
    naming: z
      .object({
        lowercase: z.boolean(),
        allowSpaces: z.boolean(),
        allowedMediums: z.array(z.string()),
        campaignPattern: z.string(),
        sourcePattern: z.string(),
      })
      .partial()
      .strict()
      .optional(),
    roles: z.record(z.string(), z.enum(ROLES)).optional(),
  })
  .strict();

/** Parse and validate YAML text; throws ConfigError with a one-line reason. */
export function parseAuditConfig(text: string, source = 'config'): AuditConfig {
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (err) {
    throw new ConfigError(
      `${source} is not valid YAML: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`,
    );
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ConfigError(`${source}: ${issue.path.join('.') || '(top level)'} ${issue.message}`);
  }
  const v = r.data;
  const out: AuditConfig = {};
  if (v.referenceDate !== undefined)
    out.referenceDate =
      typeof v.referenceDate === 'string' ? v.referenceDate : v.referenceDate.toISOString().slice(0, 10);
  if (v.naming) {
    for (const key of ['campaignPattern', 'sourcePattern'] as const) {
      const pattern = v.naming[key];
      if (pattern === undefined) continue;
      try {
        new RegExp(pattern);
      } catch {
        throw new ConfigError(`${source}: naming.${key} is not a valid regular expression`);
      }
    }
    out.naming = v.naming;
  }
  if (v.roles) out.roles = v.roles;
  if (v.checks) {
    out.checks = {};
    for (const [id, value] of Object.entries(v.checks)) {
      const check = CATALOGUE.find((c) => c.id === id);
      if (!check)
        throw new ConfigError(
          `${source}: checks.${id} is not a check (known: ${CATALOGUE.map((c) => c.id).join(', ')})`,
        );
      if (value === false || value === 'off') {
        out.checks[id] = false;
        continue;
      }
      if (value === true || value === 'on') continue;
      const params: Params = {};
      for (const [name, p] of Object.entries(value)) {
        if (name === 'enabled') {
          if (p === false) out.checks[id] = false;
          continue;
        }
        if (name === 'severity') {
          if (p !== 'error' && p !== 'warning' && p !== 'info')
            throw new ConfigError(`${source}: checks.${id}.severity must be error, warning or info`);
          params.severity = p;
          continue;
        }
        const def = check.defaults[name];
        if (def === undefined) {
          const known = Object.keys(check.defaults);
          throw new ConfigError(
            `${source}: checks.${id}.${name} is not a setting of ${id}${known.length ? ` (settings: ${known.join(', ')}, severity, enabled)` : ' (settings: severity, enabled)'}`,
          );
        }
        if (Array.isArray(def) !== Array.isArray(p) || (!Array.isArray(def) && typeof def !== typeof p)) {
          throw new ConfigError(
            `${source}: checks.${id}.${name} must be ${Array.isArray(def) ? 'a list' : `a ${typeof def}`}`,
          );
        }
        params[name] = p;
      }
      if (out.checks[id] !== false) out.checks[id] = params;
    }
  }
  return out;
}
