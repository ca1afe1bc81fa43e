// @vitest-environment jsdom
/**
 * A file too large for the app's wasm engine is refused before a byte is read, with a clear message that
 * names the CLI; it never reaches the engine, so the page cannot run out of wasm memory or hang. Sizes come
 * from a fake Blob (no gigabyte is generated); the cell estimate reads a real head of the file.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openFiles } from '../../renderer/src/store/actions';
import { useStore } from '../../renderer/src/store';
import { BROWSER_CELL_LIMIT, BROWSER_FILE_LIMIT, estimateCells, tooLargeForBrowser } from '../../renderer/src/db/size-limit';

beforeEach(() => useStore.setState({ datasets: [], activeDatasetId: null, jobs: [], banners: [] }));

const fakeBlob = (size: number) => ({ size, slice: () => new Blob([]) }) as unknown as Blob;

/** The start of a Google Ads export like scripts/bench-data.ts writes: 10 columns, ~87 bytes a row. */
function adsHead(rows = 12_000): Uint8Array {
  let text = 'Campaign report\n"1 January 2020 - 31 December 2026"\nDay,Campaign,Ad group,Clicks,Impr.,CTR,Avg. CPC,Cost,Conversions,Conv. value\n';
  for (let i = 0; i < rows; i++) {
    text += `2020-01-${String((i % 28) + 1).padStart(2, '0')},"Brand - Exact",Ad group ${i % 97},"538","12,023",4.47%,2.76,"1,483.48",18,"4,598.79"\n`;
  }
  return new TextEncoder().encode(text);
}

describe('files too large for the browser engine', () => {
  it('a 1.2 GB file is refused at once with the reason and the CLI command; the engine is never asked', async () => {
    const [id] = openFiles([{ name: 'google-ads-14M.csv', path: 'google-ads-14M.csv', bytes: adsHead(), blob: fakeBlob(1_218_000_000) }]);
    const d = useStore.getState().datasets.find((x) => x.id === id)!;
    expect(d.status).toBe('error');
    expect(d.error).toBe(
      `google-ads-14M.csv is 1,218 MB, more than the ${Math.round(BROWSER_FILE_LIMIT / 1e6).toLocaleString('en-US')} MB the app's built-in engine can load without running out of memory; nothing was loaded. The command line audits files of any size on native DuckDB: npx meshlens audit "google-ads-14M.csv"`,
    );
    expect(useStore.getState().banners.map((b) => [b.kind, b.message])).toEqual([['error', d.error]]);
    expect(useStore.getState().jobs).toEqual([]);
  });

  it('a 10M-row Google Ads export (870 MB, about 100 million values) goes on to loading: measured to load', () => {
    const head = adsHead();
    const cells = estimateCells(870_000_000, head)!;
    // 10 fields a row: the commas inside "12,023" and "1,483.48" are quoted and do not count.
    expect(cells / 10_000_000).toBeGreaterThan(9.5);
    expect(cells / 10_000_000).toBeLessThan(10.5);
    expect(tooLargeForBrowser('google-ads-10M.csv', 870_000_000, head)).toBeNull();
    const [id] = openFiles([{ name: 'google-ads-10M.csv', path: 'google-ads-10M.csv', bytes: head, blob: fakeBlob(870_000_000) }]);
    expect(useStore.getState().datasets.find((x) => x.id === id)!.status).toBe('loading');
  });

  it('a file of short values over the cell limit is refused though its bytes are under the byte limit', () => {
    const line = Array.from({ length: 20 }, (_, i) => i % 10).join(',') + '\n'; // 40 bytes, 20 values
    const head = new TextEncoder().encode(line.repeat(5_000));
    const size = 400_000_000; // 200 million values
    expect(size).toBeLessThan(BROWSER_FILE_LIMIT);
    expect(estimateCells(size, head)).toBe(200_000_000);
    expect(tooLargeForBrowser('dense.csv', size, head)).toBe(
      `dense.csv holds about 200 million values (rows × columns, estimated from its first lines), more than the ${Math.round(BROWSER_CELL_LIMIT / 1e6)} million the app's built-in engine can load without running out of memory; nothing was loaded. The command line audits files of any size on native DuckDB: npx meshlens audit "dense.csv"`,
    );
  });

  it('no cell estimate from a head that is not delimited text (gzip, UTF-16) or too short', () => {
    expect(estimateCells(1e8, new Uint8Array([0x1f, 0x8b, 8, 0, ...new Array(400).fill(0)]))).toBeNull();
    expect(estimateCells(1e8, new TextEncoder().encode('a,b\n1,2\n'))).toBeNull();
    const utf16 = new Uint8Array(1000);
    utf16.set([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0]);
    expect(estimateCells(1e8, utf16)).toBeNull();
    expect(tooLargeForBrowser('a.csv', BROWSER_FILE_LIMIT)).toBeNull();
    expect(tooLargeForBrowser('a.csv', BROWSER_FILE_LIMIT + 1)).toContain('npx meshlens audit "a.csv"');
  });

  it('a file under the limit goes on to loading', () => {
    const [id] = openFiles([{ name: 'small.csv', path: 'small.csv', bytes: new TextEncoder().encode('a,b\n1,2\n'), blob: fakeBlob(8) }]);
    expect(useStore.getState().datasets.find((x) => x.id === id)!.status).toBe('loading');
  });
});

describe('which duckdb-wasm build', () => {
  it('threaded_build_offset_out_of_bounds: the single-threaded build on every machine, threads only when asked', async () => {
    // duckdb-wasm 1.32.0's threaded build failed 1M-row imports with "offset is out of bounds" (its issue #2256)
    // when given 8 threads, which the old rule (threads from 4 cores, one per core) gave an 8-core machine.
    const { wantsThreadedBuild } = await import('../../renderer/src/db/threads');
    for (const isolated of [true, false]) expect(wantsThreadedBuild(isolated)).toBe(false);
    expect(wantsThreadedBuild(true, 'off')).toBe(false);
    expect(wantsThreadedBuild(true, 'on')).toBe(true);
    expect(wantsThreadedBuild(true, 8)).toBe(true);
    expect(wantsThreadedBuild(false, 'on')).toBe(false);
    expect(wantsThreadedBuild(false, 8)).toBe(false);
  });
  it('?duckdb-threads=on|off|N forces the choice; the worker learns it from its name', async () => {
    const t = await import('../../renderer/src/db/threads');
    expect(t.threadsChoiceFromQuery('?duckdb-threads=on')).toBe('on');
    expect(t.threadsChoiceFromQuery('?x=1&duckdb-threads=off')).toBe('off');
    expect(t.threadsChoiceFromQuery('?duckdb-threads=8')).toBe(8);
    expect(t.threadsChoiceFromQuery('?duckdb-threads=64')).toBe(64);
    for (const bad of ['yes', '0', '65', '100', '-2', '2.5', '']) {
      expect(t.threadsChoiceFromQuery(`?duckdb-threads=${bad}`)).toBeUndefined();
    }
    expect(t.threadsChoiceFromQuery('')).toBeUndefined();
    for (const choice of ['on', 'off', 8, undefined] as const) {
      expect(t.threadsChoiceFromWorkerName(t.dbWorkerName(choice))).toBe(choice);
    }
    expect(t.dbWorkerName(undefined)).toBe('meshlens-db');
  });
  it('threaded_build_ran_one_thread: the threaded build is told to use every core, the others one', async () => {
    // duckdb-wasm opens with one thread unless maximumThreads says otherwise: the threaded build did (checked in
    // Chromium with SELECT current_setting('threads'): 1 before, 2 on 2 cores after).
    const { maximumThreads } = await import('../../renderer/src/db/threads');
    expect(maximumThreads(true, 8)).toBe(8);
    expect(maximumThreads(true, undefined)).toBe(1);
    expect(maximumThreads(false, 8)).toBe(1);
    // ?duckdb-threads=N: that many threads whatever the cores; never more than one without the threaded build.
    expect(maximumThreads(true, 2, 8)).toBe(8);
    expect(maximumThreads(true, 2, 'on')).toBe(2);
    expect(maximumThreads(false, 2, 8)).toBe(1);
  });
});
