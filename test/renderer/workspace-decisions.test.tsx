// @vitest-environment jsdom
/**
 * The workspace file keeps what the user decided, not just which files were open: each dataset's data
 * product, walkthrough progress and answers, the roles they set, and the workshop's place and decisions.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseWorkspace, serializeWorkspace } from '../../shared/workspace';
import { currentWorkspace, restoreDecisions, restoreWorkshop } from '../../renderer/src/app/workspace';
import { useStore } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { initialWorkshop } from '../../renderer/src/store/mesh-slice';

function dataset(id: string, name: string): Dataset {
  return { id, name, file: { path: `/data/${name}`, name, bytes: new Uint8Array() }, options: { delimiter: ';' }, result: null, status: 'ready', error: null, progress: null, revision: 1, profile: null, findings: null };
}

beforeEach(() => useStore.setState({ datasets: [], products: {}, walkthroughs: {}, savedRoles: {}, workshop: initialWorkshop() }));

describe('workspace keeps the user’s decisions', () => {
  it('saves the product, walkthrough answers, roles and workshop, and puts them back on reopened datasets', () => {
    useStore.setState({
      datasets: [dataset('ds-1', 'crm.csv')],
      products: { 'ds-1': { name: 'CRM opportunities', owner: 'Sales ops (Maria)', consumers: ['Sales pipeline review'] } },
      walkthroughs: {
        'ds-1': { 'data-as-a-product': { walkthroughId: 'data-as-a-product', dataset: 'crm.csv', step: 6, completed: true, updatedAt: '2026-11-28T09:00:00.000Z', answers: { name: 'CRM opportunities', consumers: ['Sales pipeline review'] } } },
      },
      savedRoles: { 'ds-1': { Amount: 'spend' } },
      workshop: { ...initialWorkshop(), current: 3, startedAt: 1_000, decisions: { policies: [{ policyId: 'required_owner', adopted: true, note: '' }], notes: 'Owners by Friday' } },
    });
    const text = serializeWorkspace(currentWorkspace('crm'));
    const parsed = parseWorkspace(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [entry] = parsed.workspace.datasets;
    expect(entry).toMatchObject({ path: '/data/crm.csv', importOptions: { delimiter: ';' }, roleOverrides: { Amount: 'spend' } });
    expect(entry!.product).toEqual({ name: 'CRM opportunities', owner: 'Sales ops (Maria)', consumers: ['Sales pipeline review'] });
    expect(entry!.walkthroughs['data-as-a-product']).toMatchObject({ step: 6, completed: true, answers: { name: 'CRM opportunities' } });
    expect(parsed.workspace.workshop).toMatchObject({ current: 3, startedAt: 1_000, notes: 'Owners by Friday' });

    // Reopened in a fresh session, the dataset gets a new id; its decisions follow it.
    useStore.setState({ datasets: [dataset('ds-9', 'crm.csv')], products: {}, walkthroughs: {}, savedRoles: {}, workshop: initialWorkshop() });
    restoreDecisions(entry!, 'ds-9');
    restoreWorkshop(parsed.workspace);
    const s = useStore.getState();
    expect(s.products['ds-9']).toEqual({ name: 'CRM opportunities', owner: 'Sales ops (Maria)', consumers: ['Sales pipeline review'] });
    expect(s.walkthroughs['ds-9']!['data-as-a-product']).toMatchObject({ walkthroughId: 'data-as-a-product', dataset: 'crm.csv', step: 6, completed: true });
    expect(s.savedRoles['ds-9']).toEqual({ Amount: 'spend' });
    expect(s.workshop.current).toBe(3);
    expect(s.workshop.decisions.policies.find((p) => p.policyId === 'required_owner')!.adopted).toBe(true);
    expect(s.workshop.decisions.notes).toBe('Owners by Friday');
  });
});
