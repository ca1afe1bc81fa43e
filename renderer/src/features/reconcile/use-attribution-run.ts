/**
 * The attribution run over every open dataset (shared/reconcile/run.ts), with the user's choices: the source
 * of truth, confirmed keys, each source's domain, currency and time zone, held as the very ReconcileConfig the
 * CLI reads from `--config` (shared/reconcile/config.ts). Datasets are read exactly as the app analysed them (the user's roles), and
 * a data product's domain is reused when the user set one. Re-run when a dataset or a choice changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AttributionRun, RunOptions } from '../../../../shared/reconcile/run';
import { runAttribution } from '../../../../shared/reconcile/run';
import type { ReconcileConfig } from '../../../../shared/reconcile/config';
import { getEngine } from '../../db';
import { useStore } from '../../store';
import { ensureAnalysis } from '../../store/analysis-slice';
import { analysedDatasets, attributionInputs, inputsKey } from './attribution-inputs';

/** The user's reconcile choices: the CLI's config object, sources named by file name. */
export type ReconcileChoices = ReconcileConfig;

export interface RunState {
  run: AttributionRun | null;
  loading: boolean;
  /** True while `run` is the previous run and a new one (after a change of choices or datasets) is computed. */
  stale: boolean;
  error: string | null;
  /** Open datasets still being profiled (left out until ready). */
  waiting: string[];
}

export function useAttributionRun(choices: ReconcileChoices): RunState {
  const datasets = useStore((s) => s.datasets);
  const products = useStore((s) => s.products);
  const ready = useMemo(() => analysedDatasets(datasets), [datasets]);
  const waiting = datasets.filter((d) => !ready.includes(d)).map((d) => d.name);
  const key = JSON.stringify([inputsKey(datasets, products), choices]);
  const [state, setState] = useState<{ key: string; run: AttributionRun | null; error: string | null }>({ key: '', run: null, error: null });

  // Every open dataset is profiled, also one that finishes loading after this screen opened.
  useEffect(() => {
    for (const d of datasets) ensureAnalysis(d.id);
  }, [datasets]);

  useEffect(() => {
    if (!ready.length) return;
    let live = true;
    (async () => {
      const engine = await getEngine();
      const inputs = attributionInputs(datasets, products, choices);
      const options: RunOptions = {
        ...(choices.truth ? { truth: choices.truth } : {}),
        ...(choices.on?.length ? { on: choices.on } : {}),
        ...(choices.metric ? { metric: choices.metric } : {}),
        ...(choices.testStart ? { testStart: choices.testStart } : {}),
        ...(choices.checks ? { params: choices.checks } : {}),
      };
      return runAttribution(engine, inputs, options);
    })().then(
      (run) => live && setState({ key, run, error: null }),
      (e: unknown) => live && setState({ key, run: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // `key` captures the datasets and choices that matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // While a new run is computed the previous one stays on screen, marked stale, so the settings being edited stay put.
  const stale = state.key !== key && state.run !== null && ready.length > 0;
  return {
    run: state.key === key || stale ? state.run : null,
    loading: (state.key !== key && ready.length > 0) || (ready.length === 0 && waiting.length > 0),
    stale,
    error: state.error,
    waiting,
  };
}
