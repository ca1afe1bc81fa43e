/**
 * date_gaps counts the missing days and reads its first gaps by line in one statement; the runner samples
 * from those rows instead of reading the gaps again. The finding must be the one the gaps query gives when
 * read on its own: its rows counted, its first 20 rows by line.
 */
import { describe, expect, it } from 'vitest';
import { analyseImport } from '../../../shared/audit/dataset';
import { dateGaps } from '../../../shared/checks/dates';
import { runChecks } from '../../../shared/checks/runner';
import type { Engine } from '../../../shared/engine/types';
import { importFile } from '../../../shared/import/index';
import { withBothEngines } from '../import/helpers';

const engines: Record<string, Engine> = withBothEngines();

// 30 campaigns over 20 days of January; campaign k misses day 5 + (k % 10) and, when k is even, day 16 too:
// 45 gaps, more than one sample.
function csv(): string {
  const lines = ['Day,Campaign,Clicks,Cost'];
  for (let d = 1; d <= 20; d++)
    for (let k = 0; k < 30; k++)
      if (d !== 5 + (k % 10) && !(k % 2 === 0 && d === 16))
        lines.push(`2026-01-${String(d).padStart(2, '0')},Campaign ${k},${d + k},${(d * 1.5).toFixed(2)}`);
  return lines.join('\n') + '\n';
}

describe.each(['native', 'wasm'])('date gaps on %s', (kind) => {
  it('counts and samples the gaps in one statement, as reading the gaps query on its own', async () => {
    const e = engines[kind]!;
    const name = 'gaps.csv';
    const result = await importFile(e, { path: name, name, bytes: new TextEncoder().encode(csv()) });
    const { dataset } = await analyseImport(e, result);
    const sent: string[] = [];
    const recording = new Proxy(e, {
      get: (t, p, r) => (p === 'query' ? (sql: string) => (sent.push(sql), t.query(sql)) : Reflect.get(t, p, r)),
    });
    const [finding] = await runChecks(recording, dataset, { referenceDate: '2026-02-01' }, {}, [dateGaps]);
    expect(sent.filter((sql) => sql.includes('last_day_before_gap'))).toHaveLength(1);
    expect(finding?.rows).toBe(30 + 15);
    expect(finding?.details).toEqual({ missingDays: 45, series: 30 });

    const [target] = await dateGaps.targets({ engine: e, dataset, params: dateGaps.defaults, referenceDate: '2026-02-01', naming: { lowercase: true, allowSpaces: false, allowedMediums: [] }, shared: new Map() });
    const direct = await e.query(`SELECT * FROM (${target!.sql}) q ORDER BY "__line" LIMIT 20`);
    expect(finding?.sample).toHaveLength(20);
    expect(finding?.sample.map((s) => ({ __line: s.line, ...s.values }))).toEqual(direct.rows);
  });
});
