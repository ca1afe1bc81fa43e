/**
 * `meshlens reconcile <fileA> <fileB> [more…] [--on campaign,date] [--metric cost] [--truth F] [--test-start D]
 * [--config reconcile.yaml] [--json|--markdown|--html] [--no-fail]`: several sources side by side (periods
 * aligned, keys suggested or confirmed, spend, over-claim), a conversion-path file credited under each model,
 * a test/control file turned into incremental conversions. Exit codes as for `audit`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseImport } from '../../shared/audit/dataset';
import { ReconcileConfigError, parseReconcileConfig } from '../../shared/reconcile/config';
import type { ReconcileConfig } from '../../shared/reconcile/config';
import { renderReconcileJson, reportHtml, reportMarkdown, summarise } from '../../shared/reconcile/render';
import { runAttribution } from '../../shared/reconcile/run';
import type { RunInput } from '../../shared/reconcile/run';
import { flagString, parseArgs } from './args';
import { IMPORT_BOOLEANS, IMPORT_FLAGS, importOptionsFromFlags, loadFile, withEngine } from './load';
import type { Command } from './types';
import { UsageError } from './types';

function readConfig(file: string): ReconcileConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--config ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseReconcileConfig(text, file);
  } catch (err) {
    if (err instanceof ReconcileConfigError) throw new UsageError(err.message);
    throw err;
  }
}

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'Put several sources side by side: aligned periods, suggested join keys, spend and over-claim checks, attribution models, test lift.',
  usage:
    'meshlens reconcile <fileA> <fileB> [more…] [--on campaign,date] [--metric cost] [--truth F] [--test-start YYYY-MM-DD] [--config reconcile.yaml] [--json|--markdown|--html] [--no-fail]',
  async run(args, io) {
    const p = parseArgs(args, ['on', 'metric', 'truth', 'test-start', 'config', ...IMPORT_FLAGS], ['json', 'markdown', 'html', 'no-fail', ...IMPORT_BOOLEANS]);
    const formats = ['json', 'markdown', 'html'].filter((f) => p.flags.get(f) === true);
    if (formats.length > 1) throw new UsageError(`choose one output format (got --${formats.join(' and --')})`);
    const configFile = flagString(p, 'config');
    const config: ReconcileConfig = configFile ? readConfig(configFile) : { sources: [] };
    const base = configFile ? path.dirname(configFile) : '.';
    const files: ReconcileConfig['sources'] = [...config.sources.map((s) => ({ ...s, file: path.resolve(base, s.file) })), ...p.positional.map((file) => ({ file }))];
    if (files.length < 2) throw new UsageError('reconcile needs at least two files (or a --config listing them)');
    const testStart = flagString(p, 'test-start') ?? config.testStart;
    if (testStart !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(testStart) || Number.isNaN(Date.parse(testStart))))
      throw new UsageError('--test-start must be a date like 2026-09-15');
    const on = flagString(p, 'on')?.split(',').map((s) => s.trim()).filter(Boolean) ?? config.on;
    const metric = flagString(p, 'metric') ?? config.metric;
    const truth = flagString(p, 'truth') ?? config.truth;
    const options = importOptionsFromFlags(p.flags);
    const run = await withEngine(async (engine) => {
      const inputs: RunInput[] = [];
      for (const f of files) {
        const result = await loadFile(engine, f.file, options);
        const { dataset } = await analyseImport(engine, result);
        inputs.push({
          dataset,
          ...(f.domain ? { domain: f.domain } : {}),
          ...(f.timeZone ? { timeZone: f.timeZone } : {}),
          ...(f.currency ? { currency: f.currency } : {}),
        });
      }
      return runAttribution(engine, inputs, {
        ...(truth ? { truth: path.basename(truth) } : {}),
        ...(on?.length ? { on } : {}),
        ...(metric ? { metric } : {}),
        ...(testStart ? { testStart } : {}),
        ...(config.checks ? { params: config.checks } : {}),
      });
    });
    const format = formats[0];
    io.stdout(format === 'json' ? renderReconcileJson(run) : format === 'html' ? reportHtml(run) : reportMarkdown(run));
    return summarise(run).errors > 0 && p.flags.get('no-fail') !== true ? 1 : 0;
  },
};
