/**
 * Evaluating a policy pack on one dataset and its data product: exactly the pack's policies, each pass or
 * fail, from the findings, the built-in rules and the product's contract. The governance walkthrough, the
 * app's governance panel and `meshlens audit --policy` all call evaluatePolicyPack.
 */
import { checkById } from '../checks/catalogue';
import { builtInRule } from './policies';
import type { PolicyEvidence, PolicyResult } from './policies';
import type { Policy, PolicyPack } from './policy-pack';
import { proofLabel } from './policy-pack';

/** Problems a pack's author should fix: proofs that name a check MeshLens does not have. */
export function policyPackProblems(pack: PolicyPack): string[] {
  return pack.policies.flatMap((p) =>
    'check' in p.provedBy && !checkById(p.provedBy.check) ? [`${p.id}: no check "${p.provedBy.check}" in the MeshLens catalogue`] : [],
  );
}

function prove(p: Policy, e: PolicyEvidence): PolicyResult {
  if ('check' in p.provedBy) {
    const id = p.provedBy.check;
    if (!checkById(id)) return { status: 'fail', columns: [], detail: `No check "${id}" in the MeshLens catalogue, so nothing proves this policy.` };
    const found = e.facts.findings.filter((f) => f.checkId === id && f.severity !== 'info' && f.count > 0);
    if (!found.length) return { status: 'pass', columns: [], detail: `The check "${id}" finds nothing.` };
    const rows = found.reduce((s, f) => s + f.count, 0);
    return { status: 'fail', columns: [...new Set(found.flatMap((f) => (f.column ? [f.column] : [])))], detail: `${found[0]!.title} (${rows} rows).` };
  }
  const id = p.provedBy.rule;
  const builtIn = builtInRule(id);
  if (builtIn) return builtIn.evaluate(e);
  const run = e.contractRun?.rules.find((r) => r.id === id);
  if (run) return run.status === 'pass' ? { status: 'pass', columns: [], detail: `Contract rule "${id}" holds.` } : { status: 'fail', columns: [], detail: `Contract rule "${id}": ${run.message}` };
  if (e.product?.objectives.some((o) => o.id === id)) return { status: 'fail', columns: [], detail: `Contract rule "${id}" has not been run on this file.` };
  return { status: 'fail', columns: [], detail: `The data product's contract has no rule "${id}".` };
}

export interface PolicyOutcome {
  id: string;
  statement: string;
  why?: string;
  severity: Policy['severity'];
  /** "check duplicate_rows" or "rule required_owner". */
  proof: string;
  status: 'pass' | 'fail';
  columns: string[];
  detail: string;
}

export interface PolicyReport {
  dataset: string;
  pack: string;
  results: PolicyOutcome[];
  passed: number;
  failed: number;
}

/** Evaluate exactly the policies in the pack (or the chosen ids of it) on one dataset and its product. */
export function evaluatePolicyPack(pack: PolicyPack, evidence: PolicyEvidence, onlyIds?: string[]): PolicyReport {
  const chosen = onlyIds ? pack.policies.filter((p) => onlyIds.includes(p.id)) : pack.policies;
  const results = chosen.map((p): PolicyOutcome => ({ id: p.id, statement: p.statement, ...(p.why ? { why: p.why } : {}), severity: p.severity, proof: proofLabel(p), ...prove(p, evidence) }));
  const failed = results.filter((r) => r.status === 'fail').length;
  return { dataset: evidence.facts.name, pack: pack.name, results, passed: results.length - failed, failed };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One sentence about a report, with a wording for no policies, all passing and some failing. */
export function policySummary(r: PolicyReport): string {
  const n = r.results.length;
  if (n === 0) return `No policies were evaluated: the pack "${r.pack}" has none chosen.`;
  if (r.failed === 0) return n === 1 ? `${r.dataset} passes the one policy evaluated.` : `${r.dataset} passes all ${n} policies evaluated.`;
  const failing = r.results.filter((x) => x.status === 'fail').map((x) => `${x.statement} (${x.detail.replace(/\.$/, '')})`);
  return `${r.dataset} fails ${r.failed} of ${plural(n, 'policy', 'policies')}: ${failing.join('; ')}.`;
}

export function policyMarkdown(r: PolicyReport): string {
  return [
    `# Policy check: ${r.dataset}`,
    '',
    `Policy pack: ${r.pack}. ${policySummary(r)}`,
    '',
    ...(r.results.length
      ? ['| Policy | Severity | Proved by | Result | Detail |', '|---|---|---|---|---|', ...r.results.map((x) => `| ${x.statement} | ${x.severity} | ${x.proof} | ${x.status} | ${x.detail.replace(/\|/g, '/')} |`)]
      : []),
  ].join('\n') + '\n';
}
