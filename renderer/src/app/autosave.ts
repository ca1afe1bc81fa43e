/**
 * Autosave: in the desktop app, a crash-safety copy of the workspace (which files are open, with which
 * import options and roles, the data products, walkthrough answers and workshop decisions) is written to the app's data folder a few seconds after anything changes. It never
 * writes the user's own .meshlens file. In the browser there is nowhere to write, so it does nothing.
 */
import { serializeWorkspace } from '../../../shared/workspace';
import { autosaveWorkspace, electronApi } from '../bridge/electron-bridge';
import { useStore } from '../store';
import { currentWorkspace, workspaceSnapshot } from './workspace';

export const AUTOSAVE_DELAY_MS = 3000;

/** Start autosaving; returns a function that stops it. */
export function startAutosave(delayMs = AUTOSAVE_DELAY_MS): () => void {
  if (!electronApi()) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = '';
  const snapshot = workspaceSnapshot;
  const unsubscribe = useStore.subscribe(() => {
    const now = snapshot();
    if (now === last) return;
    last = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void autosaveWorkspace(serializeWorkspace(currentWorkspace('Autosave'))).then((r) => {
        if (!r.ok) console.warn(`MeshLens autosave failed: ${r.error}`);
      });
    }, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
