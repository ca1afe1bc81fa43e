/**
 * Actions on the data product, walkthrough progress and workshop state (mesh-slice.ts). Every screen and
 * walkthrough that changes a product goes through `updateProduct`, so there is one copy of each fact.
 */
import type { ProductDecisions } from '../../../shared/mesh/product-state';
import type { WalkthroughProgress } from '../../../shared/mesh/walkthroughs';
import type { WorkshopDecisions } from '../../../shared/mesh/workshop';
import { labelFixes } from '../../../shared/checks/label-fixes';
import type { LabelFix } from '../../../shared/checks/label-fixes';
import type { WorkshopTab } from './mesh-slice';
import type { ReconcileConfig } from '../../../shared/reconcile/config';
import { useStore } from './store';
import { auditStateOf } from './analysis-slice';

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

/**
 * Choose a label cluster's canonical spelling (keyed by today's suggestion); empty or the suggestion clears the
 * choice. `replaces` is the key of an earlier choice this cluster matched (an older suggestion): it is dropped.
 */
export function setLabelCanonical(datasetId: string, column: string, suggested: string, canonical: string, replaces?: string): void {
  setState((s) => {
    const { [suggested]: _old, ...kept } = s.labelChoices[datasetId]?.[column] ?? {};
    const rest = replaces && replaces !== suggested ? Object.fromEntries(Object.entries(kept).filter(([k]) => k !== replaces)) : kept;
    const value = canonical.trim();
    const columnChoices = value && value !== suggested ? { ...rest, [suggested]: value } : rest;
    return { labelChoices: { ...s.labelChoices, [datasetId]: { ...(s.labelChoices[datasetId] ?? {}), [column]: columnChoices } } };
  });
}

/** The label fixes the cleaned export applies to a dataset: its clusters, with the user's canonical spellings. */
export function labelFixesOf(datasetId: string): LabelFix[] {
  const s = getState();
  const findings = auditStateOf(s.datasets.find((d) => d.id === datasetId))?.findings ?? [];
  return labelFixes(findings, s.labelChoices[datasetId]);
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

/** Replace the reconciliation settings (the Reconcile screen edits them; a config file opened there replaces them). */
export function setReconcileConfig(config: ReconcileConfig): void {
  setState({ reconcile: config });
}
