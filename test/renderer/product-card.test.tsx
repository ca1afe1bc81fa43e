// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractReport } from '../../shared/mesh/contract-run';
import { contractToProduct, exportContractYaml, parseContract } from '../../shared/mesh/odcs';
import { suggestProduct } from '../../shared/mesh/product';
import type { DataProduct } from '../../shared/mesh/product';
import { ContractReportView } from '../../renderer/src/features/products/ContractReportView';
import { ProductEditor } from '../../renderer/src/features/products/ProductEditor';
import { ADS } from '../unit/mesh/facts-fixture';
import { candidateRules } from '../../shared/mesh/candidate-rules';
import { decisionsFromEdit, productOf } from '../../shared/mesh/product-state';
import type { ProductDecisions } from '../../shared/mesh/product-state';

afterEach(cleanup);

let latest: DataProduct | null = null;
function Harness() {
  const [p, setP] = useState(() => suggestProduct(ADS));
  latest = p;
  return <ProductEditor product={p} onChange={setP} />;
}

describe('product card editor', () => {
  it('edits owner, consumers, meanings and objectives, and the contract carries the edits', () => {
    render(<Harness />);
    expect(screen.getAllByTestId('product-objective').map((o) => o.dataset.id)).toContain('no_funnel_inversions');
    fireEvent.change(screen.getByTestId('product-owner'), { target: { value: 'Jana Roth' } });
    fireEvent.change(screen.getByTestId('product-consumers'), { target: { value: 'CMO dashboard, Finance' } });
    fireEvent.change(screen.getByLabelText('Meaning of Campaign'), { target: { value: 'Campaign name as typed by paid search' } });
    fireEvent.click(screen.getByLabelText('Remove Empty Campaign stays at or below 2%'));
    const back = contractToProduct(parseContract(exportContractYaml(latest!)));
    expect(back.owner).toBe('Jana Roth');
    expect(back.consumers).toEqual(['CMO dashboard', 'Finance']);
    expect(back.columns.find((c) => c.name === 'Campaign')!.meaning).toBe('Campaign name as typed by paid search');
    expect(back.objectives.some((o) => o.id === 'null_campaign')).toBe(false);
  });
});

describe('Data product shows a freshness promise the user never accepted', () => {
  it('shows the freshness as a suggestion with its basis, empty until accepted with one click; only then the contract carries it', () => {
    let decisions: ProductDecisions = {};
    let shown: DataProduct | null = null;
    function Card() {
      const [d, setD] = useState<ProductDecisions>({});
      decisions = d;
      const p = productOf(ADS, d);
      shown = p;
      return <ProductEditor product={p} onChange={(next) => setD(decisionsFromEdit(p, next, d))} />;
    }
    render(<Card />);
    const freshness = screen.getByTestId('product-freshness');
    expect(freshness.textContent).toContain('no promise yet');
    expect(screen.queryByLabelText('Refresh every (days)')).toBeNull(); // no filled-in value the user never set
    expect(screen.getByTestId('freshness-suggestion').textContent).toContain(`suggested from the file: daily rows; newest day ${ADS.dates!.end}`);
    expect(exportContractYaml(shown!)).not.toMatch(/slaProperties|property: frequency|property: latency/);
    expect(decisions.freshness).toBeUndefined();

    fireEvent.click(screen.getByText('Accept suggestion'));
    expect(decisions.freshness).toEqual({ frequencyDays: 1, latencyDays: 1 });
    expect((screen.getByLabelText('Refresh every (days)') as HTMLInputElement).value).toBe('1');
    fireEvent.change(screen.getByLabelText('Latency (days)'), { target: { value: '3' } });
    expect(decisions.freshness).toEqual({ frequencyDays: 1, latencyDays: 3 });
    expect(contractToProduct(parseContract(exportContractYaml(shown!))).freshness).toMatchObject({ frequencyDays: 1, latencyDays: 3, accepted: true });

    fireEvent.click(screen.getByText('Withdraw promise'));
    expect(decisions.freshness).toBeUndefined();
    expect(exportContractYaml(shown!)).not.toMatch(/property: frequency/);
  });
});

describe('contract report', () => {
  it('calls out breaking changes and broken rules', () => {
    const report: ContractReport = {
      contractId: 'c',
      contractName: 'Paid search daily',
      schemaName: 'ads',
      rows: 10,
      drift: [
        { column: 'Cost', change: 'missing', breaking: true, message: 'Column "Cost" is missing.' },
        { column: 'Conv. value', change: 'extra', breaking: false, message: 'New column.' },
      ],
      rules: [{ id: 'r', title: 'No funnel inversions', status: 'fail', actual: 3, expected: '≤ 0', message: 'Measured 3', severity: 'error' }],
      breakingChanges: 1,
      failedRules: 1,
      skippedRules: 0,
      ok: false,
    };
    render(<ContractReportView report={report} file="oct.csv" />);
    expect(screen.getByTestId('contract-verdict').textContent).toContain('does not keep the contract: 1 breaking change(s), 1 failed rule(s), 0 rule(s) could not run');
    expect(screen.getAllByTestId('drift-row').map((r) => r.dataset.breaking)).toEqual(['true', 'false']);
    expect(screen.getByTestId('rule-row').textContent).toContain('fail');
  });
});

describe('product card with candidate rules', () => {
  it('offers every candidate rule ticked or not; the product and its contract keep exactly the ticked ones', () => {
    let decisions: ProductDecisions = {};
    function Card() {
      const [d, setD] = useState<ProductDecisions>({});
      decisions = d;
      const p = productOf(ADS, d);
      return <ProductEditor product={p} candidates={candidateRules(ADS)} onChange={(next) => setD(decisionsFromEdit(p, next, d))} />;
    }
    render(<Card />);
    const box = (label: string) => screen.getByLabelText(`Keep ${label}`) as HTMLInputElement;
    expect(box('Keep fixed: Funnel step above its parent').checked).toBe(false); // a finding is never copied in
    expect(box('Empty Campaign stays at or below 2%').checked).toBe(true);
    fireEvent.click(box('Keep fixed: Funnel step above its parent'));
    fireEvent.click(box('Empty Campaign stays at or below 2%'));
    expect(decisions.rules).toContain('check_funnel_inversion');
    expect(decisions.rules).not.toContain('null_campaign');
    const yaml = exportContractYaml(productOf(ADS, decisions));
    expect(yaml).toContain('implementation: funnel_inversion');
    expect(yaml).not.toContain('null_campaign');
    expect(productOf(ADS, {}).owner).toBe(''); // nobody named: no owner is made up
  });

  it('an owner nobody named is shown as missing, and the detected domain says it was not chosen', () => {
    render(<ProductEditor product={productOf(ADS, {})} onChange={() => undefined} domainDetected />);
    expect(screen.getByTestId('product-owner-missing').textContent).toBe('missing');
    expect((screen.getByTestId('product-owner') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('product-name') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('product-domain') as HTMLSelectElement).value).toBe('marketing');
    // The hint sits beside the select, so a 220px select does not cut it to "Marketing (detected from th".
    expect(screen.getByTestId('product-domain-detected').textContent).toBe('Detected from the file, not chosen yet');
    expect(screen.getByTestId('product-domain').textContent).not.toContain('detected');
    cleanup();
    render(<ProductEditor product={productOf(ADS, { owner: 'Jana Roth', domain: 'marketing' })} onChange={() => undefined} />);
    expect(screen.queryByTestId('product-owner-missing')).toBeNull();
    expect(screen.queryByTestId('product-domain-detected')).toBeNull();
  });
});
