/** parquet-wasm's Node build as the importer's ParquetCodec (offline; no DuckDB extension needed). */
import { readParquet, Table, writeParquet, WriterPropertiesBuilder, Compression } from 'parquet-wasm/node';
import type { ParquetCodec } from '../../shared/import/parquet';

export const nodeParquet: ParquetCodec = {
  toIPC(bytes) {
    return readParquet(bytes).intoIPCStream();
  },
  fromIPC(ipc) {
    const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
    return writeParquet(Table.fromIPCStream(ipc), props);
  },
};
