/**
 * DATE and TIMESTAMP values as the text every engine answers with ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS[.mmm]').
 * Kept apart from arrow-rows.ts so the native engine can use them without loading apache-arrow (~0.15 s).
 */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  const base = `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const frac = d.getUTCMilliseconds();
  return frac ? `${base}.${pad(frac, 3)}` : base;
}
