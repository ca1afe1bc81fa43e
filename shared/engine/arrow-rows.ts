/**
 * Arrow → plain rows. duckdb-wasm answers in Arrow; everything above the engine wants plain values.
 * BIGINT values beyond 2^53 stay exact as strings; DECIMAL becomes a number (or a string when it would
 * lose digits); DATE becomes 'YYYY-MM-DD'; TIMESTAMP becomes 'YYYY-MM-DD HH:MM:SS'.
 */
import { Type, util } from 'apache-arrow';
import type { DataType, Table } from 'apache-arrow';
import type { ColumnInfo, QueryResult, Row, Scalar } from './types';
import { formatDate, formatTimestamp } from './time-text';

export { formatDate, formatTimestamp };

export function arrowTypeName(t: DataType): string {
  switch (t.typeId) {
    case Type.Int:
    case Type.Int8:
    case Type.Int16:
    case Type.Int32:
    case Type.Int64:
    case Type.Uint8:
    case Type.Uint16:
    case Type.Uint32:
    case Type.Uint64: {
      const bits = (t as unknown as { bitWidth: number }).bitWidth;
      return bits === 64 ? 'BIGINT' : bits === 32 ? 'INTEGER' : bits === 16 ? 'SMALLINT' : 'TINYINT';
    }
    case Type.Float:
    case Type.Float16:
    case Type.Float32:
    case Type.Float64:
      return 'DOUBLE';
    case Type.Decimal: {
      const d = t as unknown as { precision: number; scale: number };
      return `DECIMAL(${d.precision},${d.scale})`;
    }
    case Type.Bool:
      return 'BOOLEAN';
    case Type.Date:
    case Type.DateDay:
    case Type.DateMillisecond:
      return 'DATE';
    case Type.Timestamp:
    case Type.TimestampSecond:
    case Type.TimestampMillisecond:
    case Type.TimestampMicrosecond:
    case Type.TimestampNanosecond:
      return 'TIMESTAMP';
    case Type.Time:
      return 'TIME';
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'VARCHAR';
    case Type.Binary:
    case Type.LargeBinary:
      return 'BLOB';
    default:
      return String(t);
  }
}

function toScalar(value: unknown, type: DataType): Scalar {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Date:
    case Type.DateDay:
    case Type.DateMillisecond:
      return typeof value === 'number' ? formatDate(value) : value instanceof Date ? formatDate(value.getTime()) : String(value);
    case Type.Timestamp:
    case Type.TimestampSecond:
    case Type.TimestampMillisecond:
    case Type.TimestampMicrosecond:
    case Type.TimestampNanosecond:
      return typeof value === 'number' ? formatTimestamp(value) : typeof value === 'bigint' ? formatTimestamp(Number(value)) : String(value);
    case Type.Decimal: {
      const scale = (type as unknown as { scale: number }).scale;
      const big = util.bigNumToBigInt(value as never);
      if (scale === 0) return bigToScalar(big);
      const neg = big < 0n;
      const digits = (neg ? -big : big).toString().padStart(scale + 1, '0');
      const text = (neg ? '-' : '') + digits.slice(0, -scale) + '.' + digits.slice(-scale);
      const n = Number(text);
      return Number.isFinite(n) && digits.replace(/^0+/, '').length <= 15 ? n : text;
    }
    default:
      break;
  }
  if (typeof value === 'bigint') return bigToScalar(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (typeof value === 'object' && value !== null && 'toJSON' in value) {
    return JSON.stringify((value as { toJSON(): unknown }).toJSON());
  }
  return String(value);
}

function bigToScalar(v: bigint): Scalar {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
}

export function arrowToResult<T extends Row = Row>(table: Table): QueryResult<T> {
  const fields = table.schema.fields;
  const columns: ColumnInfo[] = fields.map((f) => ({ name: f.name, type: arrowTypeName(f.type) }));
  const vectors = fields.map((_, i) => table.getChildAt(i));
  const rows: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c]!;
      row[f.name] = toScalar(vectors[c]?.get(r), f.type);
    }
    rows[r] = row as T;
  }
  return { columns, rows };
}
