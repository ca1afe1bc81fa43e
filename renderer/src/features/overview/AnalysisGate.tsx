import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useDataset, useStore } from '../../store';
import type { Dataset } from '../../store';
import { analyseDataset, auditStateOf, ensureAnalysis, profileStateOf } from '../../store/analysis-slice';
import type { AuditState, ProfileState } from '../../store/analysis-slice';
import './screens.css';

export interface Analysed {
  dataset: Dataset;
  profile: ProfileState;
  audit: AuditState | null;
}

/** While the first profile runs: what is happening (the job bar above has the progress and Cancel). */
function AnalysisWaiting({ datasetId, name }: { datasetId: string; name: string }) {
  const stage = useStore(
    (s) => s.jobs.find((j) => j.datasetId === datasetId && !j.label.startsWith('Loading '))?.progress?.stage,
  );
  return (
    <div className="ml-card ml-empty" data-testid="analysis-waiting" role="status">
      <p>
        <strong>Profiling and auditing {name}</strong>
      </p>
      <p className="ml-muted">
        {stage ?? 'Starting'}… The work runs in the database worker; you can keep using the app, and Cancel it
        in the bar above.
      </p>
    </div>
  );
}

/**
 * Starts the profile + audit of the dataset when a screen first needs it, shows progress with Cancel while
 * it runs, and renders `children` with the results once the profile is there.
 */
export function AnalysisGate({
  datasetId,
  children,
  early,
}: {
  datasetId: string | null;
  children: (a: Analysed) => ReactNode;
  /** What the screen can show from the import alone while the profile and checks run. */
  early?: (dataset: Dataset) => ReactNode;
}) {
  const dataset = useDataset(datasetId);
  const ready = dataset?.status === 'ready' && Boolean(dataset.result);
  const revision = dataset?.revision;
  useEffect(() => {
    if (ready && datasetId) ensureAnalysis(datasetId);
  }, [ready, datasetId, revision]);

  if (!dataset || !datasetId)
    return (
      <EmptyState title="No dataset open">Open a file on the Home screen to see its analysis.</EmptyState>
    );
  if (!ready) {
    return (
      <EmptyState
        title={dataset.status === 'error' ? 'This file could not be loaded' : `Loading ${dataset.name}…`}
      >
        {dataset.error && <p>{dataset.error}</p>}
      </EmptyState>
    );
  }
  const profile = profileStateOf(dataset);
  const audit = auditStateOf(dataset);
  if (!profile?.profile) {
    const stopped = profile?.status === 'cancelled' || profile?.status === 'error';
    return (
      <div className="ml-screen">
        {early?.(dataset)}
        {!stopped && <AnalysisWaiting datasetId={datasetId} name={dataset.name} />}
        {stopped && (
          <div className="ml-card ml-empty" data-testid="analysis-stopped">
            <p>
              {profile?.status === 'cancelled'
                ? 'The analysis was cancelled. Nothing was lost.'
                : `The analysis failed: ${profile?.error ?? 'unknown error'}`}
            </p>
            <button
              type="button"
              className="btn primary"
              data-testid="analysis-run"
              onClick={() => void analyseDataset(datasetId)}
            >
              Run the analysis
            </button>
          </div>
        )}
      </div>
    );
  }
  return <>{children({ dataset, profile, audit })}</>;
}
