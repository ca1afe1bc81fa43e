/**
 * A policy pack: the organisation's own policies as a YAML file. Each policy has an id, a statement in the
 * organisation's words, the proof (a check from the catalogue, a built-in rule, or a rule of the product's
 * contract) and a severity. Domains import the same pack and evaluate exactly its policies, nothing else.
 *
 *   format: meshlens-policy-pack
 *   version: 1
 *   name: Fjordline data policies
 *   policies:
 *     - id: no_duplicate_rows
 *       statement: Shared exports contain every row once
 *       provedBy: { check: duplicate_rows }
 *       severity: error
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { stringifyPortable } from './yaml-portable';

export const POLICY_PACK_FORMAT = 'meshlens-policy-pack';

const proofSchema = z.union([
  z.strictObject({ check: z.string().min(1) }),
  z.strictObject({ rule: z.string().min(1) }),
]);

export const policySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, _ . or - (e.g. no_email_addresses)'),
  statement: z.string().trim().min(1, 'say what the policy asks for'),
  why: z.string().optional(),
  /** `check: <catalogue check id>` (passes when the check finds nothing) or `rule: <rule id>`. */
  provedBy: proofSchema,
  severity: z.enum(['error', 'warning']),
});

export const policyPackSchema = z
  .strictObject({
    format: z.literal(POLICY_PACK_FORMAT),
    version: z.literal(1),
    name: z.string().trim().min(1),
    description: z.string().optional(),
    policies: z.array(policySchema),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.policies.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['policies', i, 'id'], message: `policy id "${p.id}" is used twice` });
      seen.add(p.id);
    });
  });

export type Policy = z.output<typeof policySchema>;
export type PolicyPack = z.output<typeof policyPackSchema>;

export class PolicyPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyPackError';
  }
}

/** Parse a policy pack from YAML (or JSON) text; throws PolicyPackError with a one-line reason. */
export function parsePolicyPack(text: string): PolicyPack {
  let doc: unknown;
  try {
    doc = parse(text, { version: '1.1' });
  } catch (err) {
    throw new PolicyPackError(`not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const r = policyPackSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new PolicyPackError(`not a policy pack: ${issue ? `${issue.path.join('.') || '(top level)'}: ${issue.message}` : 'unknown problem'}`);
  }
  return r.data;
}

/** The pack as YAML that YAML 1.1 and 1.2 readers read the same. */
export function stringifyPolicyPack(pack: PolicyPack): string {
  return stringifyPortable(pack);
}

export function emptyPolicyPack(name: string): PolicyPack {
  return { format: POLICY_PACK_FORMAT, version: 1, name, policies: [] };
}

export const proofLabel = (p: Policy): string => ('check' in p.provedBy ? `check ${p.provedBy.check}` : `rule ${p.provedBy.rule}`);
