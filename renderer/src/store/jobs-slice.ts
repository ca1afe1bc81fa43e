/** Long work in progress (load, profile, audit, export): shown as progress bars with a Cancel button. */
import type { StateCreator } from 'zustand';
import type { Progress } from '../../../shared/engine/types';

export interface Job {
  id: number;
  label: string;
  datasetId: string | null;
  progress: Progress | null;
  startedAt: number;
}

export interface JobsSlice {
  jobs: Job[];
}

export const createJobsSlice: StateCreator<JobsSlice, [], [], JobsSlice> = () => ({
  jobs: [],
});
