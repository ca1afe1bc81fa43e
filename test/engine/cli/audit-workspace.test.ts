/**
 * `meshlens audit --workspace FILE.meshlens`: the CLI reads what the user decided in the app from the
 * workspace the app saves: the Markdown states the file's data product as the app's report does, and the
 * checks run with the roles the user set.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../checks/helpers';
import { tempDir } from '../import/helpers';
import { runCli } from './run-cli';
import { emptyWorkspace, serializeWorkspace } from '../../../shared/workspace';

vi.setConfig({ testTimeout: 240_000 });

const input = path.join(FIXTURES, 'hubspot-contacts-clean.csv');

function workspaceFile(roleOverrides: Record<string, string>): string {
  const workspace = emptyWorkspace('contacts');
  const product = { name: 'Newsletter contacts', owner: 'CRM team (Lena)', consumers: ['Lifecycle e-mails'] };
  workspace.datasets = [{ id: 'd1', path: input, name: 'contacts', importOptions: {}, roleOverrides, product, walkthroughs: {} }];
  const file = path.join(tempDir('meshlens-audit-workspace-'), 'contacts.meshlens');
  writeFileSync(file, serializeWorkspace(workspace));
  return file;
}

describe('meshlens audit --workspace', () => {
  it('markdown_report_lacked_data_product: the Markdown states the product set in the app, and the checks use its roles', async () => {
    const args = ['audit', input, '--markdown', '--reference-date', '2026-01-25'];
    const plain = await runCli(args);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toContain('**Data product**');
    expect(plain.stdout).toContain('(`personal_data`)');

    const run = await runCli([...args, '--workspace', workspaceFile({ Email: 'unknown' })]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('**Data product**');
    expect(run.stdout).toContain('- **Name:** Newsletter contacts');
    expect(run.stdout).toContain('- **Owner:** CRM team (Lena)');
    expect(run.stdout).toContain('- **Domain:** _not chosen_');
    // The user said Email is not an e-mail column: without contact details, names alone are not classified.
    expect(run.stdout).not.toContain('(`personal_data`)');

    const text = await runCli(['audit', input, '--reference-date', '2026-01-25', '--workspace', workspaceFile({})]);
    expect(text.stdout).toContain('  Data product: name Newsletter contacts · owner CRM team (Lena) · domain (not chosen) · consumers Lifecycle e-mails');
  });
});
