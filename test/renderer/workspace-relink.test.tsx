// @vitest-environment jsdom
/**
 * Reopening a workspace whose data file moved: in the desktop app the user is asked where the file is now,
 * the file is read from there, and the banner says it was relinked. Autosave writes a crash-safety copy
 * after a change, never the user's own workspace file.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyWorkspace, serializeWorkspace } from '../../shared/workspace';
import type { MeshLensApi } from '../../shared/ipc/api';
import type * as StoreModule from '../../renderer/src/store';

const opened: { name: string; path: string }[][] = [];
vi.mock('../../renderer/src/store', async (importOriginal) => {
  const real = await importOriginal<typeof StoreModule>();
  return {
    ...real,
    openFiles: (files: { name: string; path: string }[]) => {
      opened.push(files.map((f) => ({ name: f.name, path: f.path })));
      return files.map((_, i) => `ds-mock-${opened.length}-${i}`);
    },
  };
});

function workspaceJson(): string {
  const w = emptyWorkspace('Ads');
  w.datasets = [{ id: 'd1', path: '/old/ads.csv', name: 'ads.csv', importOptions: {}, roleOverrides: {}, walkthroughs: {} }];
  return serializeWorkspace(w);
}

function fakeApi(calls: string[]): Partial<MeshLensApi> {
  const bytes = new TextEncoder().encode('a,b\n1,2\n');
  return {
    openWorkspace: async () => ({ ok: true, value: { path: '/w/ads.meshlens', json: workspaceJson(), datasets: [] } }),
    readFile: async (path: string) => {
      calls.push(`read ${path}`);
      return path === '/new/ads.csv' ? { ok: true, value: { name: 'ads.csv', path, bytes } } : { ok: false, error: 'ENOENT' };
    },
    relinkFile: async (oldPath: string) => {
      calls.push(`relink ${oldPath}`);
      return { ok: true, value: '/new/ads.csv' };
    },
    autosaveWorkspace: async (json: string) => {
      calls.push(`autosave ${JSON.parse(json).name}`);
      return { ok: true, value: '/userData/autosave.meshlens' };
    },
  } as unknown as Partial<MeshLensApi>;
}

describe('workspaces in the desktop app', () => {
  const calls: string[] = [];
  beforeEach(() => {
    calls.length = 0;
    opened.length = 0;
    (window as unknown as { meshlens: Partial<MeshLensApi> }).meshlens = fakeApi(calls);
    vi.resetModules();
  });
  afterEach(() => {
    delete (window as unknown as { meshlens?: unknown }).meshlens;
  });

  it('asks where a moved file is now, reads it from there and says it was relinked', async () => {
    const { openWorkspace } = await import('../../renderer/src/app/workspace');
    const { useStore } = await import('../../renderer/src/store');
    await openWorkspace();
    expect(calls).toEqual(['read /old/ads.csv', 'relink /old/ads.csv', 'read /new/ads.csv']);
    expect(opened).toEqual([[{ name: 'ads.csv', path: '/new/ads.csv' }]]);
    const banners = JSON.stringify(useStore.getState());
    expect(banners).toContain('Relinked /old/ads.csv → /new/ads.csv');
  });

  it('autosaves a copy a moment after the open datasets change', async () => {
    vi.useFakeTimers();
    try {
      const { startAutosave } = await import('../../renderer/src/app/autosave');
      const { useStore } = await import('../../renderer/src/store');
      const stop = startAutosave(1000);
      useStore.setState({ datasets: [{ id: 'x', name: 'a.csv', file: { path: '/a.csv' }, options: {} }] } as never);
      expect(calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(1100);
      expect(calls).toEqual(['autosave Autosave']);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
