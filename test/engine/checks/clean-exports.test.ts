/** A clean export from each platform gets no error and no warning (infos are allowed). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { auditFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const CLEAN: Array<[string, string]> = [
  ['google-ads-clean.csv', 'google_ads'],
  ['meta-ads-clean.csv', 'meta_ads'],
  ['meta-ads-clean-de.csv', 'meta_ads'],
  ['ga4-clean.csv', 'ga4'],
  ['hubspot-contacts-clean.csv', 'hubspot'],
  ['audience-hashed-clean.csv', 'audience_segment'],
];

describe('clean exports stay quiet', () => {
  for (const [fixture, platform] of CLEAN) {
    it(`${fixture}: recognised as ${platform}, no errors or warnings`, async () => {
      const { findings, analysed } = await auditFixture(engine, fixture, { referenceDate: '2026-01-15' });
      expect(analysed.semantics.platform.platform).toBe(platform);
      const loud = findings.filter((f) => f.severity !== 'info').map((f) => `${f.check}: ${f.message}`);
      expect(loud).toEqual([]);
    });
  }
});
