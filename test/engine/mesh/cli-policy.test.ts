import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli-in-process';
import { EXAMPLE_PACK_PATH, TWO_POLICY_PACK_YAML } from '../../helpers/policy-packs';
import { DEMO_DIR, REFERENCE_DATE } from './demo-loader';

const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliInProcess;

const sept = path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv');

describe('meshlens audit --policy', () => {
  it('a custom pack with two policies reports exactly those two, with pass or fail', async () => {
    const pack = path.join(dir, 'two.policies.yaml');
    writeFileSync(pack, TWO_POLICY_PACK_YAML);
    const r = await cli('audit', sept, '--policy', pack, '--json', '--reference-date', REFERENCE_DATE, '--no-fail');
    const doc = JSON.parse(r.stdout) as { policies: { report: { results: { id: string; status: string }[] } }[] };
    expect(doc.policies).toHaveLength(1);
    expect(doc.policies[0]!.report.results.map((x) => [x.id, x.status])).toEqual([
      ['funnel_holds', 'fail'],
      ['has_owner', 'fail'],
    ]);
    const text = await cli('audit', sept, '--policy', pack, '--reference-date', REFERENCE_DATE, '--no-fail');
    expect(text.stdout).toContain('against policy pack "Fjordline marketing policies": google-ads-campaigns-2026-09.csv fails 2 of 2 policies');
    expect(text.stdout).toContain('FAIL Clicks never exceed impressions [error, check funnel_inversion]');
  });

  it('an empty pack reports none, and a failing error policy makes the exit code 1', async () => {
    const empty = path.join(dir, 'empty.policies.yaml');
    writeFileSync(empty, 'format: meshlens-policy-pack\nversion: 1\nname: Empty\npolicies: []\n');
    const meta = path.join(DEMO_DIR, 'meta-ads-2026-09.csv');
    const r = await cli('audit', meta, '--policy', empty, '--json', '--reference-date', REFERENCE_DATE, '--no-fail');
    expect((JSON.parse(r.stdout) as { policies: { report: { results: unknown[] } }[] }).policies[0]!.report.results).toEqual([]);
    const junit = await cli('audit', meta, '--policy', EXAMPLE_PACK_PATH, '--junit', '--reference-date', REFERENCE_DATE);
    expect(junit.code).toBe(1); // no owner named: an error-severity policy fails
    expect(junit.stdout).toMatch(/<testsuite name="policies MeshLens example policies: [^"]+" tests="9" failures="[1-9]/);
    expect(junit.stdout.trim().endsWith('</testsuites>')).toBe(true);
  });

  it('a pack that names an unknown check is a usage error, exit 2', async () => {
    const bad = path.join(dir, 'bad.policies.yaml');
    writeFileSync(bad, TWO_POLICY_PACK_YAML.replace('check: funnel_inversion', 'check: no_such_check'));
    const r = await cli('audit', sept, '--policy', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no check "no_such_check" in the MeshLens catalogue');
  });
});
