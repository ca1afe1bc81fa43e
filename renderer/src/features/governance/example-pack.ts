/** The example policy pack shipped with the app (assets/policies/example.policies.yaml). */
import exampleYaml from '../../../../assets/policies/example.policies.yaml?raw';
import { parsePolicyPack } from '../../../../shared/mesh/policy-pack';
import type { PolicyPack } from '../../../../shared/mesh/policy-pack';

export const EXAMPLE_POLICY_PACK_YAML: string = exampleYaml;

let parsed: PolicyPack | null = null;
export function examplePolicyPack(): PolicyPack {
  parsed ??= parsePolicyPack(exampleYaml);
  return parsed;
}
