/** Open the Findings screen on one finding (from the Overview's top findings). Read once when it mounts. */
import { setScreen } from '../../store';

let requested: { datasetId: string; key: string } | null = null;

export function openFinding(datasetId: string, key: string): void {
  requested = { datasetId, key };
  setScreen('findings');
}

export function takeRequestedFinding(datasetId: string): string | null {
  const r = requested;
  requested = null;
  return r && r.datasetId === datasetId ? r.key : null;
}
