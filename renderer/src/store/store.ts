/** The one store, made of typed slices. Components select narrowly; actions live in actions.ts. */
import { create } from 'zustand';
import { createDatasetsSlice } from './datasets-slice';
import type { DatasetsSlice } from './datasets-slice';
import { createJobsSlice } from './jobs-slice';
import type { JobsSlice } from './jobs-slice';
import { createGovernanceSlice } from './governance-slice';
import type { GovernanceSlice } from './governance-slice';
import { createMeshSlice } from './mesh-slice';
import type { MeshSlice } from './mesh-slice';
import { createUiSlice } from './ui-slice';
import type { UiSlice } from './ui-slice';

export type AppState = DatasetsSlice & UiSlice & JobsSlice & GovernanceSlice & MeshSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createDatasetsSlice(...a),
  ...createUiSlice(...a),
  ...createJobsSlice(...a),
  ...createGovernanceSlice(...a),
  ...createMeshSlice(...a),
}));
