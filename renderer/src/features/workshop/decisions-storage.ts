/** The group's decisions, kept in browser storage so a page reload in the middle of a workshop loses nothing. */
import { emptyDecisions } from '../../../../shared/mesh/workshop';
import type { WorkshopDecisions } from '../../../../shared/mesh/workshop';

const KEY = 'meshlens.workshop.decisions';

export function loadDecisions(): WorkshopDecisions {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return emptyDecisions();
    const v = JSON.parse(raw) as Partial<WorkshopDecisions>;
    const base = emptyDecisions();
    return {
      owners: Array.isArray(v.owners) ? v.owners : base.owners,
      products: Array.isArray(v.products) ? v.products : base.products,
      policies: Array.isArray(v.policies) ? base.policies.map((p) => v.policies!.find((x) => x.policyId === p.policyId) ?? p) : base.policies,
      notes: typeof v.notes === 'string' ? v.notes : '',
    };
  } catch {
    return emptyDecisions();
  }
}

export function saveDecisions(d: WorkshopDecisions): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(d));
  } catch {
    /* storage disabled: decisions live for this session */
  }
}
