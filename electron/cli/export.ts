/**
 * `meshlens export <file> --out <path.csv|path.parquet>` and `meshlens export <file...> --out-dir DIR`:
 * write the loaded, typed table, or with --as-text the same rows and columns in their original text.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { exportTable } from '../../shared/import/export';
import type { Engine } from '../../shared/engine/types';
import type { ImportResult } from '../../shared/import/types';
import { analyseImport } from '../../shared/audit/dataset';
import { runChecks } from '../../shared/checks/runner';
import { inconsistentLabels } from '../../shared/checks/labels';
import { labelChoiceUse, labelFixes, labelFixLog } from '../../shared/checks/label-fixes';
import type { LabelChoice, LabelFix } from '../../shared/checks/label-fixes';
import type { WorkspaceDataset } from '../../shared/workspace';
import { flagString, parseArgs } from './args';
import type { ParsedArgs } from './args';
import { checkInputs, eachFile, IMPORT_BOOLEANS, IMPORT_FLAGS, importOptionsFromFlags, parquetCodecFor, reportFailures, withEngine } from './load';
import { progressFor } from './progress';
import { importOptionsWith, readWorkspaceFile, roleOverridesOf, workspaceDatasetFor } from './workspace';
import type { Command } from './types';
import { UsageError } from './types';

/** Write through a temporary file and rename, so a failure never leaves a half-written output. */
export function writeAtomic(target: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

function requireFolder(dir: string, what: string): void {
  try {
    if (!statSync(dir).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`cannot write ${what}: folder ${dir} does not exist`);
  }
}

/** `report.csv.gz` → `report`, `a.tsv` → `a`: the output's base name in --out-dir. */
export function outputBase(file: string): string {
  return (
    path
      .basename(file)
      .replace(/\.(gz|gzip|zip)$/i, '')
      .replace(/\.[^.]+$/, '') || 'export'
  );
}

/** Where each input goes in --out-dir: DIR/<base>.<format>, with -2, -3, … when two inputs share a base name. */
function plannedTargets(files: string[], dir: string, ext: string): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const f of files) {
    const base = outputBase(f);
    let name = `${base}${ext}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}${ext}`;
    used.add(name.toLowerCase());
    out.set(f, path.join(dir, name));
  }
  return out;
}

function targets(p: ParsedArgs): { ext: '.csv' | '.parquet'; targetOf: Map<string, string> } {
  const out = flagString(p, 'out');
  const outDir = flagString(p, 'out-dir');
  if (out && outDir) throw new UsageError('choose --out (one file) or --out-dir (many files), not both');
  if (out) {
    if (p.positional.length !== 1)
      throw new UsageError('--out takes exactly one input file; use --out-dir DIR for several');
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.csv' && ext !== '.parquet') throw new UsageError('--out must end in .csv or .parquet');
    requireFolder(path.dirname(path.resolve(out)), out);
    return { ext, targetOf: new Map([[p.positional[0]!, out]]) };
  }
  if (!outDir) throw new UsageError('export needs --out <path.csv|path.parquet> or --out-dir DIR');
  requireFolder(path.resolve(outDir), `to ${outDir}`);
  const format = flagString(p, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'parquet') throw new UsageError('--format must be csv or parquet');
  const ext = format === 'csv' ? '.csv' : '.parquet';
  return { ext, targetOf: plannedTargets(p.positional, outDir, ext) };
}

/**
 * Every label cluster `inconsistent_labels` finds in the loaded table, with the canonical spelling the user
 * chose in the workspace (read with the roles they set there), else the suggested one.
 */
async function labelFixesFor(engine: Engine, result: ImportResult, entry: WorkspaceDataset | undefined): Promise<LabelFix[]> {
  const { dataset } = await analyseImport(engine, result, { overrides: roleOverridesOf(entry) });
  return labelFixes(await runChecks(engine, dataset, {}, {}, [inconsistentLabels]), entry?.labelChoices ?? {});
}

const choiceLine = (c: LabelChoice) => `  ${c.column}: ${JSON.stringify(c.suggested)} → ${JSON.stringify(c.canonical)}\n`;

/** Which spellings were written and whose: the workspace's choices used, those that matched nothing, the suggestions. */
function labelFixReport(file: string, fixes: LabelFix[], workspaceFile: string | undefined, entry: WorkspaceDataset | undefined): string {
  let out = '';
  if (workspaceFile && !entry) out += `${file}: not in the workspace ${workspaceFile}; the suggested spellings are used\n`;
  if (entry) {
    const { used, unmatched } = labelChoiceUse(fixes, entry.labelChoices ?? {});
    const where = `the workspace ${workspaceFile} (dataset "${entry.name}")`;
    out += used.length ? `${file}: label choices from ${where}:\n${used.map(choiceLine).join('')}` : `${file}: ${where} holds no label choice for this file's clusters; the suggested spellings are used\n`;
    if (unmatched.length) out += `${file}: label choices not applied (today's file suggests no such cluster):\n${unmatched.map(choiceLine).join('')}`;
  }
  const log = labelFixLog(fixes);
  return out + (log.length ? `${file}: label spellings replaced:\n${log.map((l) => `  ${l}\n`).join('')}` : `${file}: no label spellings to replace\n`);
}

export const exportCommand: Command = {
  name: 'export',
  summary:
    "Write the loaded table as UTF-8 CSV or Parquet (summary rows removed, numbers plain); --as-text keeps every cell's original text. Many files: --out-dir. --apply-label-fixes writes each label cluster's canonical spelling (the one chosen in --workspace, else the suggested one).",
  usage:
    'meshlens export <file> --out <path.csv|path.parquet> | meshlens export <file...> --out-dir DIR [--format csv|parquet] [--as-text | --apply-label-fixes] [--workspace FILE.meshlens] [import options as for inspect]',
  async run(args, io) {
    const p = parseArgs(args, ['out', 'out-dir', 'format', 'workspace', ...IMPORT_FLAGS], ['as-text', 'apply-label-fixes', ...IMPORT_BOOLEANS]);
    if (p.positional.length === 0) throw new UsageError('export needs at least one input file');
    if (flagString(p, 'format') && flagString(p, 'out'))
      throw new UsageError('--format goes with --out-dir; with --out the file name says the format');
    const { ext, targetOf } = targets(p);
    const view = p.flags.get('as-text') === true ? 'text' : 'typed';
    const applyLabelFixes = p.flags.get('apply-label-fixes') === true;
    if (applyLabelFixes && view === 'text') throw new UsageError('--apply-label-fixes changes values; --as-text keeps the original text. Choose one.');
    const flagOptions = importOptionsFromFlags(p.flags);
    const workspaceFile = flagString(p, 'workspace');
    const workspace = workspaceFile ? readWorkspaceFile(workspaceFile) : undefined;
    const entryOf = (file: string) => (workspace ? workspaceDatasetFor(workspace, file) : undefined);
    if (p.positional.length === 1) {
      if (path.resolve(targetOf.get(p.positional[0]!)!) === path.resolve(p.positional[0]!)) {
        throw new UsageError('--out must not be the input file (MeshLens never modifies your file)');
      }
      checkInputs(p.positional);
    }
    const bar = progressFor(io, false);
    const outcomes = await withEngine((engine) =>
      eachFile(
        engine,
        p.positional,
        (file) => importOptionsWith(entryOf(file), flagOptions),
        async (result, file) => {
          const target = targetOf.get(file)!;
          if (path.resolve(target) === path.resolve(file)) throw new Error(`${file}: the output ${target} would overwrite the input (MeshLens never modifies your file); nothing was written`);
          const fixes = applyLabelFixes ? await labelFixesFor(engine, result, entryOf(file)) : [];
          writeAtomic(target, await exportTable(engine, result, ext === '.csv' ? 'csv' : 'parquet', ext === '.csv' ? undefined : await parquetCodecFor(engine), view, fixes));
          if (applyLabelFixes) io.stderr(labelFixReport(file, fixes, workspaceFile, entryOf(file)));
          bar.done();
          io.stderr(`wrote ${result.rows} row(s) to ${target}\n`);
          return target;
        },
        bar,
      ),
    ).finally(() => bar.done());
    return reportFailures('export', outcomes, io);
  },
};
