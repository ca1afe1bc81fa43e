/** `meshlens audit` end to end through the CLI dispatcher: real files, real duckdb-wasm, exit codes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/index';
import { FIXTURES } from './helpers';

const tmp = mkdtempSync(path.join(tmpdir(), 'meshlens-audit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['audit', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
const fx = (name: string) => path.join(FIXTURES, name);

describe('meshlens audit', () => {
  it('--json: files (inspect objects), findings and a summary with the score; exit 1 on error findings', async () => {
    const r = await run(
      fx('google-ads-clean.csv'),
      fx('funnel-inversion-clicks-above-impressions.csv'),
      '--json',
      '--reference-date',
      '2026-01-15',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['files', 'findings', 'summary']);
    expect(j.files).toHaveLength(2);
    expect(j.files[0].rows).toBe(28);
    expect(j.files[0].columns[0].name).toBe('Day');
    const funnel = j.findings.find((f: { check: string }) => f.check === 'funnel_inversion');
    expect(funnel).toMatchObject({
      severity: 'error',
      file: 'funnel-inversion-clicks-above-impressions.csv',
      rows: 3,
      owner: 'ads',
      columns: ['Clicks', 'Impr.'],
    });
    expect(funnel.sample.map((s: { line: number }) => s.line)).toEqual([3, 6, 10]);
    for (const key of [
      'check',
      'severity',
      'file',
      'columns',
      'rows',
      'message',
      'sample',
      'fix',
      'owner',
      'dimension',
    ])
      expect(funnel).toHaveProperty(key);
    expect(j.summary.errors).toBe(1);
    // The funnel file ends on 5 January, ten days before the reference date: a report of a past period is
    // old, not stale, so that is an info (it used to be a warning on every healthy past-month export).
    expect(
      j.findings
        .filter((f: { check: string }) => f.check === 'stale_data')
        .map((f: { severity: string; file: string }) => [f.severity, f.file]),
    ).toEqual([['info', 'funnel-inversion-clicks-above-impressions.csv']]);
    expect(j.summary.warnings).toBe(0);
    expect(j.summary.datasets[0]).toMatchObject({
      file: 'google-ads-clean.csv',
      score: 100,
      platform: 'google_ads',
    });
    expect(j.summary.datasets[1].score).toBeLessThan(100);
    expect(j.summary.score).toBe(Math.round((j.summary.datasets[0].score + j.summary.datasets[1].score) / 2));
    expect(j.summary.scoring).toMatch(/severity points/);
  });

  it('exit 0 on a clean file, and with --no-fail despite errors', async () => {
    expect((await run(fx('meta-ads-clean.csv'), '--reference-date', '2026-01-15')).code).toBe(0);
    expect(
      (await run(fx('negative-metric-refund-row.csv'), '--no-fail', '--reference-date', '2026-01-06')).code,
    ).toBe(0);
  });

  it('--markdown for people: score, findings with why, fix, owner and lines, and the scoring rule', async () => {
    const r = await run(
      fx('mixed-currency-two-accounts.csv'),
      '--markdown',
      '--reference-date',
      '2026-01-11',
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^# MeshLens audit/);
    expect(r.out).toContain('`mixed_currency`');
    expect(r.out).toContain('**Why it matters:**');
    expect(r.out).toContain('**Owner:** Paid media team');
    expect(r.out).toContain('**lines:** 3, 7, 9');
    expect(r.out).toContain('Score = 100 minus');
  });

  it('--junit for CI: a suite per file, a case per check, failures for errors and warnings', async () => {
    const r = await run(
      fx('google-ads-clean.csv'),
      fx('duplicate-rows-appended-export.csv'),
      '--junit',
      '--reference-date',
      '2026-01-15',
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="meshlens audit" tests="44" failures="1"/,
    );
    expect(r.out.match(/<testsuite /g)).toHaveLength(2);
    expect(r.out.match(/<testcase /g)).toHaveLength(44);
    expect(r.out).toContain(
      '<testcase classname="duplicate-rows-appended-export.csv" name="duplicate_rows: Duplicate rows"><failure type="error"',
    );
  });

  it('a YAML config turns checks off and sets thresholds', async () => {
    const config = path.join(tmp, 'meshlens.yaml');
    writeFileSync(config, 'referenceDate: 2026-01-11\nchecks:\n  duplicate_rows: off\n');
    const r = await run(fx('duplicate-rows-appended-export.csv'), '--json', '--config', config);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings.filter((f: { check: string }) => f.check === 'duplicate_rows')).toEqual(
      [],
    );
  });

  it('exit 2 on usage and input errors, with one line on stderr', async () => {
    const bad = path.join(tmp, 'bad.yaml');
    writeFileSync(bad, 'checks:\n  no_such_check: off\n');
    const cases: string[][] = [
      [],
      [fx('google-ads-clean.csv'), '--json', '--junit'],
      [fx('google-ads-clean.csv'), '--reference-date', '31/01/2026'],
      [fx('google-ads-clean.csv'), '--config', path.join(tmp, 'missing.yaml')],
      [fx('google-ads-clean.csv'), '--config', bad],
      [path.join(tmp, 'no-such-file.csv')],
      [fx('google-ads-clean.csv'), '--colour'],
    ];
    for (const args of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
