import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEMO_COMPANY, DEMO_FILES } from '../../../../shared/mesh/demo';
import { agendaMinutes, decisionsMarkdown, formatClock, secondsLeft, WORKSHOP_AGENDA } from '../../../../shared/mesh/workshop';
import { getBridge } from '../../bridge';
import {
  goToAgendaItem,
  openFiles,
  setActiveDataset,
  setProjector,
  setScreen,
  setWorkshopDecisions,
  setWorkshopTab,
  showBanner,
  toggleWorkshopTimer,
  updateProduct,
  useStore,
} from '../../store';
import type { WorkshopTab } from '../../store';
import { demoDatasets, fetchDemo } from '../home/demo-datasets';
import type { ScreenProps } from '../registry';
import { requestWalkthrough } from '../walkthroughs/open-request';
import { DecisionsForm } from './DecisionsForm';
import type { ProductRow } from './DecisionsForm';
import './workshop.css';

/**
 * Facilitator mode: agenda with timed exercises on the demo company, projector view, decisions, summary.
 * Its place on the agenda, the running timer and the decisions live in the store, so leaving the screen to
 * run an exercise and coming back finds everything where it was.
 */
export function WorkshopScreen(_props: ScreenProps) {
  const datasets = useStore((s) => s.datasets);
  const products = useStore((s) => s.products);
  const { current, startedAt, projector, tab, decisions } = useStore(useShallow((s) => s.workshop));
  const [now, setNow] = useState(() => Date.now());
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (startedAt === null) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [startedAt]);

  useEffect(() => {
    if (!projector) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setProjector(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [projector]);

  const item = WORKSHOP_AGENDA[current] ?? WORKSHOP_AGENDA[0]!;
  const left = startedAt === null ? item.minutes * 60 : secondsLeft(item, startedAt, now);
  const loaded = new Set(datasets.map((d) => d.name));
  const missing = DEMO_FILES.filter((f) => !loaded.has(f.file));
  const rows: ProductRow[] = useMemo(
    () =>
      datasets.map((d) => {
        const p = products[d.id] ?? {};
        return { datasetId: d.id, dataset: d.name, name: p.name ?? '', owner: p.owner ?? '', domain: p.domain ?? '', consumers: p.consumers ?? [] };
      }),
    [datasets, products],
  );

  const loadDemo = async () => {
    setLoading(true);
    try {
      const wanted = demoDatasets.filter((d) => missing.some((m) => m.file === d.name));
      if (!wanted.length && missing.length) throw new Error('The demo files are not part of this build.');
      const files = await Promise.all(wanted.map(async (d) => ({ name: d.name, path: d.name, bytes: await fetchDemo(d) })));
      openFiles(files, 'workshop');
    } catch (e) {
      showBanner('error', e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };

  const startExercise = () => {
    const d = datasets.find((x) => x.name === item.dataset);
    if (!d || !item.walkthroughId) return;
    requestWalkthrough(item.walkthroughId);
    setProjector(false);
    setActiveDataset(d.id);
    setScreen('walkthroughs');
  };

  const summary = decisionsMarkdown(decisions, rows, new Date(now).toISOString().slice(0, 10));

  return (
    <div className={`screen mesh-screen workshop${projector ? ' workshop-projector' : ''}`} data-testid="workshop-screen">
      <header className="workshop-head">
        <div>
          <h1>Workshop: {DEMO_COMPANY.name}</h1>
          {!projector && (
            <p className="muted">
              {DEMO_COMPANY.pitch} {WORKSHOP_AGENDA.length} agenda items, {agendaMinutes()} minutes.
            </p>
          )}
        </div>
        <div className="mesh-buttons">
          {!projector && missing.length > 0 && (
            <button type="button" className="btn primary" data-testid="workshop-load-demo" disabled={loading} onClick={() => void loadDemo()}>
              {loading ? 'Loading…' : `Load the demo data (${missing.length} files)`}
            </button>
          )}
          <button type="button" className="btn" data-testid="workshop-projector" aria-pressed={projector} onClick={() => setProjector(!projector)}>
            {projector ? 'Leave projector view (Esc)' : 'Projector view'}
          </button>
        </div>
      </header>
      {!projector && (
        <div className="mesh-buttons" role="tablist">
          {(['agenda', 'decisions', 'summary'] as WorkshopTab[]).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} className="btn" data-testid={`workshop-tab-${t}`} onClick={() => setWorkshopTab(t)}>
              {t === 'agenda' ? 'Agenda' : t === 'decisions' ? 'Decisions' : 'Printable summary'}
            </button>
          ))}
        </div>
      )}
      {(projector || tab === 'agenda') && (
        <div className="workshop-agenda">
          {!projector && (
            <ol className="workshop-items">
              {WORKSHOP_AGENDA.map((a, i) => (
                <li key={a.id}>
                  <button type="button" className="mesh-list-item" aria-current={i === current ? 'true' : undefined} data-testid={`agenda-${a.id}`} onClick={() => goToAgendaItem(i)}>
                    <strong>{a.title}</strong> <span className="muted">{a.minutes} min</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
          <section className="workshop-current" data-testid="workshop-current" data-item={item.id}>
            <h2>{item.title}</h2>
            <p className={`workshop-clock${left < 0 ? ' over' : ''}`} data-testid="workshop-clock" data-running={startedAt === null ? 'false' : 'true'} aria-live="off">
              {formatClock(left)}
            </p>
            <p className="workshop-goal">{item.goal}</p>
            {item.dataset && <p className="muted">On: {DEMO_FILES.find((f) => f.file === item.dataset)?.title ?? item.dataset}</p>}
            {item.prompts.length > 0 && (
              <>
                <h3>Discuss</h3>
                <ul data-testid="workshop-prompts">
                  {item.prompts.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            )}
            <div className="mesh-buttons">
              <button type="button" className="btn" data-testid="workshop-timer" onClick={() => toggleWorkshopTimer()}>
                {startedAt === null ? 'Start timer' : 'Reset timer'}
              </button>
              {item.walkthroughId && (
                <button type="button" className="btn primary" data-testid="workshop-start-exercise" disabled={!loaded.has(item.dataset ?? '')} onClick={startExercise}>
                  Open the walkthrough
                </button>
              )}
              <button type="button" className="btn" disabled={current === 0} onClick={() => goToAgendaItem(current - 1)}>
                Previous
              </button>
              <button type="button" className="btn" data-testid="workshop-next" disabled={current === WORKSHOP_AGENDA.length - 1} onClick={() => goToAgendaItem(current + 1)}>
                Next item
              </button>
            </div>
          </section>
        </div>
      )}
      {!projector && tab === 'decisions' && <DecisionsForm value={decisions} onChange={setWorkshopDecisions} products={rows} onProduct={updateProduct} />}
      {!projector && tab === 'summary' && (
        <section className="workshop-summary" data-testid="workshop-summary">
          <div className="mesh-buttons">
            <button type="button" className="btn primary" onClick={() => window.print()}>
              Print
            </button>
            <button
              type="button"
              className="btn"
              data-testid="workshop-save-summary"
              onClick={() => void getBridge().saveFile('workshop-decisions.md', new TextEncoder().encode(summary), 'text/markdown')}
            >
              Save as Markdown
            </button>
          </div>
          <pre className="workshop-print">{summary}</pre>
        </section>
      )}
    </div>
  );
}
