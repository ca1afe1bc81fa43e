// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useStore, runJob, setTheme, showBanner } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { CancelledError } from '../../shared/engine/types';
import { SideNav } from '../../renderer/src/app/SideNav';
import { DatasetTabs } from '../../renderer/src/app/DatasetTabs';
import { JobBar } from '../../renderer/src/app/JobBar';
import { Banners } from '../../renderer/src/app/Banners';

function dataset(id: string, name: string): Dataset {
  return { id, name, file: { name, path: name, bytes: new Uint8Array() }, options: {}, result: null, status: 'ready', error: null, progress: null, revision: 1, profile: null, findings: null };
}

beforeEach(() => {
  useStore.setState({ datasets: [], activeDatasetId: null, screen: 'home', jobs: [], banners: [] });
});
afterEach(cleanup);

describe('shell', () => {
  it('disables dataset screens until a file is open, and Alt+digit switches screens', () => {
    render(<SideNav />);
    expect((screen.getByTestId('nav-grid') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('nav-home').getAttribute('aria-current')).toBe('page');
    act(() => useStore.setState({ datasets: [dataset('a', 'a.csv')], activeDatasetId: 'a' }));
    expect((screen.getByTestId('nav-grid') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.keyDown(window, { key: '2', altKey: true });
    expect(useStore.getState().screen).toBe('import');
    fireEvent.click(screen.getByTestId('nav-sql'));
    expect(useStore.getState().screen).toBe('sql');
  });

  it('moves between dataset tabs with the arrow keys and selects on click', () => {
    useStore.setState({ datasets: [dataset('a', 'a.csv'), dataset('b', 'b.csv')], activeDatasetId: 'a' });
    render(<DatasetTabs />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[1]);
    fireEvent.click(tabs[1]!);
    expect(useStore.getState().activeDatasetId).toBe('b');
    expect(screen.getByLabelText('Close a.csv')).toBeTruthy();
  });

  it('shows running work with progress and cancels it', async () => {
    render(<JobBar />);
    let seenSignal: AbortSignal | null = null;
    let finish!: () => void;
    const job = runJob('Loading big.csv', null, ({ signal, progress }) => {
      seenSignal = signal;
      progress({ stage: 'Reading rows', fraction: 0.4 });
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByTestId('job-stage').textContent).toBe('Reading rows');
    fireEvent.click(screen.getByTestId('job-cancel'));
    expect(seenSignal!.aborted).toBe(true);
    finish();
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(useStore.getState().jobs).toEqual([]);
  });

  it('shows errors as alerts that can be dismissed, and remembers the theme', () => {
    render(<Banners />);
    act(() => void showBanner('error', 'Could not load x.csv: it is empty.'));
    expect(screen.getByRole('alert').textContent).toContain('it is empty');
    fireEvent.click(screen.getByLabelText('Dismiss message'));
    expect(screen.queryByRole('alert')).toBeNull();
    setTheme('dark');
    expect(useStore.getState().theme).toBe('dark');
    expect(localStorage.getItem('meshlens.theme')).toBe('dark');
  });
});
