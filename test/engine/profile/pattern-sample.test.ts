/**
 * Big tables read the patterns of text columns with many distinct values from a sample. The sample was
 * unseeded (`USING SAMPLE n ROWS`): two runs on the same table, and the two engines, gave different pattern
 * counts. It is now the same rows every time: by line number on an imported table, seeded otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeEngine } from '../../../electron/engine/native-engine';
import { NodeEngine } from '../../../electron/engine/node-engine';
import type { Engine } from '../../../shared/engine/types';
import { profileTable } from '../../../shared/profile/profile';
import { isGrouped } from '../../../shared/profile/values';

const engines: Record<string, Engine> = {};

// 3,000 unique contacts: a third e-mails, a third URLs, a third names. "lines" has the importer's line
// numbers; "bare" is the same table built by hand, without them.
const CONTACTS = `SELECT (i + 2)::BIGINT AS __line, CASE i % 3 WHEN 0 THEN 'user' || i || '@example.com'
    WHEN 1 THEN 'https://example.com/p/' || i ELSE 'Contact ' || i END AS "Contact" FROM range(3000) r(i)`;
const OPTIONS = { daily: false, patternSampleLimit: 1000, patternSampleRows: 300, exactDistinctLimit: 10 };

beforeAll(async () => {
  engines.native = await NativeEngine.create();
  engines.wasm = await NodeEngine.create();
  for (const e of Object.values(engines)) {
    await e.exec(`CREATE TABLE lines AS ${CONTACTS}`);
    await e.exec(`CREATE TABLE bare AS SELECT "Contact" FROM (${CONTACTS})`);
  }
});
afterAll(async () => {
  for (const e of Object.values(engines)) await e.close();
});

const contact = async (e: Engine, table: string) => {
  const c = (await profileTable(e, table, undefined, OPTIONS)).columns.find((x) => x.name === 'Contact')!;
  expect(isGrouped(c)).toBe(false);
  expect(c.patternsSampled).toBe(true);
  return c.patternCounts;
};

describe.each(['native', 'wasm'])('pattern sample on %s', (kind) => {
  it('pattern_sample_differs_between_runs: two profiles of one table count the same patterns', async () => {
    const e = engines[kind]!;
    for (const table of ['lines', 'bare']) {
      const first = await contact(e, table);
      for (let run = 0; run < 3; run++) expect(await contact(e, table), table).toEqual(first);
      // A sample of about 300 rows scaled to 3,000: each third is estimated near 1,000.
      for (const pattern of ['email', 'url'] as const) {
        expect(first[pattern], `${table} ${pattern}`).toBeGreaterThan(700);
        expect(first[pattern], `${table} ${pattern}`).toBeLessThan(1300);
      }
    }
  });
});

it('pattern_sample_differs_between_runs: both engines sample the same rows of an imported table', async () => {
  expect(await contact(engines.native!, 'lines')).toEqual(await contact(engines.wasm!, 'lines'));
});
