/**
 * The organisation's policy pack this workspace applies (saved in the workspace as `policyPack`). Null until
 * the user imports, writes or adopts one; screens that need a pack offer the example pack to start from.
 */
import type { StateCreator } from 'zustand';
import type { PolicyPack } from '../../../shared/mesh/policy-pack';

export interface GovernanceSlice {
  policyPack: PolicyPack | null;
}

export const createGovernanceSlice: StateCreator<GovernanceSlice, [], [], GovernanceSlice> = () => ({ policyPack: null });
