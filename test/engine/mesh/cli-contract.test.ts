import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli-in-process';
import { ODCS_SCHEMA } from '../../helpers/standards';
import { DEMO_DIR, REFERENCE_DATE } from './demo-loader';

const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliInProcess;

describe('meshlens contract', () => {
  const out = path.join(dir, 'ads.odcs.yaml');

  it('init writes a contract that validates against ODCS v3.1.0', async () => {
    const r = await cli('contract', 'init', path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv'), '--out', out, '--owner', 'Jana Roth', '--consumer', 'CMO dashboard, Finance', '--reference-date', REFERENCE_DATE);
    expect(r.stderr).toContain('117 rows');
    expect(r.code).toBe(0);
    const doc = parse(readFileSync(out, 'utf8')) as { team: { members: { username: string }[] }; roles: { description: string }[] };
    const ajv = new Ajv2019({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(ODCS_SCHEMA, 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.team.members[0]!.username).toBe('Jana Roth');
    expect(doc.roles.map((x) => x.description)).toEqual(['Owner: Jana Roth', 'CMO dashboard', 'Finance']);
  });

  it('check exits 0 on next month’s file (new column only) and 1 on its own file (known violations)', async () => {
    const oct = await cli('contract', 'check', path.join(DEMO_DIR, 'google-ads-campaigns-2026-10.csv'), '--contract', out, '--reference-date', REFERENCE_DATE);
    expect(oct.stdout).toContain('extra    New column "Conv. value"');
    expect(oct.code).toBe(0);
    const sept = await cli('contract', 'check', path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv'), '--contract', out, '--json', '--reference-date', REFERENCE_DATE);
    expect(sept.code).toBe(1);
    const rep = JSON.parse(sept.stdout) as { failedRules: number; rules: { id: string; status: string }[] };
    expect(rep.rules.find((x) => x.id === 'no_funnel_inversions')!.status).toBe('fail');
  });

  it('audit --contract adds the contract report in every output format and fails on a broken contract', async () => {
    const sept = path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv');
    const oct = path.join(DEMO_DIR, 'google-ads-campaigns-2026-10.csv');
    const text = await cli('audit', sept, '--contract', out, '--reference-date', REFERENCE_DATE, '--no-fail');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('against contract "Google Ads daily performance"');
    expect(text.stdout).toContain('FAIL No funnel inversions');
    const json = await cli('audit', oct, '--contract', out, '--json', '--reference-date', REFERENCE_DATE);
    const doc = JSON.parse(json.stdout) as { contracts: { file: string; report: { ok: boolean; drift: { column: string }[] } }[] };
    expect(doc.contracts).toHaveLength(1);
    expect(doc.contracts[0]!.report.drift.map((d) => d.column)).toEqual(['Conv. value']);
    const junit = await cli('audit', sept, '--contract', out, '--junit', '--reference-date', REFERENCE_DATE);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/<testsuite name="contract Google Ads daily performance: [^"]+" tests="\d+" failures="[1-9]/);
    expect(junit.stdout.trim().endsWith('</testsuites>')).toBe(true);
  });

  it('init offers findings as candidate rules and writes only those accepted with --accept', async () => {
    const file = path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv');
    const plain = await cli('contract', 'init', file, '--out', path.join(dir, 'plain.odcs.yaml'), '--reference-date', REFERENCE_DATE);
    expect(plain.stderr).toMatch(/offered, not accepted: check_funnel_inversion \(Keep fixed: .*\); add it with --accept check_funnel_inversion/);
    expect(readFileSync(path.join(dir, 'plain.odcs.yaml'), 'utf8')).not.toContain('check_funnel_inversion');
    const accepted = path.join(dir, 'accepted.odcs.yaml');
    expect((await cli('contract', 'init', file, '--out', accepted, '--accept', 'check_funnel_inversion', '--reference-date', REFERENCE_DATE)).code).toBe(0);
    expect(readFileSync(accepted, 'utf8')).toContain('implementation: funnel_inversion');
    const unknown = await cli('contract', 'init', file, '--out', accepted, '--accept', 'check_nothing');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--accept: no candidate rule check_nothing');
  });

  it('Data product shows a freshness promise the user never accepted: init offers freshness and writes it only with --accept freshness', async () => {
    const file = path.join(DEMO_DIR, 'google-ads-campaigns-2026-09.csv');
    const plainOut = path.join(dir, 'nofresh.odcs.yaml');
    const plain = await cli('contract', 'init', file, '--out', plainOut, '--reference-date', REFERENCE_DATE);
    expect(plain.stderr).toContain('offered, not accepted: freshness (refreshed every 1 day(s), at most 1 behind; suggested from the file: daily rows; newest day 2026-09-30); add it with --accept freshness');
    expect(readFileSync(plainOut, 'utf8')).not.toContain('slaProperties');
    const withOut = path.join(dir, 'fresh.odcs.yaml');
    expect((await cli('contract', 'init', file, '--out', withOut, '--accept', 'freshness', '--reference-date', REFERENCE_DATE)).code).toBe(0);
    expect(readFileSync(withOut, 'utf8')).toMatch(/property: frequency/);
  });

  it('usage errors exit 2 with one line', async () => {
    expect((await cli('contract', 'init', 'x.csv')).code).toBe(2);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'kind: Something\n');
    const r = await cli('contract', 'check', path.join(DEMO_DIR, 'meta-ads-2026-09.csv'), '--contract', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an ODCS contract/);
    expect((await cli('contract', 'frobnicate')).code).toBe(2);
  });
});
