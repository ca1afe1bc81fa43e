// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyPackPanel } from '../../renderer/src/features/governance/PolicyPackPanel';
import { setPolicyPack, useStore } from '../../renderer/src/store';
import { TWO_POLICY_PACK_YAML } from '../helpers/policy-packs';
import { ADS } from '../unit/mesh/facts-fixture';

vi.mock('../../renderer/src/db', () => ({ getEngine: () => new Promise(() => undefined) }));

afterEach(() => {
  cleanup();
  act(() => setPolicyPack(null));
});

const product = { owner: '', columns: [], objectives: [] };
const rows = () => screen.queryAllByTestId('policy-row');

describe('policy pack editor', () => {
  it('shows the example pack until one is adopted, evaluated on the dataset with pass/fail', () => {
    render(<PolicyPackPanel facts={ADS} product={product} />);
    expect(screen.getByTestId('policy-pack-status').textContent).toMatch(/^The example pack/);
    expect(rows()).toHaveLength(9);
    expect(rows().map((r) => r.dataset.status).every((s) => s === 'pass' || s === 'fail')).toBe(true);
    expect(useStore.getState().policyPack).toBeNull();
  });

  it('an empty pack reports none; adding and editing a policy saves the pack in the store', () => {
    render(<PolicyPackPanel facts={ADS} product={product} />);
    fireEvent.click(screen.getByTestId('policy-pack-empty'));
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('policy-pack-status').textContent).toContain('No policies were evaluated');
    fireEvent.click(screen.getByTestId('policy-add'));
    fireEvent.change(screen.getByTestId('policy-statement-0'), { target: { value: 'Every export has an owner' } });
    expect(useStore.getState().policyPack!.policies).toEqual([{ id: 'policy_1', statement: 'Every export has an owner', provedBy: { rule: 'required_owner' }, severity: 'error' }]);
    expect(rows()[0]!.dataset.status).toBe('fail'); // no owner named
  });

  it('an edit that breaks the pack stays a draft and says why', () => {
    render(<PolicyPackPanel facts={ADS} product={product} />);
    fireEvent.click(screen.getByTestId('policy-pack-empty'));
    fireEvent.click(screen.getByTestId('policy-add'));
    fireEvent.change(screen.getByTestId('policy-statement-0'), { target: { value: '' } });
    expect(screen.getByTestId('policy-pack-problems').textContent).toMatch(/Not saved until fixed: policies\.0\.statement/);
    expect(useStore.getState().policyPack!.policies[0]!.statement).toBe('Describe the policy');
  });

  it('imports an organisation’s pack from a file and evaluates exactly its policies', async () => {
    render(<PolicyPackPanel facts={ADS} product={product} />);
    const file = new File([TWO_POLICY_PACK_YAML], 'fjordline.policies.yaml', { type: 'application/yaml' });
    fireEvent.change(screen.getByTestId('policy-pack-file'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('policy-pack-message').textContent).toMatch(/./));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(useStore.getState().policyPack!.name).toBe('Fjordline marketing policies');
    expect(rows().map((r) => r.dataset.status)).toEqual(['fail', 'fail']);
    expect(screen.getByTestId('policy-pack-status').textContent).toContain('fails 2 of 2 policies');
  });
});
