/**
 * `meshlens export --apply-label-fixes`: the real command writes each label cluster's suggested canonical
 * spelling and logs what it replaced; without the flag the file's spellings are kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../checks/helpers';
import { tempDir } from '../import/helpers';
import { runCli } from './run-cli';

vi.setConfig({ testTimeout: 240_000 });

const input = path.join(FIXTURES, 'label-clusters-campaign-and-city-spellings.csv');
const campaigns = (csv: string) => csv.trim().split('\n').slice(1).map((l) => l.split(',')[1]);

describe('meshlens export --apply-label-fixes', () => {
  it('writes the four campaign spellings as "Data Analytics Course" and logs each replacement', async () => {
    const dir = tempDir('meshlens-label-fixes-');
    const fixed = path.join(dir, 'fixed.csv');
    const plain = path.join(dir, 'plain.csv');
    const run = await runCli(['export', input, '--out', fixed, '--apply-label-fixes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Campaign: "Data Anlytics Corse" → "Data Analytics Course" (4 rows)');
    expect(run.stderr).toContain('Campaign: "DataAnalyticsCourse" → "Data Analytics Course" (3 rows)');
    const out = campaigns(readFileSync(fixed, 'utf8'));
    expect(out.filter((c) => c === 'Data Analytics Course')).toHaveLength(18);
    expect(out.some((c) => /Corse|Analytcis|DataAnalytics/.test(c!))).toBe(false);

    const without = await runCli(['export', input, '--out', plain]);
    expect(without.code, without.stderr).toBe(0);
    expect(without.stderr).not.toContain('replaced');
    expect(campaigns(readFileSync(plain, 'utf8')).filter((c) => c === 'Data Anlytics Corse')).toHaveLength(4);
  });

  it('refuses --apply-label-fixes with --as-text (a usage error, nothing written)', async () => {
    const dir = tempDir('meshlens-label-fixes-');
    const run = await runCli(['export', input, '--out', path.join(dir, 'x.csv'), '--apply-label-fixes', '--as-text']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--apply-label-fixes');
  });
});
