/**
 * Reconcile: every open dataset side by side. The user picks the source of truth, confirms or edits the join
 * keys (with their match rates) and the domains; the screen shows the common period, the findings, the charts
 * and the attribution report to save.
 */
import { truthSpecOf } from '../../../../shared/reconcile/overclaim';
import { reportHtml, reportMarkdown } from '../../../../shared/reconcile/render';
import { getBridge } from '../../bridge';
import { EmptyState } from '../../components/EmptyState';
import type { ScreenProps } from '../registry';
import { ClaimsChart, CreditChart, LiftChart, SpendChart } from './ReconcileCharts';
import { KeysTable, ReconcileFindings, SourcesTable } from './ReconcileTables';
import { useAttributionRun } from './use-attribution-run';
import type { ReconcileChoices } from './use-attribution-run';
import { useStore } from '../../store';
import { setReconcileConfig as setChoices } from '../../store/mesh-actions';
import { ConfigFileButtons, withSourceSetting } from './ReconcileSettings';

export function ReconcileScreen(_props: ScreenProps) {
  // The settings live in the store (saved in the workspace) as the CLI's reconcile config.
  const choices: ReconcileChoices = useStore((s) => s.reconcile);
  const { run, loading, stale, error, waiting } = useAttributionRun(choices);
  if (error) return <EmptyState title="The datasets could not be reconciled">{error}</EmptyState>;
  if (!run) return <EmptyState title={loading ? 'Reading the open datasets…' : 'Open two or more files to reconcile them'} testId="reconcile-loading" />;
  const r = run.reconcile;
  const candidates = r.sources.filter((s) => !('reason' in truthSpecOf(s)));
  const reasons = r.sources.map((s) => truthSpecOf(s)).filter((x): x is { reason: string } => 'reason' in x);
  const confirmed = choices.on ?? r.keys.filter((k) => k.confirmed).map((k) => k.kind);
  const spendPair = r.findings.find((f) => f.check === 'spend_mismatch')?.file.split(' ↔ ') ?? [];
  const save = (kind: 'md' | 'html') => {
    const text = kind === 'md' ? reportMarkdown(run) : reportHtml(run);
    void getBridge().saveFile(`attribution-report.${kind}`, new TextEncoder().encode(text), kind === 'md' ? 'text/markdown' : 'text/html');
  };
  return (
    <div className="screen mesh-screen reconcile" data-testid="reconcile-screen">
      <h1>Reconcile</h1>
      {waiting.length > 0 && <p className="ml-muted">Still reading: {waiting.join(', ')}.</p>}
      {stale && (
        <p className="ml-muted" role="status" data-testid="reconcile-updating">
          Updating with your change; the figures below are from before it.
        </p>
      )}
      <section className="ml-card">
        <h2>Source of truth</h2>
        <select
          aria-label="Source of truth"
          data-testid="reconcile-truth"
          value={choices.truth ?? r.overclaim?.truth.name ?? ''}
          onChange={(e) => setChoices({ ...choices, ...(e.target.value ? { truth: e.target.value } : { truth: undefined }) } as ReconcileChoices)}
        >
          <option value="">(none picked)</option>
          {candidates.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
        {reasons.length > 0 && (
          <ul className="ml-muted">
            {reasons.map((x) => (
              <li key={x.reason}>{x.reason}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="ml-card">
        <h2>Sources and period</h2>
        <SourcesTable report={r} settings={choices} onSettings={(name, patch) => setChoices(withSourceSetting(choices, name, patch))} />
        <ul data-testid="reconcile-notes">
          {run.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
      <section className="ml-card">
        <h2>Join keys (suggested; tick to confirm)</h2>
        <KeysTable
          report={r}
          confirmed={confirmed}
          onToggle={(kind) => setChoices({ ...choices, on: confirmed.includes(kind) ? confirmed.filter((k) => k !== kind) : [...confirmed, kind] })}
        />
      </section>
      {r.overclaim && (
        <section className="ml-card">
          <h2>Claimed against actual conversions · {r.overclaim.period.start} to {r.overclaim.period.end}</h2>
          <ClaimsChart oc={r.overclaim} />
        </section>
      )}
      {r.spend && (
        <section className="ml-card">
          <h2>Daily spend by source</h2>
          <SpendChart spend={r.spend} left={spendPair[0] ?? 'platform'} right={spendPair[1] ?? 'reference'} />
        </section>
      )}
      {run.lift && (
        <section className="ml-card">
          <h2>What the ads really caused</h2>
          <p data-testid="lift-sentence">
            <strong>{run.lift.sentence}</strong>
          </p>
          {run.lift.otherClaim && (
            <p className="muted" data-testid="lift-other-claim">
              {run.lift.otherClaim}
            </p>
          )}
          <LiftChart lift={run.lift} />
        </section>
      )}
      {run.sandbox && (
        <section className="ml-card">
          <h2>Credit by channel under each model · {run.sandbox.file}</h2>
          <CreditChart sandbox={run.sandbox.result} />
          <ul className="ml-muted">
            {run.sandbox.result.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="ml-card">
        <h2>Findings</h2>
        <ReconcileFindings findings={r.findings} />
      </section>
      <ConfigFileButtons config={choices} onOpen={setChoices} />
      <p>
        <button type="button" className="btn" data-testid="reconcile-save-md" onClick={() => save('md')}>
          Save attribution report (Markdown)
        </button>{' '}
        <button type="button" className="btn" data-testid="reconcile-save-html" onClick={() => save('html')}>
          Save as HTML
        </button>
      </p>
    </div>
  );
}
