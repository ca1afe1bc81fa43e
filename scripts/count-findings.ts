/**
 * Findings by severity on the clean fixtures and the genuine-layout fixtures (the false-alarm budget, as numbers).
 * `node --import tsx scripts/count-findings.ts` — REF=2026-11-28 audits every file as of that day instead of the
 * fixtures' own dates (2026-01-15 for the clean fixtures, 2026-01-16 for the genuine layouts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeEngine } from '../electron/engine/node-engine';
import { auditImports } from '../shared/audit/audit';
import { importFile } from '../shared/import/index';
import { inspectObject } from '../shared/import/inspect-object';

const root = path.resolve(import.meta.dirname, '..');
const CLEAN = ['google-ads-clean.csv', 'meta-ads-clean.csv', 'meta-ads-clean-de.csv', 'ga4-clean.csv', 'hubspot-contacts-clean.csv', 'audience-hashed-clean.csv'];
const sets = {
  clean: { date: '2026-01-15', files: CLEAN.map((f) => path.join(root, 'test/fixtures/checks', f)) },
  genuine: {
    date: '2026-01-16',
    files: readdirSync(path.join(root, 'test/fixtures/platforms'))
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => path.join(root, 'test/fixtures/platforms', f)),
  },
};

const engine = await NodeEngine.create();
for (const [set, { date, files }] of Object.entries(sets)) {
  const total = { errors: 0, warnings: 0, infos: 0 };
  for (const full of files) {
    const name = path.basename(full);
    const result = await importFile(engine, { path: full, name, bytes: new Uint8Array(readFileSync(full)) });
    const report = await auditImports(engine, [{ result, inspect: inspectObject(result) }], { referenceDate: process.env.REF ?? date });
    const d = report.summary.datasets[0]!;
    total.errors += d.errors;
    total.warnings += d.warnings;
    total.infos += d.infos;
    console.log(`${set}\t${name}\t${d.platformLabel}\tscore ${d.score}\tE${d.errors} W${d.warnings} I${d.infos}`);
  }
  console.log(`${set} TOTAL\tE${total.errors} W${total.warnings} I${total.infos}`);
}
await engine.close();
