/**
 * derived_metric_mismatch tolerates the rounding of the decimals a rate is written with: the most decimals
 * of any of its values (counted over its distinct values). One value written with three decimals makes the
 * tolerance 0.0005, so a CPC off by 0.004 is found; with two decimals it would be rounding.
 */
import { describe, expect, it } from 'vitest';
import { analyseImport } from '../../../shared/audit/dataset';
import { derivedMetricMismatch } from '../../../shared/checks/metrics';
import { runChecks } from '../../../shared/checks/runner';
import type { Engine } from '../../../shared/engine/types';
import { importFile } from '../../../shared/import/index';
import { withBothEngines } from '../import/helpers';

const engines: Record<string, Engine> = withBothEngines();

/** 30 rows whose CPC is exact to the cent, line 32 states 1.234 (exact), line 33 states 0.204 for 0.2. */
function csv(last: string): string {
  const lines = ['Day,Campaign,Clicks,Impr.,Cost,Avg. CPC'];
  for (let i = 0; i < 30; i++) lines.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},Brand,10,200,${(10 + i / 10).toFixed(2)},${(1 + i / 100).toFixed(2)}`);
  lines.push('2026-01-29,Brand,10,200,12.34,1.234', `2026-01-30,Brand,10,200,2.00,${last}`);
  return lines.join('\n') + '\n';
}

describe.each(['native', 'wasm'])('rate decimals on %s', (kind) => {
  it('one value with three decimals sets the rounding tolerance for the whole column', async () => {
    const e = engines[kind]!;
    const found = async (last: string) => {
      const name = `cpc-${last}.csv`;
      const result = await importFile(e, { path: name, name, bytes: new TextEncoder().encode(csv(last)) });
      const { dataset } = await analyseImport(e, result);
      return runChecks(e, dataset, { referenceDate: '2026-02-01' }, {}, [derivedMetricMismatch]);
    };
    const [off] = await found('0.204');
    expect(off?.columns).toContain('Avg. CPC');
    expect(off?.rows).toBe(1);
    expect(off?.sample.map((s) => s.line)).toEqual([33]);
    expect(await found('0.2')).toEqual([]);
  });
});
