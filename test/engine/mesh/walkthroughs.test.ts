import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { DEMO_FILES } from '../../../shared/mesh/demo';
import type { DatasetFacts, MeshContext, MeshFinding } from '../../../shared/mesh/types';
import { answerStep, applyAnswer, buildArtefact, NO_DATASET, renderStep, restoreProgress, startProgress, WALKTHROUGHS } from '../../../shared/mesh/walkthroughs';
import type { Answer, Walkthrough, WalkthroughProgress } from '../../../shared/mesh/walkthroughs';
import { loadAllDemos, loadBytes, PLAIN_CSV } from './demo-loader';
import { analyseImport } from '../../../shared/audit/dataset';
import { attributionByTruth } from '../../../shared/reconcile/run';
import type { PolicyReport } from '../../../shared/mesh/policy-eval';
import { parsePolicyPack } from '../../../shared/mesh/policy-pack';
import { EXAMPLE_PACK, TWO_POLICY_PACK_YAML } from '../../helpers/policy-packs';

let engine: NodeEngine;
let all: DatasetFacts[];
let plain: DatasetFacts;

beforeAll(async () => {
  engine = await NodeEngine.create();
  all = [...(await loadAllDemos(engine)).values()].map((l) => l.facts);
  plain = (await loadBytes(engine, 'plain.csv', new TextEncoder().encode(PLAIN_CSV))).facts;
}, 240_000); // five demo files imported and audited on a shared CPU
afterAll(async () => engine.close());

/**
 * Run a walkthrough as the app does: each answer (given by step id, else what the step shows) is recorded and
 * written to the data product, which later steps and the artefact read. Pick-dataset steps take the given file
 * or, when none is given, the explicit "none" choice: nothing is picked for the user.
 */
function runToEnd(w: Walkthrough, start: MeshContext, given: Record<string, Answer> = {}): { texts: string[]; progress: WalkthroughProgress; ctx: MeshContext } {
  let ctx = start;
  let p = startProgress(w, ctx.active.name);
  const texts: string[] = [];
  for (let guard = 0; guard < 50 && !p.completed; guard++) {
    const r = renderStep(w, ctx, p);
    texts.push(r.title, r.text);
    const answer = given[r.step.id] ?? (r.step.action.kind === 'pick-dataset' ? NO_DATASET : undefined);
    const { progress, patch } = applyAnswer(w, ctx, p, answer);
    p = progress;
    if (patch) ctx = { ...ctx, product: { ...(ctx.product ?? {}), ...patch } };
  }
  return { texts, progress: p, ctx };
}

function expectClean(texts: string[]) {
  for (const t of texts) {
    expect(t.trim().length).toBeGreaterThan(0);
    expect(t).not.toMatch(/\{[A-Za-z_.]+\}/);
    expect(t).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
  }
}

describe('every walkthrough runs to the end', () => {
  for (const w of WALKTHROUGHS) {
    for (const demo of DEMO_FILES) {
      it(`${w.id} on ${demo.file}`, () => {
        const active = all.find((f) => f.name === demo.file)!;
        const ctx = { active, datasets: all };
        const { texts, progress, ctx: end } = runToEnd(w, ctx);
        expect(progress.completed).toBe(true);
        expect(progress.step).toBe(w.steps.length - 1);
        expectClean(texts);
        const a = buildArtefact(w, end, progress);
        expect(a.content.length).toBeGreaterThan(20);
        expectClean([a.markdown]);
      });
    }
    it(`${w.id} on a plain CSV without roles, alone`, () => {
      const ctx = { active: plain, datasets: [plain] };
      const { texts, progress, ctx: end } = runToEnd(w, ctx);
      expect(progress.completed).toBe(true);
      expectClean(texts);
      expect(buildArtefact(w, end, progress).content.length).toBeGreaterThan(20);
    });
  }
});

describe('walkthrough content uses the user’s numbers', () => {
  it('quotes rows, dates and the domain of the Google Ads file', () => {
    const active = all.find((f) => f.name === 'google-ads-campaigns-2026-09.csv')!;
    const { texts } = runToEnd(WALKTHROUGHS[0]!, { active, datasets: all });
    const joined = texts.join('\n');
    expect(joined).toContain('117 rows');
    expect(joined).toContain('from 2026-09-01 to 2026-09-30 (30 days, with 1 day missing)');
    expect(joined).toContain('removed 2 total rows');
    expect(joined).toContain('Marketing');
  });

  it('self-serve compares September with October: new column, new campaign, more rows', () => {
    const active = all.find((f) => f.name === 'google-ads-campaigns-2026-09.csv')!;
    const w = WALKTHROUGHS.find((x) => x.id === 'self-serve-platform')!;
    const offers = renderStep(w, { active, datasets: all }, { ...startProgress(w, active.name), step: 2 }).offers;
    expect(offers.filter((o) => o.offered).map((o) => o.name)).toEqual(['google-ads-campaigns-2026-10.csv']);
    expect(offers.find((o) => o.name === 'meta-ads-2026-09.csv')).toMatchObject({ offered: false, reason: expect.stringContaining('a Meta') });
    const { progress } = runToEnd(w, { active, datasets: all }, { second: 'google-ads-campaigns-2026-10.csv' });
    expect(progress.answers.second).toBe('google-ads-campaigns-2026-10.csv');
    const a = buildArtefact(w, { active, datasets: all }, progress);
    const cmp = (a.data as { comparison: { schema: { added: string[] }; newLabels: Record<string, string[]>; volume: { before: number; after: number } } }).comparison;
    expect(cmp.schema.added).toEqual(['Conv. value']);
    expect(cmp.newLabels.Campaign).toContain('Winter Sale - DE');
    expect(cmp.volume).toEqual({ before: 117, after: 31 * 5, changePercent: expect.any(Number) });
  });

  it('honest attribution: the user picks the CRM; periods aligned; claims, test lift and models explained; the report', async () => {
    const demos = await loadAllDemos(engine);
    const inputs = [];
    for (const l of demos.values()) inputs.push({ dataset: (await analyseImport(engine, l.result)).dataset });
    const attribution = await attributionByTruth(engine, inputs);
    expect(attribution.candidates).toEqual(['crm-opportunities-2026-09.csv']);
    expect(attribution.offers.find((o) => o.name === 'meta-ads-2026-09.csv')).toMatchObject({ offered: false, reason: expect.stringMatching(/claims, not the source of truth/) });
    const active = all.find((f) => f.name === 'meta-ads-2026-09.csv')!;
    const w = WALKTHROUGHS.find((x) => x.id === 'honest-attribution')!;
    const ctx = { active, datasets: all, attribution };
    const { texts, progress } = runToEnd(w, ctx, { truth: 'crm-opportunities-2026-09.csv' });
    expectClean(texts);
    expect(progress.answers.truth).toBe('crm-opportunities-2026-09.csv');
    const all3 = texts.join('\n');
    // October's Google Ads file is outside the CRM's September period: said, never added.
    expect(all3).toMatch(/google-ads-campaigns-2026-10\.csv \(2026-10-01 to 2026-10-31\) does not overlap/);
    expect(all3).toMatch(/Google Ads claims 93\.10 \(Conversions\); Meta Ads claims 47\.00 \(Purchases\)\. Together: 140\.10\./);
    expect(all3).toMatch(/records 110 won deals in the same days\. The platforms claim 1\.27 for every deal/);
    expect(all3).toMatch(/Meta claimed 223 \(meta_claimed_purchases in geo-test-meta-2026-09\.csv, group test, 2026-09-15 to 2026-09-30\); the test shows \d+ \(\d+–\d+\) more than control\./);
    const a = buildArtefact(w, ctx, progress);
    expect(a.markdown).toContain('# Attribution report');
    expect(a.markdown).toContain('| **All platforms** | **140.10** | **110** | **1.27×** |');
    const r = a.data as { overclaim: { claims: { label: string; claimed: number; truthForChannel: number }[] } };
    for (const c of r.overclaim.claims) expect(c.claimed).toBeGreaterThan(c.truthForChannel);
  }, 120_000);

  it('honest attribution without a source of truth says so and adds nothing up', () => {
    const active = all.find((f) => f.name === 'meta-ads-2026-09.csv')!;
    const w = WALKTHROUGHS.find((x) => x.id === 'honest-attribution')!;
    const { texts } = runToEnd(w, { active, datasets: all });
    expect(texts.join(' ')).toMatch(/not been reconciled yet/);
  });

  it('federated governance flags the CRM e-mail column and non-snake_case ad headers', () => {
    const w = WALKTHROUGHS.find((x) => x.id === 'federated-governance')!;
    const crm = all.find((f) => f.name === 'crm-opportunities-2026-09.csv')!;
    const run = runToEnd(w, { active: crm, datasets: all, policyPack: EXAMPLE_PACK });
    const rep = buildArtefact(w, run.ctx, run.progress).data as PolicyReport;
    const byId = Object.fromEntries(rep.results.map((r) => [r.id, r]));
    expect(byId.pii_no_email_addresses).toMatchObject({ status: 'fail', columns: ['owner_email'] });
    expect(byId.naming_snake_case!.status).toBe('pass');
    const ads = all.find((f) => f.name === 'google-ads-campaigns-2026-09.csv')!;
    const run2 = runToEnd(w, { active: ads, datasets: all, policyPack: EXAMPLE_PACK });
    const rep2 = buildArtefact(w, run2.ctx, run2.progress).data as PolicyReport;
    expect(rep2.results.find((r) => r.id === 'naming_snake_case')!.status).toBe('fail');
    expect(rep2.results.find((r) => r.id === 'hygiene_no_summary_rows')!.status).toBe('fail');
  });

  it('federated governance evaluates exactly the pack: two policies report two, none ticked or no pack reports none', () => {
    const w = WALKTHROUGHS.find((x) => x.id === 'federated-governance')!;
    const ads = all.find((f) => f.name === 'google-ads-campaigns-2026-09.csv')!;
    const ctx = { active: ads, datasets: all, policyPack: parsePolicyPack(TWO_POLICY_PACK_YAML) };
    const run = runToEnd(w, ctx, { owner: '' }); // the suggestion ticks both; the owner is left empty
    const rep = buildArtefact(w, run.ctx, run.progress).data as PolicyReport;
    expect(rep.results.map((r) => [r.id, r.status])).toEqual([
      ['funnel_holds', 'fail'],
      ['has_owner', 'fail'],
    ]);
    expect(renderStep(w, run.ctx, { ...run.progress, step: 3 }).text).toMatch(/^google-ads-campaigns-2026-09\.csv fails 2 of 2 policies: /);
    const none = runToEnd(w, ctx, { policies: [] });
    expect((buildArtefact(w, none.ctx, none.progress).data as PolicyReport).results).toEqual([]);
    expect((buildArtefact(w, { active: ads, datasets: all, product: run.ctx.product! }, run.progress).data as PolicyReport).results).toEqual([]);
  });

  it('governance passes the owner policy only on an owner the user named, and the owner named anywhere counts', () => {
    const w = WALKTHROUGHS.find((x) => x.id === 'federated-governance')!;
    const ads = all.find((f) => f.name === 'google-ads-campaigns-2026-09.csv')!;
    const ctx = { active: ads, datasets: all, policyPack: parsePolicyPack(TWO_POLICY_PACK_YAML) };
    const owner = (c: MeshContext) => {
      const run = runToEnd(w, c);
      return (buildArtefact(w, run.ctx, run.progress).data as PolicyReport).results.find((r) => r.id === 'has_owner')!;
    };
    expect(owner(ctx)).toMatchObject({ status: 'fail' });
    // An owner named in "Data as a product" is shown in the owner step and passes the policy.
    const named = { ...ctx, product: { owner: 'Sales ops (Maria)' } };
    const r = renderStep(w, named, { ...startProgress(w, ads.name), step: 2 });
    expect(r.suggested).toBe('Sales ops (Maria)');
    expect(runToEnd(w, named).ctx.product!.owner).toBe('Sales ops (Maria)');
    expect(owner(named)).toMatchObject({ status: 'pass', detail: 'Owner: Sales ops (Maria).' });
  });

  it('domain ownership routes findings by the catalogue owner, with user overrides', () => {
    const w = WALKTHROUGHS.find((x) => x.id === 'domain-ownership')!;
    const findings: MeshFinding[] = [
      { checkId: 'funnel_inversion', title: 'Clicks above impressions', severity: 'error', count: 1, owner: 'ads' },
      { checkId: 'duplicate_rows', title: 'Duplicate rows', severity: 'warning', count: 2, owner: 'data' },
      { checkId: 'lead_source_missing', title: 'Lead source missing', severity: 'warning', count: 6, owner: 'crm' },
    ];
    const active = { ...all.find((f) => f.name === 'google-ads-campaigns-2026-09.csv')!, findings };
    const { ctx, progress } = runToEnd(w, { active, datasets: all }, { owner: 'Paid search lead', route: { funnel_inversion: 'marketing', duplicate_rows: 'data-platform', lead_source_missing: 'sales' } });
    expect(renderStep(w, ctx, { ...progress, step: 2, answers: { producer: 'marketing' } }).suggested).toEqual({ funnel_inversion: 'marketing', duplicate_rows: 'marketing', lead_source_missing: 'sales' });
    const m = buildArtefact(w, ctx, progress).data as { totals: Record<string, number>; owner: string };
    expect(m.owner).toBe('Paid search lead');
    expect(m.totals).toEqual({ marketing: 1, sales: 1, product: 0, 'data-platform': 1 });
  });
});

describe('progress is saved and resumed', () => {
  it('survives JSON and resumes on the same step with the same answers', () => {
    const w = WALKTHROUGHS.find((x) => x.id === 'data-as-a-product')!;
    const active = all.find((f) => f.name === 'google-ads-campaigns-2026-09.csv')!;
    const ctx = { active, datasets: all };
    let p = startProgress(w, active.name);
    p = answerStep(w, ctx, p, 'Paid search daily');
    p = answerStep(w, ctx, p, 'Jana (paid search)');
    const saved = JSON.stringify(p);
    const resumed = restoreProgress(w, active.name, JSON.parse(saved));
    expect(resumed).toEqual(p);
    expect(renderStep(w, ctx, resumed).index).toBe(2);
    expect(restoreProgress(w, active.name, { walkthroughId: 'other', step: 3 }).step).toBe(0);
  });
});
