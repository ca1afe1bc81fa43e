/** Number and label formatting shared by the Recharts components and the inline-SVG report charts. */

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1234567 → "1.2M"; small numbers keep up to two decimals. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '';
  return Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
}

export function formatNumber(value: number): string {
  return Number.isFinite(value) ? plain.format(value) : '';
}

/** A histogram bin's label: "10–20". */
export function binLabel(lo: number, hi: number): string {
  return `${formatCompact(lo)}–${formatCompact(hi)}`;
}

/** Shorten a long label for an axis, keeping its start and end. */
export function truncateLabel(text: string, max = 24): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.7);
  return text.slice(0, head) + '…' + text.slice(text.length - (max - 1 - head));
}

/** A label that makes empty strings and whitespace visible. */
export function displayValue(value: string): string {
  if (value === '') return '(empty)';
  if (value.trim() === '') return `(${value.length} spaces)`;
  return value;
}
