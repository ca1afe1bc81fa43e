/**
 * Walkthrough progress, saved as JSON in the browser's storage so leaving and coming back resumes the step
 * and the answers. Keyed by walkthrough and dataset name.
 */
import type { Walkthrough, WalkthroughProgress } from '../../../../shared/mesh/walkthroughs';
import { restoreProgress } from '../../../../shared/mesh/walkthroughs';

const PREFIX = 'meshlens.walkthrough.';
const keyOf = (walkthroughId: string, dataset: string) => `${PREFIX}${walkthroughId}::${dataset}`;

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function loadProgress(w: Walkthrough, dataset: string): WalkthroughProgress {
  const raw = storage()?.getItem(keyOf(w.id, dataset));
  let saved: unknown = null;
  try {
    saved = raw ? JSON.parse(raw) : null;
  } catch {
    saved = null;
  }
  return restoreProgress(w, dataset, saved);
}

export function saveProgress(p: WalkthroughProgress): void {
  try {
    storage()?.setItem(keyOf(p.walkthroughId, p.dataset), JSON.stringify(p));
  } catch {
    /* storage full or disabled: progress lives for this session only */
  }
}

export function clearProgress(walkthroughId: string, dataset: string): void {
  storage()?.removeItem(keyOf(walkthroughId, dataset));
}

/** Progress of every walkthrough on one dataset, for the list. */
export function progressSummary(ws: Walkthrough[], dataset: string): Record<string, { step: number; completed: boolean; started: boolean }> {
  return Object.fromEntries(
    ws.map((w) => {
      const started = storage()?.getItem(keyOf(w.id, dataset)) != null;
      const p = loadProgress(w, dataset);
      return [w.id, { step: p.step, completed: p.completed, started }];
    }),
  );
}
