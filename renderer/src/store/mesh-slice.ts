/**
 * What the user decided about their data, per dataset: the one data product, walkthrough progress and
 * answers, and the workshop's place, timer and decisions. All of it is saved in the workspace file
 * (renderer/src/app/workspace.ts); screens read it here and change it through mesh-actions.ts.
 */
import type { StateCreator } from 'zustand';
import type { ProductDecisions } from '../../../shared/mesh/product-state';
import type { RoleOverrides } from '../../../shared/semantics/describe';
import type { LabelChoices } from '../../../shared/checks/label-fixes';
import type { WalkthroughProgress } from '../../../shared/mesh/walkthroughs';
import { emptyDecisions } from '../../../shared/mesh/workshop';
import type { WorkshopDecisions } from '../../../shared/mesh/workshop';
import type { ReconcileConfig } from '../../../shared/reconcile/config';

export type WorkshopTab = 'agenda' | 'decisions' | 'summary';

export interface WorkshopState {
  /** Index into WORKSHOP_AGENDA. */
  current: number;
  /** When the current item's timer started (ms), null when it is not running. */
  startedAt: number | null;
  projector: boolean;
  tab: WorkshopTab;
  decisions: WorkshopDecisions;
}

export interface MeshSlice {
  /** Dataset id → its data product (only what the user decided). */
  products: Record<string, ProductDecisions>;
  /** Dataset id → walkthrough id → progress. */
  walkthroughs: Record<string, Record<string, WalkthroughProgress>>;
  /** Dataset id → roles read from a workspace, applied when the dataset is first analysed. */
  savedRoles: Record<string, RoleOverrides>;
  /** Dataset id → column → suggested canonical → the label spelling the user chose (used by the cleaned export). */
  labelChoices: Record<string, LabelChoices>;
  /** The reconciliation settings (source of truth, keys, each source's domain, currency, time zone): the CLI's config. */
  reconcile: ReconcileConfig;
  workshop: WorkshopState;
}

export function initialWorkshop(): WorkshopState {
  return { current: 0, startedAt: null, projector: false, tab: 'agenda', decisions: emptyDecisions() };
}

export const createMeshSlice: StateCreator<MeshSlice, [], [], MeshSlice> = () => ({
  products: {},
  walkthroughs: {},
  savedRoles: {},
  labelChoices: {},
  reconcile: { sources: [] },
  workshop: initialWorkshop(),
});
