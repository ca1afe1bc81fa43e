/** `meshlens reconcile` end to end through the CLI dispatcher: real files, exit codes, JSON, Markdown, HTML, YAML config. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/index';
import { reconcileConfigYaml } from '../../../shared/reconcile/config';

const FX = path.resolve(__dirname, '../../fixtures/reconcile');
const DEMO = path.resolve(__dirname, '../../../assets/demo');
const tmp = mkdtempSync(path.join(tmpdir(), 'meshlens-reconcile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['reconcile', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
const fx = (name: string) => path.join(FX, name);

describe('meshlens reconcile', () => {
  it('--json on two agreeing files: no finding, exit 0, keys confirmed', async () => {
    const r = await run(fx('google-ads-march.csv'), fx('finance-spend-agrees.csv'), '--on', 'campaign,date', '--metric', 'cost', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.findings).toEqual([]);
    expect(j.keys.filter((k: { confirmed: boolean }) => k.confirmed).map((k: { kind: string }) => k.kind).sort()).toEqual(['campaign', 'date']);
    expect(j.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it('--markdown on files that disagree lists the spend difference and the orphan campaigns', async () => {
    const r = await run(fx('google-ads-march.csv'), fx('finance-spend-mismatch.csv'), '--on', 'campaign,date', '--markdown');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Compared period: **2026-03-01 to 2026-03-10**');
    expect(r.out).toContain('Cost differs on 2 of 20 day × campaign cells');
    expect(r.out).toContain('"Shopping Feed" 556.81');
    expect(r.out).toContain('"YouTube Launch" 300.00');
  });

  it('a YAML config with more than two sources, the demo company: over-claim, lift and the honest sentence; --html', async () => {
    const cfg = path.join(tmp, 'reconcile.yaml');
    writeFileSync(
      cfg,
      [
        'truth: crm-opportunities-2026-09.csv',
        'sources:',
        `  - file: ${path.join(DEMO, 'crm-opportunities-2026-09.csv')}`,
        `  - file: ${path.join(DEMO, 'google-ads-campaigns-2026-09.csv')}`,
        `  - file: ${path.join(DEMO, 'meta-ads-2026-09.csv')}`,
        `  - ${path.join(DEMO, 'geo-test-meta-2026-09.csv')}`,
      ].join('\n'),
    );
    const j = JSON.parse((await run('--config', cfg, '--json')).out);
    expect(j.overclaim.truth).toMatchObject({ name: 'crm-opportunities-2026-09.csv', kind: 'won deals', total: 110 });
    expect(j.overclaim.claims.map((c: { label: string }) => c.label)).toEqual(['Google Ads', 'Meta Ads']);
    expect(j.lift.sentence).toMatch(/^Meta claimed 223 \(meta_claimed_purchases in geo-test-meta-2026-09\.csv, group test, 2026-09-15 to 2026-09-30\); the test shows \d+ \(\d+–\d+\) more than control\.$/);
    const html = (await run('--config', cfg, '--html')).out;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2>Claimed against actual conversions</h2>');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('Reconcile contradiction on the demo company: two "Meta claimed" numbers say which file, cells and days each counts', async () => {
    const cfg = path.join(tmp, 'reconcile.yaml');
    const j = JSON.parse((await run('--config', cfg, '--json')).out) as {
      overclaim: { claims: { label: string; name: string; claimed: number }[] };
      lift: { sentence: string; otherClaim?: string };
    };
    const meta = j.overclaim.claims.find((c) => c.label === 'Meta Ads')!;
    expect(meta.name).toBe('meta-ads-2026-09.csv');
    expect(Math.round(meta.claimed)).not.toBe(223); // the two files really disagree
    expect(j.lift.sentence).toContain('geo-test-meta-2026-09.csv');
    expect(j.lift.otherClaim).toContain(`Meta Ads claims ${Math.round(meta.claimed)} (`);
    expect(j.lift.otherClaim).toContain('in meta-ads-2026-09.csv, all rows, 2026-09-01 to 2026-09-30');
    expect(j.lift.otherClaim).toContain('Meta claims 223 (meta_claimed_purchases in geo-test-meta-2026-09.csv, group test, 2026-09-15 to 2026-09-30)');
    const md = (await run('--config', cfg)).out;
    expect(md).toContain('Not the same count as the claimed-against-actual comparison');
  });

  it('reads the settings the Reconcile screen saves (reconcile.yaml beside the files): a currency set there is applied', async () => {
    const dir = mkdtempSync(path.join(tmp, 'app-'));
    for (const f of ['google-ads-march.csv', 'finance-spend-agrees.csv']) copyFileSync(fx(f), path.join(dir, f));
    const cfg = path.join(dir, 'reconcile.yaml');
    writeFileSync(cfg, reconcileConfigYaml({ on: ['campaign', 'date'], sources: [{ file: 'google-ads-march.csv' }, { file: 'finance-spend-agrees.csv', currency: 'USD', timeZone: 'America/New_York' }] }));
    const j = JSON.parse((await run('--config', cfg, '--json')).out) as { findings: { check: string }[] };
    expect(j.findings.map((f) => f.check)).toEqual(['currency_mismatch']);
    writeFileSync(cfg, reconcileConfigYaml({ sources: [{ file: 'google-ads-march.csv', timeZone: 'Berlin time' }, { file: 'finance-spend-agrees.csv' }] }));
    const bad = await run('--config', cfg, '--json');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"Berlin time" is not a time zone');
  });

  it('usage errors exit 2 with one line', async () => {
    const bad = path.join(tmp, 'bad.yaml');
    writeFileSync(bad, 'sources: 3\n');
    for (const args of [[fx('google-ads-march.csv')], [fx('google-ads-march.csv'), fx('crm-deals.csv'), '--json', '--html'], ['--config', bad], [fx('google-ads-march.csv'), fx('crm-deals.csv'), '--test-start', '15/09/2026']]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
