/**
 * The organisation's policy pack: write, import, edit and share it (export a file for other domains), saved in
 * the workspace. Until a pack is adopted, the example pack is shown; editing it adopts it. The results below
 * are the same evaluation the governance walkthrough and `meshlens audit --policy` run.
 */
import { useState } from 'react';
import { CATALOGUE } from '../../../../shared/checks/catalogue';
import { BUILT_IN_RULES } from '../../../../shared/mesh/policies';
import type { PolicyEvidence } from '../../../../shared/mesh/policies';
import { evaluatePolicyPack, policyPackProblems, policySummary } from '../../../../shared/mesh/policy-eval';
import {
  emptyPolicyPack,
  parsePolicyPack,
  policyPackSchema,
  stringifyPolicyPack,
} from '../../../../shared/mesh/policy-pack';
import type { Policy, PolicyPack } from '../../../../shared/mesh/policy-pack';
import type { DatasetFacts } from '../../../../shared/mesh/types';
import { getBridge } from '../../bridge';
import { setPolicyPack, useStore } from '../../store';
import { examplePolicyPack } from './example-pack';
import { FileButton } from '../../components/FileButton';

/** A chosen file's text (FileReader where Blob.text is missing, as in older embedded browsers). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

const proofValue = (p: Policy) =>
  'check' in p.provedBy ? `check:${p.provedBy.check}` : `rule:${p.provedBy.rule}`;
const proofOf = (v: string): Policy['provedBy'] =>
  v.startsWith('check:') ? { check: v.slice(6) } : { rule: v.slice(5) };

export function PolicyPackPanel({
  facts,
  product,
}: {
  facts: DatasetFacts;
  product: NonNullable<PolicyEvidence['product']>;
}) {
  const adopted = useStore((s) => s.policyPack);
  // An edit that leaves the pack invalid (an empty statement, a duplicate id) stays a draft until it is fixed.
  const [draft, setDraft] = useState<{ pack: PolicyPack; problem: string } | null>(null);
  const pack = draft?.pack ?? adopted ?? examplePolicyPack();
  const [message, setMessage] = useState<string | null>(null);
  const edit = (next: PolicyPack) => {
    const r = policyPackSchema.safeParse(next);
    if (r.success) {
      setDraft(null);
      setPolicyPack(r.data);
    } else {
      const issue = r.error.issues[0];
      setDraft({ pack: next, problem: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    }
  };
  const setPolicy = (i: number, patch: Partial<Policy>) =>
    edit({ ...pack, policies: pack.policies.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const report = evaluatePolicyPack(pack, { facts, product });
  const problems = [
    ...(draft ? [`Not saved until fixed: ${draft.problem}`] : []),
    ...policyPackProblems(pack),
  ];
  const proofs = [
    ...BUILT_IN_RULES.map((r) => ({ value: `rule:${r.id}`, label: `Rule: ${r.title}` })),
    ...product.objectives.map((o) => ({ value: `rule:${o.id}`, label: `Contract rule: ${o.title}` })),
    ...CATALOGUE.map((c) => ({ value: `check:${c.id}`, label: `Check: ${c.title}` })),
  ];

  const importPack = async (file: File) => {
    try {
      const next = parsePolicyPack(await readText(file));
      edit(next);
      setMessage(`Read ${file.name}: policy pack "${next.name}" with ${next.policies.length} policies.`);
    } catch (e) {
      setMessage(`${file.name} could not be used: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const exportPack = async () => {
    const where = await getBridge().saveFile(
      `${pack.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase() || 'policies'}.policies.yaml`,
      new TextEncoder().encode(stringifyPolicyPack(pack)),
      'application/yaml',
    );
    setMessage(where ? `Policy pack saved to ${where}. Share it with the other domains.` : null);
  };
  const addPolicy = () => {
    let n = pack.policies.length + 1;
    while (pack.policies.some((p) => p.id === `policy_${n}`)) n++;
    edit({
      ...pack,
      policies: [
        ...pack.policies,
        {
          id: `policy_${n}`,
          statement: 'Describe the policy',
          provedBy: { rule: 'required_owner' },
          severity: 'error',
        },
      ],
    });
  };

  return (
    <section className="policy-pack" data-testid="policy-pack-panel">
      <h2>Policy pack: {pack.name}</h2>
      <p className="muted" data-testid="policy-pack-status">
        {adopted
          ? 'Saved in this workspace.'
          : 'The example pack: edit it or import your organisation’s to adopt one for this workspace.'}{' '}
        {policySummary(report)}
      </p>
      <div className="mesh-buttons">
        <FileButton label="Import a policy pack…" accept=".yaml,.yml,.json" testId="policy-pack-file" onFile={(f) => void importPack(f)} />
        <button
          type="button"
          className="btn"
          data-testid="policy-pack-export"
          onClick={() => void exportPack()}
        >
          Export policy pack (.yaml)
        </button>
        <button
          type="button"
          className="btn"
          data-testid="policy-pack-example"
          onClick={() => edit(examplePolicyPack())}
        >
          Start from the example pack
        </button>
        <button
          type="button"
          className="btn"
          data-testid="policy-pack-empty"
          onClick={() => edit(emptyPolicyPack('Our data policies'))}
        >
          Start an empty pack
        </button>
      </div>
      {message && (
        <p className="muted" role="status" data-testid="policy-pack-message">
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <p className="contract-breaking" data-testid="policy-pack-problems">
          {problems.join('; ')}
        </p>
      )}
      <label>
        Pack name{' '}
        <input
          aria-label="Policy pack name"
          value={pack.name}
          onChange={(e) => edit({ ...pack, name: e.target.value })}
        />
      </label>
      <table className="mesh-table" data-testid="policy-pack-table">
        <thead>
          <tr>
            <th>Id</th>
            <th>Statement</th>
            <th>Proved by</th>
            <th>Severity</th>
            <th>Result on {facts.name}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {pack.policies.map((p, i) => {
            const r = report.results.find((x) => x.id === p.id);
            return (
              <tr key={i} data-testid="policy-row" data-status={r?.status}>
                <td>
                  <input
                    aria-label={`Policy ${i + 1} id`}
                    value={p.id}
                    onChange={(e) => setPolicy(i, { id: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Policy ${i + 1} statement`}
                    data-testid={`policy-statement-${i}`}
                    value={p.statement}
                    onChange={(e) => setPolicy(i, { statement: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Policy ${i + 1} proof`}
                    value={proofValue(p)}
                    onChange={(e) => setPolicy(i, { provedBy: proofOf(e.target.value) })}
                  >
                    {!proofs.some((x) => x.value === proofValue(p)) && (
                      <option value={proofValue(p)}>{proofValue(p)}</option>
                    )}
                    {proofs.map((x) => (
                      <option key={x.value} value={x.value}>
                        {x.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Policy ${i + 1} severity`}
                    value={p.severity}
                    onChange={(e) => setPolicy(i, { severity: e.target.value as Policy['severity'] })}
                  >
                    <option value="error">error</option>
                    <option value="warning">warning</option>
                  </select>
                </td>
                <td>{r ? `${r.status}: ${r.detail}` : '–'}</td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    aria-label={`Remove policy ${p.id}`}
                    onClick={() => edit({ ...pack, policies: pack.policies.filter((_, j) => j !== i) })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="btn" data-testid="policy-add" onClick={addPolicy}>
        Add a policy
      </button>
    </section>
  );
}
