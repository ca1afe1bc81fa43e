import { useState } from 'react';
import { GLOSSARY, GLOSSARY_IDS } from '../../../../shared/mesh/glossary';
import { WALKTHROUGHS, walkthroughById, restoreProgress, startProgress } from '../../../../shared/mesh/walkthroughs';
import type { Artefact, WalkthroughProgress } from '../../../../shared/mesh/walkthroughs';
import type { ProductDecisions } from '../../../../shared/mesh/product-state';
import { EmptyState } from '../../components/EmptyState';
import { getBridge } from '../../bridge';
import { clearWalkthroughProgress, saveWalkthroughProgress, updateProduct, useDataset, useStore } from '../../store';
import type { ScreenProps } from '../registry';
import { takeRequestedWalkthrough } from './open-request';
import { useMeshContext } from './use-mesh-context';
import { WalkthroughPlayer } from './WalkthroughPlayer';
import './walkthroughs.css';

export async function saveArtefact(a: Artefact): Promise<string | null> {
  return getBridge().saveFile(a.fileName, new TextEncoder().encode(a.content), a.mime);
}

const NO_PROGRESS: Record<string, WalkthroughProgress> = {};

/**
 * The six data-mesh walkthroughs on the active dataset: pick one, step through it, resume later. Progress and
 * answers live in the store (saved in the workspace); answers about the product are written to the product.
 */
export function WalkthroughsScreen({ datasetId }: ScreenProps) {
  const dataset = useDataset(datasetId);
  const { ctx, loading, error, auditing } = useMeshContext(datasetId);
  const [openId, setOpenId] = useState<string | null>(() => takeRequestedWalkthrough());
  const saved = useStore((s) => (datasetId ? s.walkthroughs[datasetId] : undefined)) ?? NO_PROGRESS;

  if (!dataset) return <EmptyState title="No dataset open">Open a file (or the workshop’s demo data) to start a walkthrough.</EmptyState>;
  if (error) return <EmptyState title="The walkthroughs could not read this dataset">{error}</EmptyState>;
  if (!ctx) return <EmptyState title={loading ? `Reading ${dataset.name}…` : 'Waiting for the file to load'} testId="walkthroughs-loading" />;

  const id = dataset.id;
  const w = openId ? walkthroughById(openId) : undefined;
  const shown = w ? restoreProgress(w, ctx.active.name, saved[w.id] ?? null) : null;
  const summary = Object.fromEntries(
    WALKTHROUGHS.map((x) => {
      const p = saved[x.id];
      return [x.id, { step: p?.step ?? 0, completed: p?.completed ?? false, started: Boolean(p) }];
    }),
  );
  const open = (wid: string) => setOpenId(wid);
  const update = (p: WalkthroughProgress, patch?: ProductDecisions | null) => {
    saveWalkthroughProgress(id, p);
    if (patch) updateProduct(id, patch);
  };

  return (
    <div className="screen mesh-screen" data-testid="walkthroughs-screen">
      <h1>Data mesh on {ctx.active.name}</h1>
      {auditing && <p className="muted" data-testid="walkthroughs-auditing">The checks are still running; findings will appear in the steps when they finish.</p>}
      <div className="mesh-layout">
        <nav className="mesh-list" aria-label="Walkthroughs">
          {WALKTHROUGHS.map((x) => {
            const s = summary[x.id]!;
            return (
              <button
                key={x.id}
                type="button"
                className="mesh-list-item"
                aria-current={x.id === openId ? 'true' : undefined}
                data-testid={`walkthrough-open-${x.id}`}
                onClick={() => open(x.id)}
              >
                <strong>{x.title}</strong>
                <span className="muted">{x.summary}</span>
                <span className="mesh-status" data-testid={`walkthrough-status-${x.id}`}>
                  {s.completed ? 'Completed' : s.started ? `Resume at step ${s.step + 1}` : 'Not started'}
                </span>
              </button>
            );
          })}
        </nav>
        {w && shown ? (
          <WalkthroughPlayer
            key={`${w.id}:${ctx.active.name}`}
            walkthrough={w}
            ctx={ctx}
            progress={shown}
            onProgress={update}
            onSave={saveArtefact}
            onRestart={() => {
              clearWalkthroughProgress(id, w.id);
              update(startProgress(w, ctx.active.name));
            }}
          />
        ) : (
          <div className="mesh-intro">
            <h2>Four principles, on your own data</h2>
            <p>
              Each walkthrough takes a few minutes, quotes the numbers of <strong>{ctx.active.name}</strong> ({ctx.active.rows} rows), and ends with
              something you keep: a profile, an ownership matrix, a data contract, a check pack, a policy report or an attribution check.
            </p>
            <p className="muted">You can leave at any step; your answers are kept and the walkthrough resumes where you left it.</p>
            <h2>Glossary</h2>
            <dl className="mesh-glossary" data-testid="glossary">
              {GLOSSARY_IDS.map((id) => (
                <div key={id}>
                  <dt>{GLOSSARY[id].term}</dt>
                  <dd>{GLOSSARY[id].definition}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
      </div>
    </div>
  );
}
