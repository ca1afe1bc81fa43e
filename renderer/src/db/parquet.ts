/**
 * Parquet → Arrow IPC with parquet-wasm's web build (DuckDB-wasm has no parquet extension offline).
 * The wasm file ships with the app through a Vite `?url` import and is instantiated once, on first use.
 */
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

function ensureParquet(): Promise<unknown> {
  ready ??= initParquet({ module_or_path: new URL(parquetWasmUrl, globalThis.location.href) });
  return ready;
}

/** Read a whole Parquet file and hand it back as an Arrow IPC stream. */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
  await ensureParquet();
  const table = readParquet(bytes);
  return table.intoIPCStream();
}
