/**
 * SodaCL: the contract's rules and the check pack as a Soda checks file (`checks for <dataset>:`), with
 * missing_count/percent, duplicate_count, invalid_count with valid values, row_count, freshness and
 * failed rows with a fail query. Rules that cannot travel are listed in comments at the top.
 */
import type { PortableRules } from './export-rules';
import { stringifyPortable } from './yaml-portable';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A column or table name as SodaCL and SQL read it: bare when it is a plain identifier, else in double quotes. */
export const sodaName = (name: string): string => (PLAIN.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
const bound = (max: number) => (max === 0 ? '= 0' : `<= ${max}`);

export function toSodaCl(p: PortableRules, options: { source: string }): string {
  const table = sodaName(p.table);
  const checks: unknown[] = [];
  const userMetric = (id: string, title: string, query: string, max: number) => {
    const metric = id.replace(/[^A-Za-z0-9_]/g, '_');
    checks.push({ [`${metric} ${bound(max)}`]: { name: title, [`${metric} query`]: query } });
  };
  for (const r of p.rules) {
    const named = (check: string, extra: Record<string, unknown> = {}) => checks.push({ [check]: { name: r.title, ...extra } });
    switch (r.kind) {
      case 'missing':
        if (r.maxPercent !== undefined) named(`missing_percent(${sodaName(r.column)}) <= ${r.maxPercent}%`);
        else named(`missing_count(${sodaName(r.column)}) ${bound(r.maxRows ?? 0)}`);
        break;
      case 'duplicates':
        named(`duplicate_count(${r.columns.map(sodaName).join(', ')}) ${bound(r.max)}`);
        break;
      case 'accepted':
        named(`invalid_count(${sodaName(r.column)}) = 0`, { 'valid values': r.values });
        break;
      case 'rowCount':
        named(`row_count >= ${r.min}`);
        break;
      case 'freshness':
        named(`freshness(${sodaName(r.column)}) < ${r.days}d`);
        break;
      case 'failedRows':
        // A rule that allows some rows becomes a user-defined metric; one that allows none, a failed-rows check.
        if (r.max === 0) checks.push({ 'failed rows': { name: r.title, 'fail query': `SELECT * FROM ${table} t\nWHERE ${r.where}\n` } });
        else userMetric(r.id, r.title, `SELECT COUNT(*) FROM ${table} t WHERE ${r.where}`, r.max);
        break;
      case 'metric':
        userMetric(r.id, r.title, r.query.replace(/\{table\}/g, table), r.max);
        break;
      case 'relationship':
        checks.push({ [`values in (${sodaName(r.column)}) must exist in ${sodaName(r.toTable)} (${sodaName(r.toColumn)})`]: { name: r.title } });
        break;
    }
  }
  const header = [
    `# SodaCL checks for ${p.table}, exported by MeshLens from ${options.source}.`,
    '# Column names are as in the file; rename them here if the warehouse table renamed them.',
    '# SQL is ANSI (double-quoted names, CAST … AS VARCHAR / DOUBLE PRECISION); BigQuery needs backticks and STRING.',
    ...(p.notExported.length ? ['# Not exported (no portable form):', ...p.notExported.map((n) => `#   ${n.id}: ${n.title}: ${n.reason}`)] : ['# Every rule was exported.']),
  ];
  return `${header.join('\n')}\n${stringifyPortable({ [`checks for ${table}`]: checks })}`;
}
