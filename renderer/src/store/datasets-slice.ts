/** Open datasets, one tab each: the file, what the importer made of it, and the slots later stages fill. */
import type { StateCreator } from 'zustand';
import type { Progress } from '../../../shared/engine/types';
import type { ImportOptions, ImportResult } from '../../../shared/import/types';

export type DatasetStatus = 'loading' | 'ready' | 'error' | 'cancelled';

export interface DatasetFile {
  /** Absolute path in Electron, the bare file name in the browser. */
  path: string;
  name: string;
  /**
   * The file's content. When `blob` is set (browser File, fetched demo) this is only its start (enough
   * for the import preview): the whole file stays in the Blob and the database worker reads it there, so
   * a 60 MB file is never copied on the UI thread.
   */
  bytes: Uint8Array;
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
