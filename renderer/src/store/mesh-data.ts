/**
 * The one path from a dataset to its mesh facts and contract results: both read the profile, the roles
 * as the user last set them and the findings from the store, so the walkthroughs, the product card, the
 * contract run and Findings all count the same rows.
 */
import { checkRunnerFor, coverageFromProfile, meshFindings, platformFromSemantics, rolesFromSemantics } from '../../../shared/mesh/analyse';
import { runContract } from '../../../shared/mesh/contract-run';
import type { ContractReport } from '../../../shared/mesh/contract-run';
import { readDatasetFacts } from '../../../shared/mesh/facts';
import { personalDataClassification } from '../../../shared/checks/personal-data';
import type { OdcsContract } from '../../../shared/mesh/odcs';
import type { DatasetFacts } from '../../../shared/mesh/types';
import { getEngine } from '../db';
import { getDataset } from './actions';
import { analysisConfig, auditStateOf, checkDataset, profileStateOf } from './analysis-slice';
import type { Dataset } from './datasets-slice';

const cache = new Map<string, DatasetFacts>();

/** Changes whenever anything the facts are read from changes: the import, the roles, the findings. */
export function factsKey(d: Dataset): string {
  const p = profileStateOf(d);
  const a = auditStateOf(d);
  return `${d.id}:${d.revision}:${p?.status ?? '-'}:${JSON.stringify(p?.overrides ?? {})}:${a?.status ?? '-'}:${a?.findings.length ?? 0}:${a?.score?.score ?? ''}`;
}

/** The mesh facts of a loaded dataset, read once per factsKey. */
export async function readFacts(d: Dataset): Promise<DatasetFacts> {
  const key = factsKey(d);
  const hit = cache.get(key);
  if (hit) return hit;
  if (!d.result) throw new Error(`${d.name} is not loaded yet.`);
  const p = profileStateOf(d);
  const a = auditStateOf(d);
  const semantics = p?.semantics;
  const platform = semantics && semantics.platform.platform !== 'audience_segment' ? platformFromSemantics(semantics) : undefined;
  const facts = await readDatasetFacts(await getEngine(), d.result, {
    name: d.name,
    ...(semantics ? { roles: rolesFromSemantics(semantics), personal: personalDataClassification(semantics) } : {}),
    ...(a?.status === 'done' ? { findings: meshFindings(a.findings), score: a.score?.score ?? null } : {}),
    ...(platform ? { platform } : {}),
    ...(p?.profile ? { dates: coverageFromProfile(p.profile, semantics) } : {}),
  });
  cache.set(key, facts);
  return facts;
}

/**
 * Run a contract on a dataset. Rules that run a MeshLens check use the dataset exactly as the app audited
 * it: the user's roles and the checks config in effect, so a rule and Findings report the same count.
 */
export async function runContractOnDataset(id: string, contract: OdcsContract): Promise<ContractReport> {
  const d = getDataset(id);
  if (!d?.result) throw new Error('The file is not loaded yet.');
  const p = profileStateOf(d);
  const engine = await getEngine();
  const audited = p?.profile && p.semantics ? checkDataset(d.result, p.profile, p.semantics, d.name) : undefined;
  return runContract(engine, d.result, contract, { checks: checkRunnerFor(engine, d.result, analysisConfig.current, audited) });
}
