/** Open datasets, one tab each: the file, what the importer made of it, and the slots later stages fill. */
import type { StateCreator } from 'zustand';
import type { Progress } from '../../../shared/engine/types';
import type { ImportOptions, ImportResult } from '../../../shared/import/types';

export type DatasetStatus = 'loading' | 'ready' | 'error' | 'cancelled';

export interface DatasetFile {
  /** Absolute path in Electron, the bare file name in the browser. */
  path: string;
  name: string;
  bytes: Uint8Array;
  /**
   * The same content as a Blob (browser File, fetched demo) when there is one: the worker gets its copy by
   * reading the Blob again, off the UI thread, instead of a 60 MB memcpy on it.
   */
  blob?: Blob;
}

export interface Dataset {
  id: string;
  /** Shown on the tab: the file name. */
  name: string;
  file: DatasetFile;
  /** The user's overrides; anything left out is detected by the importer. */
  options: ImportOptions;
  /** The last successful import (kept while a re-import runs, so the screens do not flash). */
  result: ImportResult | null;
  status: DatasetStatus;
  error: string | null;
  progress: Progress | null;
  /** Bumped on every successful (re-)import: screens refetch when it changes. */
  revision: number;
  /** Filled by the profile feature (see setProfile); null until profiled. */
  profile: unknown;
  /** Filled by the checks feature (see setFindings); null until audited. */
  findings: unknown;
}

export interface DatasetsSlice {
  datasets: Dataset[];
}

export const createDatasetsSlice: StateCreator<DatasetsSlice, [], [], DatasetsSlice> = () => ({
  datasets: [],
});
