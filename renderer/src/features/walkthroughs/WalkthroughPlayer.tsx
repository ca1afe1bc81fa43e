import { useEffect, useState } from 'react';
import { GLOSSARY } from '../../../../shared/mesh/glossary';
import type { MeshContext } from '../../../../shared/mesh/types';
import { applyAnswer, backStep, buildArtefact, canAnswer, renderStep } from '../../../../shared/mesh/walkthroughs';
import type { Answer, Artefact, Walkthrough, WalkthroughProgress } from '../../../../shared/mesh/walkthroughs';
import type { ProductDecisions } from '../../../../shared/mesh/product-state';
import { StepAction } from './StepAction';
import { StepVisual } from './StepVisual';

/** Outline the UI element a step points at, when it is on screen. */
function useHighlight(testId: string | undefined): boolean {
  const [found, setFound] = useState(false);
  useEffect(() => {
    if (!testId || typeof document === 'undefined') return;
    const el = document.querySelector(`[data-testid="${testId.replace(/["\\]/g, '\\$&')}"]`);
    el?.classList.add('mesh-highlight');
    setFound(Boolean(el));
    return () => {
      el?.classList.remove('mesh-highlight');
      setFound(false);
    };
  }, [testId]);
  return found;
}

export interface PlayerProps {
  walkthrough: Walkthrough;
  ctx: MeshContext;
  progress: WalkthroughProgress;
  /** New progress, and the change to the data product when the step writes to it. */
  onProgress: (p: WalkthroughProgress, productPatch?: ProductDecisions | null) => void;
  onSave: (a: Artefact) => Promise<string | null>;
  onRestart?: () => void;
}

/** One walkthrough, one step at a time, with the user's numbers; the last step shows and saves the artefact. */
export function WalkthroughPlayer({ walkthrough: w, ctx, progress, onProgress, onSave, onRestart }: PlayerProps) {
  const r = renderStep(w, ctx, progress);
  const stored = progress.answers[r.step.id];
  const [draft, setDraft] = useState<{ step: number; value: Answer | undefined }>({ step: r.index, value: stored ?? r.suggested });
  // What the step shows: what the user typed here, else their earlier answer, else the product's value or the suggestion.
  const value = draft.step === r.index && draft.value !== undefined ? draft.value : (stored ?? r.suggested);
  const [saved, setSaved] = useState<string | null>(null);
  const highlighted = useHighlight(r.step.highlight);
  const artefact = progress.completed ? buildArtefact(w, ctx, progress) : null;

  const ready = canAnswer(r, value);
  const next = () => {
    const { progress: p, patch } = applyAnswer(w, ctx, progress, value);
    onProgress(p, patch);
    setDraft({ step: r.index + 1, value: undefined });
  };
  const save = async () => {
    if (!artefact) return;
    setSaved(await onSave(artefact));
  };

  return (
    <section className="mesh-player" data-testid="walkthrough-player" data-walkthrough={w.id} aria-label={w.title}>
      <header className="mesh-player-head">
        <div>
          <h2>{w.title}</h2>
          <p className="muted">{w.principle}</p>
        </div>
        <span className="mesh-stepcount" data-testid="walkthrough-stepcount">
          Step {r.index + 1} of {r.total}
        </span>
      </header>
      <progress max={r.total} value={progress.completed ? r.total : r.index} aria-label="Walkthrough progress" />
      <article className="mesh-step" data-testid="walkthrough-step" data-step={r.step.id}>
        <h3>{r.title}</h3>
        <p data-testid="walkthrough-text">{r.text}</p>
        <StepVisual id={r.step.highlight} ctx={ctx} answers={progress.answers} />
        {highlighted && <p className="mesh-hint">The highlighted part of the screen is what this step is about.</p>}
        {!progress.completed && <StepAction rendered={r} value={value} onChange={(v) => setDraft({ step: r.index, value: v })} />}
        {r.step.terms && r.step.terms.length > 0 && (
          <div className="mesh-terms" aria-label="Glossary">
            {r.step.terms.map((t) => (
              <details key={t} data-testid="glossary-term" data-term={t}>
                <summary>{GLOSSARY[t].term}</summary>
                <p>{GLOSSARY[t].definition}</p>
                <p className="muted">Example: {GLOSSARY[t].example}</p>
              </details>
            ))}
          </div>
        )}
      </article>
      {artefact && (
        <div className="mesh-artefact" data-testid="walkthrough-artefact" data-kind={artefact.kind}>
          <h3>
            <span className="mesh-done" data-testid="walkthrough-complete">
              Done
            </span>{' '}
            {artefact.title}
          </h3>
          <pre>{artefact.markdown}</pre>
          <div className="mesh-buttons">
            <button type="button" className="btn primary" data-testid="walkthrough-save" onClick={() => void save()}>
              Save {artefact.fileName}
            </button>
            {onRestart && (
              <button type="button" className="btn" data-testid="walkthrough-restart" onClick={onRestart}>
                Start again
              </button>
            )}
          </div>
          {saved && (
            <p className="muted" data-testid="walkthrough-saved">
              Saved to {saved}
            </p>
          )}
        </div>
      )}
      <footer className="mesh-buttons">
        <button type="button" className="btn" data-testid="walkthrough-back" disabled={r.index === 0 || progress.completed} onClick={() => onProgress(backStep(progress))}>
          Back
        </button>
        {!progress.completed && (
          <button type="button" className="btn primary" data-testid="walkthrough-next" disabled={!ready} title={ready ? undefined : 'Choose an option first'} onClick={next}>
            {r.isLast ? r.step.action.kind === 'artefact' ? r.step.action.label : 'Finish' : 'Next'}
          </button>
        )}
      </footer>
    </section>
  );
}
