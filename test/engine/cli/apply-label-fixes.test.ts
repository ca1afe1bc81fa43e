/**
 * `meshlens export --apply-label-fixes`: the real command writes each label cluster's suggested canonical
 * spelling and logs what it replaced; without the flag the file's spellings are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../checks/helpers';
import { tempDir } from '../import/helpers';
import { runCli } from './run-cli';
import { emptyWorkspace, serializeWorkspace } from '../../../shared/workspace';

vi.setConfig({ testTimeout: 240_000 });

const input = path.join(FIXTURES, 'label-clusters-campaign-and-city-spellings.csv');
const campaigns = (csv: string) => csv.trim().split('\n').slice(1).map((l) => l.split(',')[1]);
const cities = (csv: string) => csv.trim().split('\n').slice(1).map((l) => l.split(',')[2]);

/** A workspace as the app saves it, holding the choices the user made in the finding detail. */
function workspaceWith(dir: string, labelChoices: Record<string, Record<string, string>>): string {
  const workspace = emptyWorkspace('label choices');
  workspace.datasets = [{ id: 'd1', path: input, name: 'spellings.csv', importOptions: {}, roleOverrides: {}, labelChoices, walkthroughs: {} }];
  const file = path.join(dir, 'choices.meshlens');
  writeFileSync(file, serializeWorkspace(workspace));
  return file;
}

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

  it('apply_label_fixes_ignored_workspace_label_choices: the spellings chosen in the workspace are written, named, and a stale choice is reported', async () => {
    const dir = tempDir('meshlens-label-fixes-');
    const out = path.join(dir, 'fixed.csv');
    const workspace = workspaceWith(dir, {
      Campaign: { 'Data Analytics Course': 'Data Analytics (course)' },
      Location: { Chennai: 'Madras' },
    });
    const run = await runCli(['export', input, '--out', out, '--apply-label-fixes', '--workspace', workspace]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`label choices from the workspace ${workspace} (dataset "spellings.csv")`);
    expect(run.stderr).toContain('Campaign: "Data Analytics Course" → "Data Analytics (course)"');
    expect(run.stderr).toContain('label choices not applied');
    expect(run.stderr).toContain('Location: "Chennai" → "Madras"');
    expect(run.stderr).toContain('Campaign: "Data Anlytics Corse" → "Data Analytics (course)" (4 rows)');
    const csv = readFileSync(out, 'utf8');
    expect(campaigns(csv).filter((c) => c === '"Data Analytics (course)"' || c === 'Data Analytics (course)')).toHaveLength(18);
    expect(campaigns(csv)).not.toContain('Data Analytics Course');
    // A cluster the user made no choice for still gets its suggested spelling.
    expect(cities(csv)).not.toContain('HYDERABAD');
    expect(cities(csv)).not.toContain('Madras');
  });

  it('a file the workspace does not hold is exported with the suggested spellings, and the output says so', async () => {
    const dir = tempDir('meshlens-label-fixes-');
    const workspace = path.join(dir, 'other.meshlens');
    writeFileSync(workspace, serializeWorkspace(emptyWorkspace('empty')));
    const run = await runCli(['export', input, '--out', path.join(dir, 'x.csv'), '--apply-label-fixes', '--workspace', workspace]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`not in the workspace ${workspace}; the suggested spellings are used`);
    expect(run.stderr).toContain('Campaign: "Data Anlytics Corse" → "Data Analytics Course" (4 rows)');
  });

  it('a damaged workspace is a usage error that says what is wrong, and nothing is written', async () => {
    const dir = tempDir('meshlens-label-fixes-');
    const workspace = path.join(dir, 'broken.meshlens');
    writeFileSync(workspace, '{"format": "meshlens-workspace", "version": 2, "name": ');
    const run = await runCli(['export', input, '--out', path.join(dir, 'x.csv'), '--apply-label-fixes', '--workspace', workspace]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is damaged');
  });
});
