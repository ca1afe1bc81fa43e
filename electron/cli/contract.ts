/**
 * `meshlens contract init <file> --out x.odcs.yaml`: suggest a data product from the file and write it as an
 * ODCS v3.1.0 contract. `meshlens contract check <file> --contract x.odcs.yaml`: run a contract on a file.
 * `runContractFile` and `formatContractReport` are also what `meshlens audit --contract` uses.
 */
import path from 'node:path';
import type { Dataset as CheckDataset } from '../../shared/checks/types';
import type { Engine } from '../../shared/engine/types';
import type { ImportResult } from '../../shared/import/types';
import { analyseForMesh, checkRunnerFor } from '../../shared/mesh/analyse';
import { runContract } from '../../shared/mesh/contract-run';
import type { ContractReport } from '../../shared/mesh/contract-run';
import { ContractError, exportContractYaml, parseContract } from '../../shared/mesh/odcs';
import type { OdcsContract } from '../../shared/mesh/odcs';
import { acceptedObjectives, candidateRules } from '../../shared/mesh/candidate-rules';
import { suggestProduct } from '../../shared/mesh/product';
import { flagString, parseArgs } from './args';
import { exportContract } from './contract-export';
import { writeAtomic } from './export';
import { IMPORT_BOOLEANS, IMPORT_FLAGS, importOptionsFromFlags, loadFile, readOptionFile, withEngine } from './load';
import type { Command } from './types';
import { UsageError } from './types';

export function readContractFile(file: string): OdcsContract {
  const text = readOptionFile('contract', file);
  try {
    return parseContract(text);
  } catch (err) {
    if (err instanceof ContractError) throw new UsageError(`${file} is ${err.message}`);
    throw err;
  }
}

/** Run a contract file on an imported file, MeshLens check rules included. */
/** `audited`: the dataset an audit of the same file already profiled (its roles too), so rules reuse it. */
export async function runContractFile(engine: Engine, result: ImportResult, contract: OdcsContract, referenceDate?: string, audited?: CheckDataset): Promise<ContractReport> {
  return runContract(engine, result, contract, { checks: checkRunnerFor(engine, result, referenceDate ? { referenceDate } : {}, audited) });
}

export function formatContractReport(file: string, r: ContractReport): string {
  const out = [`${file} against contract "${r.contractName}" (${r.contractId}), schema ${r.schemaName}: ${r.rows} rows`];
  if (!r.drift.length) out.push('  Schema: matches the contract.');
  for (const d of r.drift) out.push(`  ${d.breaking ? 'BREAKING' : 'change  '} ${d.change.padEnd(8)} ${d.message}`);
  const mark = { pass: 'ok  ', fail: 'FAIL', 'not-run': 'skip' } as const;
  for (const q of r.rules) out.push(`  ${mark[q.status]} ${q.title}${q.column ? ` [${q.column}]` : ''}: ${q.status === 'pass' ? `${q.actual} (${q.expected})` : q.message}`);
  out.push(
    r.ok
      ? '  Result: the file keeps the contract.'
      : `  Result: the file does not keep the contract: ${r.breakingChanges} breaking change(s), ${r.failedRules} failed rule(s), ${r.skippedRules} rule(s) could not run.`,
  );
  return out.join('\n') + '\n';
}

async function init(args: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parseArgs(args, ['out', 'owner', 'name', 'domain', 'consumer', 'accept', 'reference-date', ...IMPORT_FLAGS], IMPORT_BOOLEANS);
  if (p.positional.length !== 1) throw new UsageError('contract init needs exactly one input file');
  const out = flagString(p, 'out');
  if (!out) throw new UsageError('contract init needs --out <file.odcs.yaml>');
  if (!/\.ya?ml$/i.test(out)) throw new UsageError('--out must end in .yaml or .yml (e.g. product.odcs.yaml)');
  const file = p.positional[0]!;
  const options = importOptionsFromFlags(p.flags);
  const ref = flagString(p, 'reference-date');
  const yaml = await withEngine(async (engine) => {
    const result = await loadFile(engine, file, options);
    const { facts } = await analyseForMesh(engine, result, { name: path.basename(file), config: ref ? { referenceDate: ref } : {} });
    const consumer = flagString(p, 'consumer');
    const product = suggestProduct(facts, {
      name: flagString(p, 'name'),
      owner: flagString(p, 'owner'),
      domain: flagString(p, 'domain'),
      consumers: consumer ? consumer.split(',').map((s) => s.trim()).filter(Boolean) : [],
    });
    // Rules come from what the user accepts: the ticked candidates, plus the ones named with --accept.
    const candidates = candidateRules(facts);
    const accept = (flagString(p, 'accept') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = accept.filter((id) => id !== 'freshness' && !candidates.some((c) => c.objective.id === id));
    if (unknown.length) throw new UsageError(`--accept: no candidate rule ${unknown.join(', ')} (offered: ${candidates.map((c) => c.objective.id).join(', ')})`);
    // A freshness promise is written only when accepted (issue 12); otherwise it is offered with its basis.
    if (accept.includes('freshness') && product.freshness.basis) product.freshness = { ...product.freshness, accepted: true };
    product.objectives = acceptedObjectives(candidates, candidates.filter((c) => c.suggested || accept.includes(c.objective.id)).map((c) => c.objective.id));
    io.stderr(`${path.basename(file)}: ${facts.rows} rows, ${product.columns.length} columns, ${product.objectives.length} quality rules, domain ${product.domain}\n`);
    for (const c of candidates.filter((x) => !product.objectives.includes(x.objective)))
      io.stderr(`  offered, not accepted: ${c.objective.id} (${c.objective.title}); add it with --accept ${c.objective.id}\n`);
    const f = product.freshness;
    if (!f.accepted && f.basis)
      io.stderr(`  offered, not accepted: freshness (refreshed every ${f.frequencyDays} day(s), at most ${f.latencyDays} behind; ${f.basis}); add it with --accept freshness\n`);
    return exportContractYaml(product);
  });
  writeAtomic(path.resolve(out), new TextEncoder().encode(yaml));
  io.stdout(`wrote ${out}\n`);
  return 0;
}

async function check(args: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parseArgs(args, ['contract', 'reference-date', ...IMPORT_FLAGS], ['json', ...IMPORT_BOOLEANS]);
  if (p.positional.length !== 1) throw new UsageError('contract check needs exactly one input file');
  const contractFile = flagString(p, 'contract');
  if (!contractFile) throw new UsageError('contract check needs --contract <file.odcs.yaml>');
  const contract = readContractFile(contractFile);
  const file = p.positional[0]!;
  const options = importOptionsFromFlags(p.flags);
  const report = await withEngine(async (engine) => runContractFile(engine, await loadFile(engine, file, options), contract, flagString(p, 'reference-date')));
  io.stdout(p.flags.get('json') ? JSON.stringify(report, null, 2) + '\n' : formatContractReport(file, report));
  return report.ok ? 0 : 1;
}

export const contractCommand: Command = {
  name: 'contract',
  summary: 'Data contracts (ODCS v3.1.0): write one from a file (init), run one against a file (check; exit 1 when broken), or export its rules and the check pack as ODCS, SodaCL or dbt tests (export).',
  usage:
    'meshlens contract init <file> --out x.odcs.yaml [--owner O] [--name N] [--domain D] [--consumer "A,B"] [--accept rule_id,…] | meshlens contract check <file> --contract x.odcs.yaml [--json] | meshlens contract export <file> --format odcs|sodacl|dbt [--contract x.odcs.yaml] [--out path]',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'init') return init(rest, io);
    if (sub === 'check') return check(rest, io);
    if (sub === 'export') return exportContract(rest, io);
    throw new UsageError(`contract needs a sub-command: init, check or export (got ${sub ? `'${sub}'` : 'nothing'})`);
  },
};

/** One contract report per audited file, for `meshlens audit --contract`. */
export interface FileContractReport {
  file: string;
  report: ContractReport;
}

export async function contractReportsFor(engine: Engine, results: ImportResult[], contract: OdcsContract, referenceDate?: string, audited: CheckDataset[] = []): Promise<FileContractReport[]> {
  const out: FileContractReport[] = [];
  for (const [i, r] of results.entries()) out.push({ file: r.path, report: await runContractFile(engine, r, contract, referenceDate, audited[i]) });
  return out;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Add the contract reports to an audit's output in the same format (JSON key, Markdown section, JUnit suite, text). */
export function withContractReports(output: string, format: string | undefined, reports: FileContractReport[]): string {
  if (!reports.length) return output;
  if (format === 'json') return JSON.stringify({ ...(JSON.parse(output) as object), contracts: reports }, null, 2) + '\n';
  if (format === 'junit') {
    const suites = reports.map(({ file, report: r }) => {
      const cases = [
        ...r.drift.map((d) => `    <testcase classname="contract.schema" name="${xml(`${d.change} ${d.column}`)}">${d.breaking ? `<failure message="${xml(d.message)}"/>` : ''}</testcase>`),
        ...r.rules.map((q) => `    <testcase classname="contract.rules" name="${xml(q.title)}">${q.status === 'fail' ? `<failure message="${xml(q.message)}"/>` : q.status === 'not-run' ? `<skipped message="${xml(q.message)}"/>` : ''}</testcase>`),
      ];
      return `  <testsuite name="${xml(`contract ${r.contractName}: ${file}`)}" tests="${cases.length}" failures="${r.breakingChanges + r.failedRules}" skipped="${r.skippedRules}">\n${cases.join('\n')}\n  </testsuite>`;
    });
    return output.replace(/<\/testsuites>\s*$/, `${suites.join('\n')}\n</testsuites>\n`);
  }
  const body = reports.map(({ file, report }) => formatContractReport(file, report)).join('\n');
  return format === 'markdown' ? `${output}\n## Data contract\n\n\`\`\`\n${body}\`\`\`\n` : `${output}\n${body}`;
}
