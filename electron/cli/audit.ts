/**
 * `meshlens audit <file...> [--json|--markdown|--junit] [--reference-date D] [--config F] [--no-fail]`
 * Exit 1 when an error-level finding exists (unless --no-fail), 0 otherwise, 2 on usage or input errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditImports } from '../../shared/audit/audit';
import type { AuditedDataset, AuditInput } from '../../shared/audit/audit';
import type { AuditConfig } from '../../shared/audit/config';
import { renderJson, renderJunit, renderMarkdown, renderText } from '../../shared/audit/render';
import { inspectObject } from '../../shared/import/inspect-object';
import { flagString, parseArgs } from './args';
import { IMPORT_BOOLEANS, IMPORT_FLAGS, importOptionsFromFlags, loadFile, withEngine } from './load';
import { progressFor } from './progress';
import { importOptionsWith, readWorkspaceFile, roleOverridesOf, workspaceDatasetFor } from './workspace';
import type { Command } from './types';
import { UsageError } from './types';

/**
 * The audit config, contracts and policy packs are read by modules that load zod and yaml (about 1 MB of
 * JavaScript to compile): loaded only when a flag asks for them, so a plain audit starts without them.
 */
async function readConfig(file: string): Promise<AuditConfig> {
  const { ConfigError, parseAuditConfig } = await import('../../shared/audit/config');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `--config ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return parseAuditConfig(text, file);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Profile each file and run the marketing check catalogue; print findings with a 0-100 score.',
  usage:
    'meshlens audit <file...> [--json|--markdown|--junit] [--reference-date YYYY-MM-DD] [--config F.yaml] [--contract x.odcs.yaml] [--policy pack.yaml] [--workspace FILE.meshlens] [--no-fail]',
  async run(args, io) {
    const p = parseArgs(
      args,
      ['reference-date', 'config', 'contract', 'policy', 'workspace', ...IMPORT_FLAGS],
      ['json', 'markdown', 'junit', 'no-fail', ...IMPORT_BOOLEANS],
    );
    if (p.positional.length === 0) throw new UsageError('audit needs at least one file');
    const formats = ['json', 'markdown', 'junit'].filter((f) => p.flags.get(f) === true);
    if (formats.length > 1)
      throw new UsageError(`choose one output format (got --${formats.join(' and --')})`);
    const configFile = flagString(p, 'config');
    const config: AuditConfig = configFile ? await readConfig(configFile) : {};
    const ref = flagString(p, 'reference-date');
    if (ref !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(ref) || Number.isNaN(Date.parse(ref)))
        throw new UsageError('--reference-date must be a date like 2026-02-01');
      config.referenceDate = ref;
    }
    const options = importOptionsFromFlags(p.flags);
    // A workspace gives each file the import options, roles and data product the user set in the app.
    const workspaceFile = flagString(p, 'workspace');
    const workspace = workspaceFile ? readWorkspaceFile(workspaceFile) : undefined;
    const entryOf = (file: string) => (workspace ? workspaceDatasetFor(workspace, file) : undefined);
    const contractFile = flagString(p, 'contract');
    const policyFile = flagString(p, 'policy');
    const mesh = contractFile || policyFile ? { ...(await import('./contract')), ...(await import('./policy')) } : null;
    const contract = contractFile ? mesh!.readContractFile(contractFile) : null;
    const pack = policyFile ? mesh!.readPolicyPackFile(policyFile) : null;
    const bar = progressFor(io, formats.includes('json') || formats.includes('junit'));
    const n = p.positional.length;
    const { report, contracts, policies } = await withEngine(async (engine) => {
      const inputs: AuditInput[] = [];
      for (const [i, file] of p.positional.entries()) {
        const entry = entryOf(file);
        const result = await loadFile(engine, file, importOptionsWith(entry, options), bar.part(path.basename(file), (0.5 * i) / n, (0.5 * (i + 1)) / n));
        inputs.push({ result, inspect: inspectObject(result), ...(entry ? { roles: roleOverridesOf(entry) } : {}), ...(entry?.product ? { product: entry.product } : {}) });
      }
      // Loading is the first half of the bar, profiling and checks the second, file after file.
      let current = -1;
      const audited: AuditedDataset[] = [];
      const report = await auditImports(engine, inputs, config, {
        analysed: (i, a) => (audited[i] = a),
        progress: (pr) => {
          if (pr.stage === 'profile' && pr.fraction === 0) current = Math.min(n - 1, current + 1);
          const at = Math.max(0, current);
          bar.part(path.basename(p.positional[at]!), 0.5 + (0.5 * at) / n, 0.5 + (0.5 * (at + 1)) / n)({ ...pr, fraction: pr.stage === 'profile' ? 0.2 * (pr.fraction ?? 0) : 0.2 + 0.8 * (pr.fraction ?? 0) });
        },
      });
      const results = inputs.map((i) => i.result);
      // Contract rules and policies read the audit's own profile, roles and findings: nothing runs twice.
      const datasets = audited.map((a) => a.dataset);
      const contracts = contract ? await mesh!.contractReportsFor(engine, results, contract, config.referenceDate, datasets) : [];
      const policies = pack ? await mesh!.policyReportsFor(engine, results, pack, config, contract, contracts, audited) : null;
      return { report, contracts, policies };
    }).finally(() => bar.done());
    const format = formats[0];
    const out =
      format === 'json'
        ? renderJson(report)
        : format === 'markdown'
          ? renderMarkdown(report)
          : format === 'junit'
            ? renderJunit(report)
            : renderText(report);
    io.stdout(mesh ? mesh.withPolicyReports(mesh.withContractReports(out, format, contracts), format, policies) : out);
    const broken = report.summary.errors > 0 || contracts.some((c) => !c.report.ok) || (mesh?.policiesFail(policies) ?? false);
    return broken && p.flags.get('no-fail') !== true ? 1 : 0;
  },
};
