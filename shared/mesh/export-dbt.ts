/**
 * dbt tests: the contract's rules and the check pack as a dbt source with generic tests (not_null, unique,
 * accepted_values, relationships, source freshness) in `models/<table>_sources.yml`, plus one singular test per
 * marketing check in `tests/`: a SELECT that returns exactly the rows that break it. Rules that cannot travel
 * are listed in comments in the YAML file.
 */
import type { ExportRule, PortableRules } from './export-rules';
import { stringifyPortable } from './yaml-portable';

export interface ExportFile {
  path: string;
  content: string;
}

export const DBT_SOURCE = 'meshlens';
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const fileId = (id: string) => id.replace(/[^A-Za-z0-9_]+/g, '_').toLowerCase();

type ColumnTests = { name: string; quote?: boolean; data_tests: unknown[] };

export function toDbt(p: PortableRules, options: { source: string }): ExportFile[] {
  const relation = `{{ source('${DBT_SOURCE}', '${p.table}') }}`;
  const columns = new Map<string, ColumnTests>();
  const column = (name: string) => {
    let c = columns.get(name);
    if (!c) columns.set(name, (c = { name, ...(PLAIN.test(name) ? {} : { quote: true }), data_tests: [] }));
    return c;
  };
  const tests: ExportFile[] = [];
  const singular = (r: ExportRule, sql: string, max = 0) =>
    tests.push({
      path: `tests/${fileId(p.table)}__${fileId(r.id)}.sql`,
      content: [`-- ${r.title}`, `-- Exported by MeshLens from ${options.source}: returns the rows that break the rule.`, ...(max ? [`{{ config(error_if = '>${max}') }}`] : []), sql, ''].join('\n'),
    });
  let freshness: { column: string; days: number } | null = null;
  for (const r of p.rules) {
    switch (r.kind) {
      case 'missing':
        if (r.maxPercent !== undefined)
          singular(r, `select count(*) as total_rows, count(*) - count(t.${q(r.column)}) as empty_rows\nfrom ${relation} t\nhaving 100.0 * (count(*) - count(t.${q(r.column)})) > ${r.maxPercent} * count(*)`);
        else column(r.column).data_tests.push(r.maxRows ? { not_null: { config: { error_if: `>${r.maxRows}` } } } : 'not_null');
        break;
      case 'duplicates': {
        if (r.columns.length === 1 && r.max === 0) column(r.columns[0]!).data_tests.push('unique');
        else {
          const key = r.columns.map((c) => `t.${q(c)}`).join(', ');
          singular(r, `select *\nfrom (\n  select t.*, count(*) over (partition by ${key}) as meshlens_copies\n  from ${relation} t\n) d\nwhere meshlens_copies > 1`, r.max);
        }
        break;
      }
      case 'accepted':
        column(r.column).data_tests.push({ accepted_values: { arguments: { values: r.values, ...(r.values.every((v) => typeof v === 'string') ? {} : { quote: false }) } } });
        break;
      case 'relationship':
        column(r.column).data_tests.push({ relationships: { arguments: { to: `source('${DBT_SOURCE}', '${r.toTable}')`, field: r.toColumn } } });
        break;
      case 'rowCount':
        singular(r, `select count(*) as row_count\nfrom ${relation}\nhaving count(*) < ${r.min}`);
        break;
      case 'freshness':
        freshness = { column: r.column, days: r.days };
        break;
      case 'failedRows':
        singular(r, `select *\nfrom ${relation} t\nwhere ${r.where}`, r.max);
        break;
      case 'metric':
        singular(r, `select meshlens_value\nfrom (select (${r.query.replace(/\{table\}/g, `${relation} t`)}) as meshlens_value) m\nwhere not (meshlens_value <= ${r.max})`);
        break;
    }
  }
  const f = freshness as { column: string; days: number } | null;
  const table = {
    name: p.table,
    description: `Exported by MeshLens from ${options.source}.`,
    ...(f ? { loaded_at_field: PLAIN.test(f.column) ? f.column : q(f.column), freshness: { error_after: { count: f.days, period: 'day' } } } : {}),
    columns: [...columns.values()],
  };
  const header = [
    `# dbt sources and tests for ${p.table}, exported by MeshLens from ${options.source}.`,
    `# Point source '${DBT_SOURCE}' at the schema that holds the table; singular tests are in tests/.`,
    '# SQL is ANSI (double-quoted names, CAST … AS VARCHAR / DOUBLE PRECISION); BigQuery needs backticks and STRING.',
    ...(p.notExported.length ? ['# Not exported (no portable form):', ...p.notExported.map((n) => `#   ${n.id}: ${n.title}: ${n.reason}`)] : ['# Every rule was exported.']),
  ];
  const schema = `${header.join('\n')}\n${stringifyPortable({ version: 2, sources: [{ name: DBT_SOURCE, tables: [table] }] })}`;
  return [{ path: `models/${fileId(p.table)}_sources.yml`, content: schema }, ...tests];
}

/** Several files as one uncompressed tar archive (POSIX ustar), for saving a dbt export as one file. */
export function tarFiles(files: ExportFile[], mtime = 0): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const field = (buf: Uint8Array, offset: number, length: number, value: string) => buf.set(enc.encode(value).subarray(0, length), offset);
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0') + '\0';
  for (const f of files) {
    const body = enc.encode(f.content);
    const h = new Uint8Array(512);
    field(h, 0, 100, f.path);
    field(h, 100, 8, octal(0o644, 8));
    field(h, 108, 8, octal(0, 8));
    field(h, 116, 8, octal(0, 8));
    field(h, 124, 12, octal(body.length, 12));
    field(h, 136, 12, octal(mtime, 12));
    field(h, 148, 8, '        ');
    field(h, 156, 1, '0');
    field(h, 257, 6, 'ustar\0');
    field(h, 263, 2, '00');
    const sum = h.reduce((s, b) => s + b, 0);
    field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
    chunks.push(h, body, new Uint8Array((512 - (body.length % 512)) % 512));
  }
  chunks.push(new Uint8Array(1024));
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
