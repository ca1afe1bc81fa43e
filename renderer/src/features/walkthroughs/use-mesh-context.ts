/**
 * The mesh facts of every open dataset (read through the store, renderer/src/store/mesh-data.ts) and the
 * active dataset's data product. Facts are re-read when the import, the roles or the findings change.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DatasetFacts, MeshContext } from '../../../../shared/mesh/types';
import { useStore } from '../../store';
import { auditStateOf, ensureAnalysis } from '../../store/analysis-slice';
import { factsKey, readFacts } from '../../store/mesh-data';
import { examplePolicyPack } from '../governance/example-pack';
import { attributionByTruth } from '../../../../shared/reconcile/run';
import type { AttributionRuns } from '../../../../shared/reconcile/run';
import { getEngine } from '../../db';
import { attributionInputs, inputsKey } from '../reconcile/attribution-inputs';

export interface MeshContextState {
  ctx: MeshContext | null;
  loading: boolean;
  error: string | null;
  /** True while the active dataset's checks are still running (findings will follow). */
  auditing: boolean;
}

export function useMeshContext(activeId: string | null): MeshContextState {
  const datasets = useStore((s) => s.datasets);
  const product = useStore((s) => (activeId ? s.products[activeId] : undefined));
  const policyPack = useStore((s) => s.policyPack) ?? examplePolicyPack();
  const ready = useMemo(() => datasets.filter((d) => d.status === 'ready' && d.result), [datasets]);
  const key = ready.map(factsKey).join('|');
  const [state, setState] = useState<{ key: string; facts: DatasetFacts[]; error: string | null }>({ key: '', facts: [], error: null });
  const products = useStore((s) => s.products);
  // The reconcile settings the user gave (currency, time zone, domain per source) apply here too.
  const reconcile = useStore((s) => s.reconcile);
  const inputs = inputsKey(datasets, products);
  const runKey = inputs && `${inputs}|${JSON.stringify(reconcile.sources)}`;
  const [runs, setRuns] = useState<{ key: string; runs: AttributionRuns | null }>({ key: '', runs: null });

  // The reconciliation behind "Honest attribution": one run per possible source of truth, re-run when a dataset changes.
  useEffect(() => {
    if (!runKey) return;
    let live = true;
    getEngine()
      .then((engine) => attributionByTruth(engine, attributionInputs(datasets, products, { sources: reconcile.sources })))
      .then(
        (r) => live && setRuns({ key: runKey, runs: r }),
        () => live && setRuns({ key: runKey, runs: null }),
      );
    return () => {
      live = false;
    };
    // `runKey` captures the datasets and product domains that matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runKey]);
  const attribution = runs.key === runKey ? runs.runs : null;

  useEffect(() => {
    for (const d of ready) ensureAnalysis(d.id);
    let live = true;
    Promise.all(ready.map(readFacts)).then(
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
  const ctx = useMemo(
    () => (active && current ? { active, datasets: state.facts, policyPack, ...(product ? { product } : {}), ...(attribution ? { attribution } : {}) } : null),
    [active, current, state.facts, product, policyPack, attribution],
  );
  return { ctx, loading: !current, error: state.error, auditing };
}
