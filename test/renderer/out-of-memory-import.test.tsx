// @vitest-environment jsdom
/**
 * Bug: a file under the size limit that still ran DuckDB out of memory part-way (a 14M-row, 1.22 GB export
 * measured in Chromium) showed DuckDB's own words, "Out of Memory Error: could not allocate block of size
 * 256.0 KiB (3.1 GiB/3.1 GiB used)", with no way forward. It now says what happened and names the CLI.
 * The engine here fails the way duckdb-wasm did (its exact message); the store, banner and dataset are real.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const DUCKDB_OOM =
  'big.csv could not be loaded: Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)';

vi.mock('../../renderer/src/db', () => ({
  getEngine: () => Promise.resolve({ importFile: () => Promise.reject(new Error(DUCKDB_OOM)) }),
}));

const { openFiles } = await import('../../renderer/src/store/actions');
const { useStore } = await import('../../renderer/src/store');

beforeEach(() => useStore.setState({ datasets: [], activeDatasetId: null, jobs: [], banners: [] }));

describe('out of memory part-way through an import', () => {
  it('duckdb_out_of_memory_shown_raw: says the engine ran out and how to audit the file instead', async () => {
    const [id] = openFiles([{ name: 'big.csv', path: 'big.csv', bytes: new TextEncoder().encode('Day,Cost\n2026-01-01,1\n') }]);
    await vi.waitFor(() => expect(useStore.getState().datasets.find((x) => x.id === id)!.status).toBe('error'));
    const d = useStore.getState().datasets.find((x) => x.id === id)!;
    expect(d.error).toBe(
      "big.csv needs more memory than the app's built-in engine has (about 3 GB), so it ran out part-way; nothing was loaded. The command line audits files of any size on native DuckDB: npx meshlens audit \"big.csv\"",
    );
    expect(useStore.getState().banners.map((b) => [b.kind, b.message])).toEqual([['error', d.error]]);
  });
});
