// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decisionsMarkdown, emptyDecisions, WORKSHOP_AGENDA } from '../../shared/mesh/workshop';
import type { WorkshopDecisions } from '../../shared/mesh/workshop';
import { DecisionsForm } from '../../renderer/src/features/workshop/DecisionsForm';
import { WorkshopScreen } from '../../renderer/src/features/workshop/WorkshopScreen';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.localStorage.clear();
});

let latest: WorkshopDecisions = emptyDecisions();
function Harness() {
  const [d, setD] = useState(emptyDecisions);
  latest = d;
  return <DecisionsForm value={d} onChange={setD} />;
}

describe('workshop decisions', () => {
  it('records owners, products and policies into the printable summary', () => {
    render(<Harness />);
    fireEvent.click(screen.getByTestId('decision-add-owner'));
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'Jana Roth' } });
    fireEvent.click(screen.getByTestId('decision-add-product'));
    fireEvent.change(screen.getByLabelText('Product name'), { target: { value: 'Paid search daily' } });
    fireEvent.change(screen.getByLabelText('Promise'), { target: { value: 'No funnel inversions' } });
    fireEvent.click(screen.getByTestId('decision-policy-pii_no_email_addresses'));
    const md = decisionsMarkdown(latest, '2026-11-24');
    expect(md).toContain('| google-ads-campaigns-2026-09.csv | Marketing | Jana Roth |');
    expect(md).toContain('| Paid search daily | (open) | No funnel inversions |');
    expect(md).toContain('- Adopted: No e-mail addresses in shared data');
  });
});

describe('workshop screen', () => {
  it('runs the agenda with a timer, a projector view and a summary that keeps decisions', () => {
    vi.useFakeTimers({ now: 0 });
    render(<WorkshopScreen datasetId={null} />);
    expect(screen.getByTestId('workshop-current').dataset.item).toBe('welcome');
    expect(screen.getByTestId('workshop-clock').textContent).toBe('10:00');
    fireEvent.click(screen.getByTestId('workshop-timer'));
    act(() => void vi.advanceTimersByTime(61_000));
    expect(screen.getByTestId('workshop-clock').textContent).toBe('8:59');
    fireEvent.click(screen.getByTestId('workshop-next'));
    expect(screen.getByTestId('workshop-current').dataset.item).toBe(WORKSHOP_AGENDA[1]!.id);
    expect(screen.getByTestId('workshop-start-exercise')).toHaveProperty('disabled', true); // demo data not loaded
    fireEvent.click(screen.getByTestId('workshop-projector'));
    expect(screen.getByTestId('workshop-screen').className).toContain('workshop-projector');
    fireEvent.click(screen.getByTestId('workshop-projector'));
    fireEvent.click(screen.getByTestId('workshop-tab-decisions'));
    fireEvent.click(screen.getByTestId('decision-policy-naming_snake_case'));
    fireEvent.click(screen.getByTestId('workshop-tab-summary'));
    expect(screen.getByTestId('workshop-summary').textContent).toContain('- Adopted: Column names use snake_case');
    cleanup();
    render(<WorkshopScreen datasetId={null} />);
    fireEvent.click(screen.getByTestId('workshop-tab-summary'));
    expect(screen.getByTestId('workshop-summary').textContent).toContain('- Adopted: Column names use snake_case'); // kept across a reload
  });
});
