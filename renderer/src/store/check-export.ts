/**
 * The checks travel, from the app: the product's contract rules and the check pack applied to the dataset as
 * the app audited it (the user's roles and the checks config in effect), exported as SodaCL or dbt tests.
 */
import { tarFiles, toDbt } from '../../../shared/mesh/export-dbt';
import { portableRules } from '../../../shared/mesh/export-rules';
import type { NotExported } from '../../../shared/mesh/export-rules';
import { toSodaCl } from '../../../shared/mesh/export-sodacl';
import type { OdcsContract } from '../../../shared/mesh/odcs';
import { checkPackQueries } from '../../../shared/mesh/portable-sql';
import { getEngine } from '../db';
import { getDataset } from './actions';
import { analysisConfig, checkDataset, profileStateOf } from './analysis-slice';

export interface ChecksExport {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  exported: number;
  notExported: NotExported[];
  /** False when the dataset was not profiled yet, so only the contract's rules were exported. */
  withCheckPack: boolean;
}

export async function exportChecksForDataset(
  id: string,
  contract: OdcsContract,
  format: 'sodacl' | 'dbt',
): Promise<ChecksExport> {
  const d = getDataset(id);
  if (!d?.result) throw new Error('The file is not loaded yet.');
  const p = profileStateOf(d);
  const audited =
    p?.profile && p.semantics ? checkDataset(d.result, p.profile, p.semantics, d.name) : undefined;
  const queries = audited ? await checkPackQueries(await getEngine(), audited, analysisConfig.current) : null;
  const rules = portableRules(contract, queries);
  const base = {
    exported: rules.rules.length,
    notExported: rules.notExported,
    withCheckPack: queries !== null,
  };
  if (format === 'sodacl')
    return {
      ...base,
      fileName: `${rules.table}.sodacl.yml`,
      mime: 'application/yaml',
      bytes: new TextEncoder().encode(toSodaCl(rules, { source: d.name })),
    };
  return {
    ...base,
    fileName: `${rules.table}.dbt-tests.tar`,
    mime: 'application/x-tar',
    bytes: tarFiles(toDbt(rules, { source: d.name })),
  };
}
