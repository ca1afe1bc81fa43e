/**
 * audit_with_policy_profiled_and_checked_each_file_twice: `meshlens audit --policy` profiled and checked
 * every file once for the audit and again for the policies (and once more for a contract's MeshLens rules,
 * `type: custom, engine: meshlens`). Policies and contract rules read the audit's own profile, roles and
 * findings now.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { NativeEngine } from '../../../electron/engine/native-engine';
import { cliInProcess } from '../../helpers/cli-in-process';
import { EXAMPLE_PACK_PATH } from '../../helpers/policy-packs';
import { DEMO_DIR, REFERENCE_DATE } from '../mesh/demo-loader';

const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('audit_with_policy_profiled_and_checked_each_file_twice: one profile per file, the same reports', async () => {
  const sept = path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv');
  const contract = path.join(dir, 'ads.odcs.yaml');
  const init = await cliInProcess('contract', 'init', sept, '--out', contract, '--owner', 'Jana Roth', '--reference-date', REFERENCE_DATE);
  expect(init.code).toBe(0);

  const query = vi.spyOn(NativeEngine.prototype, 'query');
  const r = await cliInProcess('audit', sept, '--contract', contract, '--policy', EXAMPLE_PACK_PATH, '--json', '--reference-date', REFERENCE_DATE, '--no-fail');
  const profiles = query.mock.calls.filter(([sql]) => /^SELECT count\(\*\)::BIGINT AS n FROM /.test(sql)).length;
  query.mockRestore();
  expect(r.code).toBe(0);
  expect(profiles).toBe(1);

  const doc = JSON.parse(r.stdout) as {
    contracts: { report: { rules: { id: string; status: string }[] } }[];
    policies: { report: { results: { id: string; status: string }[] } }[];
  };
  // The same answers the separate runs give (test/engine/mesh/cli-contract.test.ts, cli-policy.test.ts).
  expect(doc.contracts[0]!.report.rules.find((x) => x.id === 'no_funnel_inversions')!.status).toBe('fail');
  expect(doc.policies[0]!.report.results).toHaveLength(9);
});
