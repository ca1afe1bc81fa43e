export { useStore } from './store';
export type { AppState } from './store';
export type { Dataset, DatasetFile, DatasetStatus } from './datasets-slice';
export type { Banner, Theme } from './ui-slice';
export type { Job } from './jobs-slice';
export type { WorkshopState, WorkshopTab } from './mesh-slice';
export * from './actions';
export * from './mesh-actions';
export { useActiveDataset, useDataset } from './selectors';
