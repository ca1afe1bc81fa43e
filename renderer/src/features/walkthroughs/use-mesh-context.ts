/**
 * The mesh facts of every open dataset, read through the renderer's DuckDB worker. Roles come from the
 * profile's semantics and findings from the audit once they exist; facts are re-read when either changes.
 */
import { useEffect, useMemo, useState } from 'react';
import { meshFindings, platformFromSemantics, rolesFromSemantics } from '../../../../shared/mesh/analyse';
import { readDatasetFacts } from '../../../../shared/mesh/facts';
import type { DatasetFacts, MeshContext } from '../../../../shared/mesh/types';
import { getEngine } from '../../db';
import { useStore } from '../../store';
import type { Dataset } from '../../store';
import { auditStateOf, ensureAnalysis, profileStateOf } from '../../store/analysis-slice';
import { examplePolicyPack } from '../governance/example-pack';

const cache = new Map<string, DatasetFacts>();

function cacheKey(d: Dataset): string {
  const p = profileStateOf(d);
  const a = auditStateOf(d);
  return `${d.id}:${d.revision}:${p?.status ?? '-'}:${a?.status ?? '-'}:${a?.findings.length ?? 0}`;
}

async function factsOf(d: Dataset): Promise<DatasetFacts> {
  const key = cacheKey(d);
  const hit = cache.get(key);
  if (hit) return hit;
  const p = profileStateOf(d);
  const a = auditStateOf(d);
  const semantics = p?.semantics;
  const platform = semantics && semantics.platform.platform !== 'audience_segment' ? platformFromSemantics(semantics) : undefined;
  const facts = await readDatasetFacts(await getEngine(), d.result!, {
    name: d.name,
    ...(semantics ? { roles: rolesFromSemantics(semantics) } : {}),
    ...(a?.status === 'done' ? { findings: meshFindings(a.findings), score: a.score?.score ?? null } : {}),
    ...(platform ? { platform } : {}),
  });
  cache.set(key, facts);
  return facts;
}

export interface MeshContextState {
  ctx: MeshContext | null;
  loading: boolean;
  error: string | null;
  /** True while the active dataset's checks are still running (findings will follow). */
  auditing: boolean;
}

export function useMeshContext(activeId: string | null): MeshContextState {
  const datasets = useStore((s) => s.datasets);
  const policyPack = useStore((s) => s.policyPack) ?? examplePolicyPack();
  const ready = useMemo(() => datasets.filter((d) => d.status === 'ready' && d.result), [datasets]);
  const key = ready.map(cacheKey).join('|');
  const [state, setState] = useState<{ key: string; facts: DatasetFacts[]; error: string | null }>({ key: '', facts: [], error: null });

  useEffect(() => {
    for (const d of ready) ensureAnalysis(d.id);
    let live = true;
    Promise.all(ready.map(factsOf)).then(
      (facts) => live && setState({ key, facts, error: null }),
      (e: unknown) => live && setState({ key, facts: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // `key` captures everything in `ready` that matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const activeDataset = ready.find((d) => d.id === activeId);
  const auditing = Boolean(activeDataset && auditStateOf(activeDataset)?.status !== 'done');
  const active = activeDataset ? state.facts[ready.indexOf(activeDataset)] : undefined;
  const current = state.key === key;
  return {
    ctx: active && current ? { active, datasets: state.facts, policyPack } : null,
    loading: !current,
    error: state.error,
    auditing,
  };
}
