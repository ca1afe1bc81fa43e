/** The example policy pack as shipped (assets/policies/example.policies.yaml), read the way users read it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePolicyPack } from '../../shared/mesh/policy-pack';
import { REPO_ROOT } from './standards';

export const EXAMPLE_PACK_PATH = path.join(REPO_ROOT, 'assets/policies/example.policies.yaml');
export const EXAMPLE_PACK = parsePolicyPack(readFileSync(EXAMPLE_PACK_PATH, 'utf8'));

/** An organisation's own pack with two policies: one proved by a check, one by a built-in rule. */
export const TWO_POLICY_PACK_YAML = `format: meshlens-policy-pack
version: 1
name: Fjordline marketing policies
policies:
  - id: funnel_holds
    statement: Clicks never exceed impressions
    provedBy:
      check: funnel_inversion
    severity: error
  - id: has_owner
    statement: Every export has a named owner
    provedBy:
      rule: required_owner
    severity: warning
`;
