/** Wording for counts, shared by the checks, the CLI, the reports and the UI: "1 row", "2 rows", "1 error". */

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "1 row", "1,204 rows", "2 currencies" (pass the plural when it is not `one + 's'`). */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${fmt.format(n)} ${n === 1 ? one : many}`;
}

/** The verb form for a count: verb(1, 'has', 'have') → "has". */
export const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many);
