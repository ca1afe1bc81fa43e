/** `meshlens export <file> --out <path.csv|path.parquet>`: write the loaded, typed table. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { exportTable } from '../../shared/import/export';
import { flagString, parseArgs } from './args';
import { checkInputs, IMPORT_BOOLEANS, IMPORT_FLAGS, importOptionsFromFlags, loadFile, parquetCodecFor, withEngine } from './load';
import { progressFor } from './progress';
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

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the loaded, typed table as UTF-8 CSV or Parquet (summary rows removed, numbers plain).',
  usage: 'meshlens export <file> --out <path.csv|path.parquet> [import options as for inspect]',
  async run(args, io) {
    const p = parseArgs(args, ['out', ...IMPORT_FLAGS], IMPORT_BOOLEANS);
    if (p.positional.length !== 1) throw new UsageError('export needs exactly one input file');
    const out = flagString(p, 'out');
    if (!out) throw new UsageError('export needs --out <path.csv|path.parquet>');
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.csv' && ext !== '.parquet') throw new UsageError('--out must end in .csv or .parquet');
    const dir = path.dirname(path.resolve(out));
    try {
      if (!statSync(dir).isDirectory()) throw new Error();
    } catch {
      throw new UsageError(`cannot write ${out}: folder ${dir} does not exist`);
    }
    if (path.resolve(out) === path.resolve(p.positional[0]!)) throw new UsageError('--out must not be the input file (MeshLens never modifies your file)');
    const options = importOptionsFromFlags(p.flags);
    checkInputs([p.positional[0]!]);
    const bar = progressFor(io, false);
    const { bytes, rows } = await withEngine(async (engine) => {
      const result = await loadFile(engine, p.positional[0]!, options, bar.part(path.basename(p.positional[0]!), 0, 0.9));
      bar.part(path.basename(out), 0.9, 1)({ stage: 'Writing', fraction: 0 });
      return { bytes: await exportTable(engine, result, ext === '.csv' ? 'csv' : 'parquet', ext === '.csv' ? undefined : await parquetCodecFor(engine)), rows: result.rows };
    }).finally(() => bar.done());
    writeAtomic(out, bytes);
    io.stderr(`wrote ${rows} row(s) to ${out}\n`);
    return 0;
  },
};
