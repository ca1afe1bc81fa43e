/**
 * `meshlens contract export <file> --format odcs|sodacl|dbt [--contract x.odcs.yaml] [--out path]`: the
 * contract's rules (the given contract, or the rules the file suggests) and the check pack applied to the file,
 * as ODCS, SodaCL or dbt tests. Rules that cannot travel are named on stderr and in the output's comments.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { analyseForMesh } from '../../shared/mesh/analyse';
import { tarFiles, toDbt } from '../../shared/mesh/export-dbt';
import type { ExportFile } from '../../shared/mesh/export-dbt';
import { portableRules } from '../../shared/mesh/export-rules';
import { toSodaCl } from '../../shared/mesh/export-sodacl';
import { exportContractYaml, parseContract } from '../../shared/mesh/odcs';
import { checkPackQueries } from '../../shared/mesh/portable-sql';
import { suggestProduct } from '../../shared/mesh/product';
import { stringifyPortable } from '../../shared/mesh/yaml-portable';
import { flagString, parseArgs } from './args';
import { readContractFile } from './contract';
import { writeAtomic } from './export';
import { IMPORT_BOOLEANS, IMPORT_FLAGS, importOptionsFromFlags, loadFile, withEngine } from './load';
import type { Command } from './types';
import { UsageError } from './types';

const FORMATS = ['odcs', 'sodacl', 'dbt'] as const;

export async function exportContract(args: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parseArgs(args, ['contract', 'format', 'out', 'reference-date', ...IMPORT_FLAGS], IMPORT_BOOLEANS);
  const format = flagString(p, 'format') ?? 'odcs';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${format}')`);
  if (p.positional.length !== 1) throw new UsageError('contract export needs exactly one input file (the check pack runs on it)');
  const out = flagString(p, 'out');
  if (format === 'dbt' && !out) throw new UsageError('contract export --format dbt needs --out <directory> or --out <file.tar>');
  const contractFile = flagString(p, 'contract');
  const given = contractFile ? readContractFile(contractFile) : null;
  const file = p.positional[0]!;
  const ref = flagString(p, 'reference-date');
  const { contract, queries } = await withEngine(async (engine) => {
    const result = await loadFile(engine, file, importOptionsFromFlags(p.flags));
    const config = ref ? { referenceDate: ref } : {};
    const { facts, dataset } = await analyseForMesh(engine, result, { name: path.basename(file), config });
    return { contract: given ?? parseContract(exportContractYaml(suggestProduct(facts))), queries: await checkPackQueries(engine, dataset, config) };
  });
  if (format === 'odcs') {
    const yaml = stringifyPortable(contract);
    if (out) writeAtomic(path.resolve(out), new TextEncoder().encode(yaml));
    else io.stdout(yaml);
    return 0;
  }
  const rules = portableRules(contract, queries);
  // The warehouse table is the contract's schema object; the source file only explains where the rules came from.
  const source = path.basename(file);
  for (const n of rules.notExported) io.stderr(`not exported: ${n.id} (${n.title}): ${n.reason}\n`);
  if (format === 'sodacl') {
    const text = toSodaCl(rules, { source });
    if (out) writeAtomic(path.resolve(out), new TextEncoder().encode(text));
    else io.stdout(text);
  } else writeDbt(toDbt(rules, { source }), out!);
  io.stderr(`${rules.rules.length} rule(s) exported as ${format}, ${rules.notExported.length} not exported${out ? `; wrote ${out}` : ''}\n`);
  return 0;
}

function writeDbt(files: ExportFile[], out: string): void {
  if (/\.tar$/i.test(out)) return writeAtomic(path.resolve(out), tarFiles(files));
  for (const f of files) {
    const target = path.resolve(out, f.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeAtomic(target, new TextEncoder().encode(f.content));
  }
}
