/**
 * Sentences from parts: every walkthrough step, run on files that lack a part (no date column, no owner, no
 * second file, nothing recognised), reads as a sentence. Each bug seen in the app has a test named after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { importFile } from '../../../shared/import';
import { coverageFromProfile } from '../../../shared/mesh/analyse';
import type { DatasetFacts, MeshContext } from '../../../shared/mesh/types';
import { applyAnswer, NO_DATASET, renderStep, startProgress, WALKTHROUGHS } from '../../../shared/mesh/walkthroughs';
import type { Walkthrough } from '../../../shared/mesh/walkthroughs';
import { loadBytes, PLAIN_CSV } from './demo-loader';

let engine: NodeEngine;
let undated: DatasetFacts;
let plain: DatasetFacts;
let emptyColumn: DatasetFacts;

/** Ads without a date column; one column is empty in every row. */
const UNDATED_CSV = 'Campaign,Impressions,Clicks,Cost,Notes\nBrand,100,5,2.5,\nGeneric,200,9,4.0,\nBrand,150,7,3.1,\n';

beforeAll(async () => {
  engine = await NodeEngine.create();
  undated = (await loadBytes(engine, 'undated-ads.csv', new TextEncoder().encode(UNDATED_CSV))).facts;
  plain = (await loadBytes(engine, 'plain.csv', new TextEncoder().encode(PLAIN_CSV))).facts;
  emptyColumn = undated;
}, 120_000);
afterAll(async () => engine.close());

/** Every title and text of every step, with no owner given and "no second file" chosen where a file is asked for. */
function allSentences(w: Walkthrough, start: MeshContext): string[] {
  let ctx = start;
  let p = startProgress(w, ctx.active.name);
  const out: string[] = [];
  for (let guard = 0; guard < 50 && !p.completed; guard++) {
    const r = renderStep(w, ctx, p);
    out.push(r.title, r.text);
    const { progress, patch } = applyAnswer(w, ctx, p, r.step.action.kind === 'pick-dataset' ? NO_DATASET : undefined);
    expect(progress, `${w.id}/${r.step.id} did not move on`).not.toBe(p);
    p = progress;
    if (patch) ctx = { ...ctx, product: { ...(ctx.product ?? {}), ...patch } };
  }
  const last = renderStep(w, ctx, p);
  out.push(last.text, ...w.artefact(ctx, p.answers).markdown.split('\n').filter((l) => l.trim() && !l.startsWith('|')));
  return out;
}

function broken(text: string): string | null {
  if (/\bundefined\b|\bNaN\b|\[object Object\]|\{[A-Za-z_.]+\}/.test(text)) return 'placeholder or undefined';
  if (/\bunknown\s+unknown\b/i.test(text)) return '"unknown unknown"';
  const doubled = /\b([A-Za-z]+)\s+\1\b/i.exec(text);
  if (doubled) return `doubled word "${doubled[0]}"`;
  for (const sentence of text.split(/(?<=[.!?:;])\s+/)) if (/\bno\b[^.!?]*\bno\b/i.test(sentence)) return `"no … no" in "${sentence}"`;
  return null;
}

describe('every walkthrough step reads as a sentence when parts are missing', () => {
  for (const w of WALKTHROUGHS) {
    it(`${w.id}: no date column, no owner, no second file`, () => {
      for (const t of allSentences(w, { active: undated, datasets: [undated] })) expect(broken(t), t).toBeNull();
    });
    it(`${w.id}: nothing recognised at all`, () => {
      for (const t of allSentences(w, { active: plain, datasets: [plain] })) expect(broken(t), t).toBeNull();
    });
  }
});

describe('bugs seen in the app', () => {
  const text = (id: string, step: string, f: DatasetFacts) => {
    const w = WALKTHROUGHS.find((x) => x.id === id)!;
    return renderStep(w, { active: f, datasets: [f] }, { ...startProgress(w, f.name), step: w.steps.findIndex((s) => s.id === step) }).text;
  };

  it('"The data runs no date column": a file without dates says it has no date column', () => {
    expect(text('what-is-this-data', 'period', undated)).toBe('The data has no date column, so the period it covers is not known. Check this matches the period you asked for when you exported it.');
    expect(text('data-as-a-product', 'freshness', undated)).not.toMatch(/runs no|promise: no/);
  });

  it('"in the same period as no source of truth" and "no source of truth records unknown won deals"', () => {
    expect(text('honest-attribution', 'claims', undated)).not.toMatch(/as no source of truth/);
    expect(text('honest-attribution', 'compare', undated)).not.toMatch(/records unknown/);
  });

  it('Step 3 calls a 100%-empty column required', () => {
    expect(emptyColumn.columns.find((c) => c.name === 'Notes')!.nulls).toBe(3);
    const schema = text('data-as-a-product', 'schema', emptyColumn);
    expect(schema).toContain('marked required: Campaign, Impressions, Clicks, Cost.');
    expect(schema).not.toMatch(/required:[^.]*Notes/);
  });

  it('Freshness "135 days missing" vs Columns 295: the walkthrough counts missing days as the Columns screen does', async () => {
    const name = 'daily-with-two-missing-days.csv';
    const days = ['01', '02', '03', '05', '06', '08', '09', '10'].map((d) => `2026-01-${d},Brand,${d}`);
    const bytes = new TextEncoder().encode(['Day,Campaign,Clicks', ...days].join('\n') + '\n');
    const { facts } = await loadBytes(engine, name, bytes);
    const result = await importFile(engine, { path: name, name, bytes });
    const { dataset, semantics } = await analyseImport(engine, result, { name });
    const day = dataset.profile.columns.find((c) => c.name === 'Day')!;
    expect(facts.dates).toEqual(coverageFromProfile(dataset.profile, semantics));
    expect(facts.dates!.days).toBe(day.spanDays);
    expect(facts.dates!.missingDays).toBe(day.spanDays! - day.distinctDays!);
    expect(facts.dates).toMatchObject({ days: 10, distinctDates: 8, missingDays: 2, stepDays: 1 });
    expect(text('what-is-this-data', 'period', facts)).toContain('from 2026-01-01 to 2026-01-10 (10 days, with 2 days missing)');
  });

  it('the self-serve walkthrough compares only a file the user chose, and says why the others are not offered', () => {
    const w = WALKTHROUGHS.find((x) => x.id === 'self-serve-platform')!;
    const ctx = { active: undated, datasets: [undated, plain] };
    const p = { ...startProgress(w, undated.name), step: w.steps.findIndex((s) => s.id === 'second') };
    const r = renderStep(w, ctx, p);
    expect(r.suggested).toBeUndefined();
    expect(r.offers).toEqual([{ name: 'plain.csv', offered: false, reason: expect.stringMatching(/^not recognisably a .+ export$|^shares only 0 of 5 column names$/) }]);
    expect(applyAnswer(w, ctx, p).progress).toBe(p); // no choice, no next step
    expect(applyAnswer(w, ctx, p, 'plain.csv').progress).toBe(p); // a file not offered cannot be chosen
    expect(applyAnswer(w, ctx, p, NO_DATASET).progress.step).toBe(p.step + 1);
  });
});
