/** Narrow selectors for components. */
import { useStore } from './store';
import type { Dataset } from './datasets-slice';

export function useDataset(id: string | null): Dataset | undefined {
  return useStore((s) => (id ? s.datasets.find((d) => d.id === id) : undefined));
}

export function useActiveDataset(): Dataset | undefined {
  return useStore((s) => (s.activeDatasetId ? s.datasets.find((d) => d.id === s.activeDatasetId) : undefined));
}
