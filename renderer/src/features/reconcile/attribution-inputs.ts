/**
 * The open datasets as the reconciliation reads them: as the app analysed them, with the data product's domain
 * and the settings the user gave each source (the same fields `meshlens reconcile --config` reads).
 */
import type { ProductDecisions } from '../../../../shared/mesh/product-state';
import type { RunInput } from '../../../../shared/reconcile/run';
import { settingsOf } from '../../../../shared/reconcile/config';
import type { ReconcileConfig } from '../../../../shared/reconcile/config';
import { checkDataset, profileStateOf } from '../../store/analysis-slice';
import type { Dataset } from '../../store/datasets-slice';

/** Datasets whose profile is done (the others are still being read and join the run when ready). */
export function analysedDatasets(datasets: Dataset[]): Dataset[] {
  return datasets.filter((d) => d.status === 'ready' && d.result && profileStateOf(d)?.status === 'done' && profileStateOf(d)?.semantics);
}

export function attributionInputs(datasets: Dataset[], products: Record<string, ProductDecisions>, config: ReconcileConfig = { sources: [] }): RunInput[] {
  return analysedDatasets(datasets).map((d) => {
    const p = profileStateOf(d)!;
    const productDomain = products[d.id]?.domain;
    return {
      dataset: checkDataset(d.result!, p.profile!, p.semantics!, d.name),
      ...settingsOf(config, d.name),
      ...(productDomain ? { productDomain } : {}),
    };
  });
}

/** Changes whenever a dataset, its roles or its product domain changes. */
export function inputsKey(datasets: Dataset[], products: Record<string, ProductDecisions>): string {
  return analysedDatasets(datasets)
    .map((d) => `${d.id}:${d.revision}:${JSON.stringify(profileStateOf(d)?.overrides ?? {})}:${products[d.id]?.domain ?? ''}`)
    .join('|');
}
