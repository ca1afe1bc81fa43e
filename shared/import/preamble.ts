/** Reading the preamble: title rows and date ranges ("27 January 2026 - 23 February 2026"). */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** All dates written in a line of text, in order, as ISO strings. */
export function datesIn(text: string): string[] {
  const found: { at: number; date: string }[] = [];
  const push = (at: number, d: string | null) => d && found.push({ at, date: d });
  let m: RegExpExecArray | null;
  const patterns: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
    [/\b((?:19|20)\d{2})(\d{2})(\d{2})\b/g, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
    [/\b(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})\b/g, (m) => iso(+m[3]!, month(m[2]!), +m[1]!)],
    [/\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b/g, (m) => iso(+m[3]!, month(m[1]!), +m[2]!)],
    [/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (m) => iso(+m[3]!, +m[1]!, +m[2]!) ?? iso(+m[3]!, +m[2]!, +m[1]!)],
    [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, (m) => iso(+m[3]!, +m[2]!, +m[1]!)],
  ];
  for (const [re, fn] of patterns) {
    while ((m = re.exec(text))) {
      if (!found.some((f) => Math.abs(f.at - m!.index) < 3)) push(m.index, fn(m));
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

/** The date range a file states above its header, if it states one. */
export function statedRange(preamble: string[]): { start: string; end: string } | undefined {
  const all = preamble.flatMap((l) => datesIn(l));
  // Prefer explicit start/end keys (GA4 "# Start date: 20260101", LinkedIn "Report Start: …").
  const startLine = preamble.find((l) => /start/i.test(l) && datesIn(l).length);
  const endLine = preamble.find((l) => /end/i.test(l) && !/start/i.test(l) && datesIn(l).length);
  if (startLine && endLine) return { start: datesIn(startLine)[0]!, end: datesIn(endLine)[0]! };
  // A range written on one line ("27 January 2026 - 23 February 2026", CM360 "Date Range,2026-01-01 -
  // 2026-01-31") wins over dates on separate lines such as "Report Time,2026-02-01 09:00:00".
  const rangeLine = preamble.map((l) => datesIn(l)).find((d) => d.length >= 2);
  if (rangeLine) {
    const [a, b] = [rangeLine[0]!, rangeLine[1]!];
    return a <= b ? { start: a, end: b } : { start: b, end: a };
  }
  if (all.length >= 2) {
    const [a, b] = [all[0]!, all[1]!];
    return a <= b ? { start: a, end: b } : { start: b, end: a };
  }
  return undefined;
}

/**
 * The day the file was exported, when the file says so: a preamble line naming its creation
 * ("Date Generated: Jan 15, 2026", "Exported on 2026-01-16", "Erstellt am 16.01.2026") with one date, or a
 * file name carrying a timestamp ("…-2026-01-16T08_12_40Z.csv"). A line with two dates is a range, not this.
 */
export function exportedOn(preamble: string[], fileName = ''): string | undefined {
  const created = /\b(generated|exported|downloaded|created|run on|report run|erstellt|exporté|généré|generado|exportado)\b/i;
  for (const line of preamble) {
    const dates = datesIn(line);
    if (dates.length === 1 && created.test(line)) return dates[0];
  }
  const stamp = /((?:19|20)\d{2})-?(\d{2})-?(\d{2})T\d{2}[_:.-]?\d{2}/.exec(fileName);
  return stamp ? (iso(+stamp[1]!, +stamp[2]!, +stamp[3]!) ?? undefined) : undefined;
}

export const NO_DATA = /^\s*(no data( available)?|no results|there is no data|keine daten|aucune donn[ée]e|sin datos)\b/i;

export const SUMMARY_LABEL = /^\s*(total|totals|grand total|gesamtsumme|gesamt|summe|total general|totaux|total général)\s*(:.*)?$/i;
/** The same rule for DuckDB's regexp_full_match. */
export const SUMMARY_LABEL_SQL = '(?i)\\s*(total|totals|grand total|gesamtsumme|gesamt|summe|total general|totaux|total général)\\s*(:.*)?';

/**
 * SQL: cell `c` may start a summary label: its first character is blank (\\s), a label's first letter in
 * either case, or not ASCII (case folding maps "ſ" to "s"); empty cells and NULLs say false or NULL.
 * Read from SUMMARY_LABEL_SQL's words, so the two cannot drift apart. list_contains, not IN: DuckDB turns a
 * long IN list into a join, which drops the order-keeping insert of the one read (clean-file-fast-path test).
 */
export function labelStartSql(c: string): string {
  const words = /\(([^()]*\|[^()]*)\)/.exec(SUMMARY_LABEL_SQL)![1]!.split('|');
  const first = new Set([9, 10, 11, 12, 13, 32]);
  for (const w of words) for (const ch of [w[0]!.toLowerCase(), w[0]!.toUpperCase()]) first.add(ch.codePointAt(0)!);
  return `(ascii(${c}) >= 128 OR list_contains([${[...first].sort((a, b) => a - b).join(', ')}], ascii(${c})))`;
}
