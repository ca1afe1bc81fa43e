/**
 * The false-alarm budget: every healthy export, in its platform's genuine layout (title rows, totals,
 * " --" in settings, sparse optional columns), audits with zero errors and zero warnings through the same
 * shared/audit code the CLI runs. Any new warning on these files fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { auditPlatformFixture, LAYOUTS } from '../semantics/platform-fixtures';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('false-alarm budget: healthy genuine-layout exports', () => {
  for (const [file, platform] of LAYOUTS) {
    it(`${file} (${platform}): 0 errors, 0 warnings`, async () => {
      const report = await auditPlatformFixture(engine, file);
      expect(report.summary.skipped).toEqual([]);
      const loud = report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.check}: ${f.message}`);
      expect(loud).toEqual([]);
      expect(report.summary.datasets[0]?.platform).toBe(platform);
    }, 60_000);
  }
});
