/**
 * `meshlens audit --policy pack.yaml`: evaluate exactly the policies of an organisation's policy pack on each
 * file, with the same function the governance walkthrough uses (shared/mesh/policy-eval.ts). The data
 * product comes from `--contract` when one is given; without it no owner has been named.
 */
import { readOptionFile } from './load';
import path from 'node:path';
import type { AuditedDataset } from '../../shared/audit/audit';
import type { Engine } from '../../shared/engine/types';
import type { ImportResult } from '../../shared/import/types';
import { analyseForMesh, meshAnalysisOf } from '../../shared/mesh/analyse';
import { contractToProduct } from '../../shared/mesh/odcs';
import type { OdcsContract } from '../../shared/mesh/odcs';
import { evaluatePolicyPack, policyMarkdown, policyPackProblems, policySummary } from '../../shared/mesh/policy-eval';
import type { PolicyReport } from '../../shared/mesh/policy-eval';
import { parsePolicyPack, PolicyPackError } from '../../shared/mesh/policy-pack';
import type { PolicyPack } from '../../shared/mesh/policy-pack';
import type { CheckConfig } from '../../shared/checks/types';
import type { FileContractReport } from './contract';
import { UsageError } from './types';

export function readPolicyPackFile(file: string): PolicyPack {
  const text = readOptionFile('policy', file);
  try {
    const pack = parsePolicyPack(text);
    const problems = policyPackProblems(pack);
    if (problems.length) throw new UsageError(`${file}: ${problems.join('; ')}`);
    return pack;
  } catch (err) {
    if (err instanceof PolicyPackError) throw new UsageError(`${file} is ${err.message}`);
    throw err;
  }
}

export interface FilePolicyReport {
  file: string;
  report: PolicyReport;
}

export async function policyReportsFor(
  engine: Engine,
  results: ImportResult[],
  pack: PolicyPack,
  config: CheckConfig,
  contract: OdcsContract | null,
  contracts: FileContractReport[],
  audited: AuditedDataset[] = [],
): Promise<FilePolicyReport[]> {
  const product = contract ? contractToProduct(contract) : null;
  const out: FilePolicyReport[] = [];
  for (const [i, r] of results.entries()) {
    // The audit already profiled and checked the file: its facts come from that run, not a second one.
    const done = audited[i];
    const { facts } = done ? await meshAnalysisOf(engine, r, done) : await analyseForMesh(engine, r, { name: path.basename(r.path), config });
    const contractRun = contracts.find((c) => c.file === r.path)?.report ?? null;
    out.push({ file: r.path, report: evaluatePolicyPack(pack, { facts, product, contractRun }) });
  }
  return out;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function policyText(file: string, r: PolicyReport): string {
  const lines = [`${file} against policy pack "${r.pack}": ${policySummary(r)}`];
  for (const x of r.results) lines.push(`  ${x.status === 'pass' ? 'pass' : 'FAIL'} ${x.statement} [${x.severity}, ${x.proof}]: ${x.detail}`);
  return lines.join('\n') + '\n';
}

/** Add the policy reports to an audit's output in the same format (JSON key, Markdown section, JUnit suite, text). */
export function withPolicyReports(output: string, format: string | undefined, reports: FilePolicyReport[] | null): string {
  if (!reports) return output;
  if (format === 'json') return JSON.stringify({ ...(JSON.parse(output) as object), policies: reports }, null, 2) + '\n';
  if (format === 'junit') {
    const suites = reports.map(({ file, report: r }) => {
      const cases = r.results.map((x) => `    <testcase classname="policy.${xml(x.severity)}" name="${xml(x.statement)}">${x.status === 'fail' ? `<failure message="${xml(x.detail)}"/>` : ''}</testcase>`);
      return `  <testsuite name="${xml(`policies ${r.pack}: ${file}`)}" tests="${cases.length}" failures="${r.failed}">${cases.length ? `\n${cases.join('\n')}\n  ` : ''}</testsuite>`;
    });
    return output.replace(/<\/testsuites>\s*$/, `${suites.join('\n')}\n</testsuites>\n`);
  }
  if (format === 'markdown') return `${output}\n${reports.map(({ report }) => policyMarkdown(report).replace(/^# /, '## ')).join('\n')}`;
  return `${output}\n${reports.map(({ file, report }) => policyText(file, report)).join('\n')}`;
}

/** True when a policy of severity error fails on any file. */
export const policiesFail = (reports: FilePolicyReport[] | null): boolean =>
  Boolean(reports?.some((r) => r.report.results.some((x) => x.status === 'fail' && x.severity === 'error')));
