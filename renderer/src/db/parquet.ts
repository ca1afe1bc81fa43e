/**
 * Parquet ↔ Arrow IPC with parquet-wasm's web build (DuckDB-wasm has no parquet extension offline).
 * The wasm file ships with the app through a Vite `?url` import and is instantiated once, on first use.
 */
import initParquet, { readParquet, writeParquet, Table, WriterPropertiesBuilder, Compression } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetCodec } from '../../../shared/import';

let ready: Promise<unknown> | null = null;

function ensureParquet(): Promise<unknown> {
  ready ??= initParquet({ module_or_path: new URL(parquetWasmUrl, globalThis.location.href) });
  return ready;
}

/** Read a whole Parquet file and hand it back as an Arrow IPC stream. */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
  await ensureParquet();
  return readParquet(bytes).intoIPCStream();
}

/** Write an Arrow IPC stream as a Parquet file (Snappy-compressed). */
export async function parquetFromIPC(ipc: Uint8Array): Promise<Uint8Array> {
  await ensureParquet();
  const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return writeParquet(Table.fromIPCStream(ipc), props);
}

/** The importer's ParquetCodec for the browser. */
export const webParquet: ParquetCodec = { toIPC: parquetToIPC, fromIPC: parquetFromIPC };
