// @vitest-environment jsdom
/**
 * A file too large for the app's wasm engine (a 10M-row, ~700 MB export) is refused before a byte is read,
 * with a clear message that names the CLI; it never reaches the engine, so the page cannot run out of
 * wasm memory or hang. The size comes from a fake Blob: no 700 MB is generated.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openFiles } from '../../renderer/src/store/actions';
import { useStore } from '../../renderer/src/store';
import { BROWSER_FILE_LIMIT, tooLargeForBrowser } from '../../renderer/src/db/size-limit';

beforeEach(() => useStore.setState({ datasets: [], activeDatasetId: null, jobs: [], banners: [] }));

const fakeBlob = (size: number) => ({ size, slice: () => new Blob([]) }) as unknown as Blob;

describe('files too large for the browser engine', () => {
  it('a 712 MB file is refused at once with the reason and the CLI command; the engine is never asked', async () => {
    const [id] = openFiles([{ name: 'google-ads-10M.csv', path: 'google-ads-10M.csv', bytes: new TextEncoder().encode('Day,Cost\n'), blob: fakeBlob(712_000_000) }]);
    const d = useStore.getState().datasets.find((x) => x.id === id)!;
    expect(d.status).toBe('error');
    expect(d.error).toBe(
      'google-ads-10M.csv is 712 MB, more than the 300 MB the app\'s built-in engine can load without running out of memory; nothing was loaded. The command line audits files of any size on native DuckDB: npx meshlens audit "google-ads-10M.csv"',
    );
    expect(useStore.getState().banners.map((b) => [b.kind, b.message])).toEqual([['error', d.error]]);
    expect(useStore.getState().jobs).toEqual([]);
  });

  it('the limit sits between a 1M-row export (87 MB, loads) and a 10M-row one (~700 MB)', () => {
    expect(tooLargeForBrowser('a.csv', 87_000_000)).toBeNull();
    expect(tooLargeForBrowser('a.csv', BROWSER_FILE_LIMIT)).toBeNull();
    expect(tooLargeForBrowser('a.csv', BROWSER_FILE_LIMIT + 1)).toMatch(/^a\.csv is 300 MB, more than the 300 MB/);
    expect(tooLargeForBrowser('b.csv', 700_000_000)).toContain('npx meshlens audit "b.csv"');
  });

  it('a file under the limit goes on to loading', () => {
    const [id] = openFiles([{ name: 'small.csv', path: 'small.csv', bytes: new TextEncoder().encode('a,b\n1,2\n'), blob: fakeBlob(8) }]);
    expect(useStore.getState().datasets.find((x) => x.id === id)!.status).toBe('loading');
  });
});

describe('which duckdb-wasm build', () => {
  it('threads only when cross-origin isolated and 4 or more cores', async () => {
    const { wantsThreadedBuild } = await import('../../renderer/src/db/threads');
    expect(wantsThreadedBuild(true, 4)).toBe(true);
    expect(wantsThreadedBuild(true, 16)).toBe(true);
    expect(wantsThreadedBuild(true, 2)).toBe(false);
    expect(wantsThreadedBuild(false, 16)).toBe(false);
    expect(wantsThreadedBuild(true, undefined)).toBe(false);
  });
  it('?duckdb-threads=on|off forces the choice, never without isolation; the worker learns it from its name', async () => {
    const t = await import('../../renderer/src/db/threads');
    expect(t.wantsThreadedBuild(true, 2, 'on')).toBe(true);
    expect(t.wantsThreadedBuild(false, 2, 'on')).toBe(false);
    expect(t.wantsThreadedBuild(true, 16, 'off')).toBe(false);
    expect(t.threadsChoiceFromQuery('?duckdb-threads=on')).toBe('on');
    expect(t.threadsChoiceFromQuery('?x=1&duckdb-threads=off')).toBe('off');
    expect(t.threadsChoiceFromQuery('?duckdb-threads=yes')).toBeUndefined();
    expect(t.threadsChoiceFromQuery('')).toBeUndefined();
    for (const choice of ['on', 'off', undefined] as const) {
      expect(t.threadsChoiceFromWorkerName(t.dbWorkerName(choice))).toBe(choice);
    }
    expect(t.dbWorkerName(undefined)).toBe('meshlens-db');
  });
});
