/**
 * Actions on the data product, walkthrough progress and workshop state (mesh-slice.ts). Every screen and
 * walkthrough that changes a product goes through `updateProduct`, so there is one copy of each fact.
 */
import type { ProductDecisions } from '../../../shared/mesh/product-state';
import type { WalkthroughProgress } from '../../../shared/mesh/walkthroughs';
import type { WorkshopDecisions } from '../../../shared/mesh/workshop';
import type { WorkshopTab } from './mesh-slice';
import { useStore } from './store';

const { setState, getState } = useStore;

export function productDecisions(datasetId: string | null): ProductDecisions {
  return (datasetId ? getState().products[datasetId] : undefined) ?? {};
}

/** Merge a change into a dataset's product (undefined fields are left as they are). */
export function updateProduct(datasetId: string, patch: ProductDecisions): void {
  setState((s) => ({ products: { ...s.products, [datasetId]: { ...(s.products[datasetId] ?? {}), ...patch } } }));
}

/** Replace a dataset's product decisions (the Data product screen hands back the whole set). */
export function setProduct(datasetId: string, decisions: ProductDecisions): void {
  setState((s) => ({ products: { ...s.products, [datasetId]: decisions } }));
}

export function walkthroughProgressOf(datasetId: string | null, walkthroughId: string): WalkthroughProgress | undefined {
  return datasetId ? getState().walkthroughs[datasetId]?.[walkthroughId] : undefined;
}

export function saveWalkthroughProgress(datasetId: string, p: WalkthroughProgress): void {
  setState((s) => ({ walkthroughs: { ...s.walkthroughs, [datasetId]: { ...(s.walkthroughs[datasetId] ?? {}), [p.walkthroughId]: p } } }));
}

export function clearWalkthroughProgress(datasetId: string, walkthroughId: string): void {
  setState((s) => {
    const { [walkthroughId]: _gone, ...rest } = s.walkthroughs[datasetId] ?? {};
    return { walkthroughs: { ...s.walkthroughs, [datasetId]: rest } };
  });
}

// ---------------------------------------------------------------- workshop

/** Move to an agenda item; its timer starts from the top. */
export function goToAgendaItem(index: number): void {
  setState((s) => ({ workshop: { ...s.workshop, current: index, startedAt: null } }));
}

/** Start the current item's timer, or reset it when it runs. */
export function toggleWorkshopTimer(now = Date.now()): void {
  setState((s) => ({ workshop: { ...s.workshop, startedAt: s.workshop.startedAt === null ? now : null } }));
}

export function setProjector(projector: boolean): void {
  setState((s) => ({ workshop: { ...s.workshop, projector } }));
}

export function setWorkshopTab(tab: WorkshopTab): void {
  setState((s) => ({ workshop: { ...s.workshop, tab } }));
}

export function setWorkshopDecisions(decisions: WorkshopDecisions): void {
  setState((s) => ({ workshop: { ...s.workshop, decisions } }));
}
