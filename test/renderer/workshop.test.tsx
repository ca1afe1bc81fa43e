// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WORKSHOP_AGENDA } from '../../shared/mesh/workshop';
import { WorkshopScreen } from '../../renderer/src/features/workshop/WorkshopScreen';
import { App } from '../../renderer/src/App';
import { setScreen, useStore } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { initialWorkshop } from '../../renderer/src/store/mesh-slice';

// The shell starts the database on mount; these tests need no engine, so it never finishes starting.
vi.mock('../../renderer/src/db', () => ({ getEngine: () => new Promise(() => undefined) }));

function dataset(id: string, name: string): Dataset {
  return {
    id,
    name,
    file: { path: name, name, bytes: new Uint8Array() },
    options: {},
    result: null,
    status: 'loading',
    error: null,
    progress: null,
    revision: 0,
    profile: null,
    findings: null,
  };
}

beforeEach(() => useStore.setState({ workshop: initialWorkshop(), products: {}, walkthroughs: {}, datasets: [], activeDatasetId: null, screen: 'workshop' }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('workshop decisions', () => {
  it('edits each dataset’s own product and the adopted policies; the summary prints them', () => {
    useStore.setState({ datasets: [dataset('ds-1', 'google-ads-campaigns-2026-09.csv')], products: { 'ds-1': { name: 'Paid search daily' } } });
    render(<WorkshopScreen datasetId={null} />);
    fireEvent.click(screen.getByTestId('workshop-tab-decisions'));
    expect((screen.getByLabelText('Product name for google-ads-campaigns-2026-09.csv') as HTMLInputElement).value).toBe('Paid search daily');
    fireEvent.change(screen.getByLabelText('Owner of google-ads-campaigns-2026-09.csv'), { target: { value: 'Jana Roth' } });
    fireEvent.change(screen.getByLabelText('Domain of google-ads-campaigns-2026-09.csv'), { target: { value: 'marketing' } });
    fireEvent.click(screen.getByTestId('decision-policy-pii_no_email_addresses'));
    expect(useStore.getState().products['ds-1']).toEqual({ name: 'Paid search daily', owner: 'Jana Roth', domain: 'marketing' });
    fireEvent.click(screen.getByTestId('workshop-tab-summary'));
    const md = screen.getByTestId('workshop-summary').textContent ?? '';
    expect(md).toContain('| google-ads-campaigns-2026-09.csv | Paid search daily | Marketing | Jana Roth | (none named) |');
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
  });

  it('workshop state survives navigation: leaving the screen and coming back keeps the agenda item and the running timer', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    render(<App />);
    fireEvent.click(screen.getByTestId('agenda-domain-ownership'));
    fireEvent.click(screen.getByTestId('workshop-timer'));
    act(() => void vi.advanceTimersByTime(90_000));
    expect(screen.getByTestId('workshop-clock').textContent).toBe('18:30');
    act(() => setScreen('home'));
    expect(screen.queryByTestId('workshop-screen')).toBeNull();
    act(() => void vi.advanceTimersByTime(60_000));
    act(() => setScreen('workshop'));
    expect(screen.getByTestId('workshop-current').dataset.item).toBe('domain-ownership');
    expect(screen.getByTestId('workshop-clock').dataset.running).toBe('true');
    expect(screen.getByTestId('workshop-clock').textContent).toBe('17:30'); // the timer kept running while away
  });

  it('the projector view takes the whole window: no navigation, no dataset tabs', () => {
    render(<App />);
    expect(screen.getByTestId('nav-workshop')).toBeTruthy();
    fireEvent.click(screen.getByTestId('workshop-projector'));
    expect(screen.queryByTestId('nav-workshop')).toBeNull();
    expect(document.querySelector('.topbar')).toBeNull();
    expect(screen.getByTestId('workshop-screen').className).toContain('workshop-projector');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.getByTestId('nav-workshop')).toBeTruthy();
  });
});
