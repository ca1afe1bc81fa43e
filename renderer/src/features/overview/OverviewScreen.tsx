import { useMemo } from 'react';
import { SeverityChart } from '../../charts/SeverityChart';
import { TimelineChart } from '../../charts/TimelineChart';
import { formatNumber } from '../../charts/format';
import type { ScreenProps } from '../registry';
import type { Dataset } from '../../store';
import { columnMeta } from '../../../../shared/audit/dataset';
import { describeColumns } from '../../../../shared/semantics/describe';
import type { Finding } from '../../../../shared/checks/types';
import { setScreen } from '../../store';
import { sortFindings } from '../../../../shared/checks/order';
import { plural } from '../../../../shared/text/plural';
import { findingKey } from '../findings/findings-model';
import { openFinding } from '../findings/open-finding';
import { analyseDataset } from '../../store/analysis-slice';
import { ReportButtons } from '../report/ReportButtons';
import { AnalysisGate } from './AnalysisGate';
import type { Analysed } from './AnalysisGate';
import { confidenceText, severityByDimension, severityTotals, timelineOf } from './overview-model';
import { ScoreCard } from './ScoreCard';
import { scoreView } from './score-view';

function summaryNote(n: number): string | undefined {
  return n ? `${plural(n, 'summary row')} (totals) removed` : undefined;
}

function Stat({ label, value, testId, sub }: { label: string; value: string; testId: string; sub?: string }) {
  return (
    <section className="ml-card ml-stat" aria-label={label}>
      <span className="ml-muted">{label}</span>
      <span className="ml-stat-value" data-testid={testId}>
        {value}
      </span>
      {sub && (
        <span className="ml-muted" style={{ fontSize: 12 }}>
          {sub}
        </span>
      )}
    </section>
  );
}

function Overview({ dataset, profile, audit }: Analysed) {
  const p = profile.profile!;
  const semantics = profile.semantics;
  const done = audit?.status === 'done';
  const findings = useMemo(() => (done ? audit.findings : []), [done, audit]);
  const running = audit?.status === 'running';
  const totals = severityTotals(findings);
  const dimensions = useMemo(() => severityByDimension(findings), [findings]);
  const timeline = useMemo(() => timelineOf(p, semantics), [p, semantics]);
  const platform = semantics?.platform;
  const userColumns = p.columns.length;
  return (
    <div className="ml-screen" data-testid="overview-screen">
      <div className="ml-toolbar">
        <h1 className="ml-grow">Overview · {dataset.name}</h1>
        <button
          type="button"
          className="btn"
          data-testid="analysis-rerun"
          disabled={running}
          onClick={() => void analyseDataset(dataset.id)}
        >
          Re-run audit
        </button>
        <ReportButtons datasetId={dataset.id} />
      </div>
      <div className="ml-stats">
        <Stat
          label="Rows"
          value={formatNumber(p.rows)}
          testId="overview-rows"
          sub={summaryNote(dataset.result?.summaryRows.length ?? 0)}
        />
        <Stat label="Columns" value={formatNumber(userColumns)} testId="overview-columns" />
        <Stat
          label="Detected platform"
          value={platform?.label ?? 'unknown'}
          testId="overview-platform"
          sub={
            platform
              ? platform.platform === 'generic'
                ? platform.because
                : `${confidenceText(platform.confidence)} confidence · ${platform.because}`
              : undefined
          }
        />
        <ScoreCard score={audit?.status === 'done' ? scoreView(audit) : null} running={running} />
      </div>
      <div className="ml-two">
        <section className="ml-card" aria-label="Findings per dimension">
          <div className="ml-toolbar">
            <h3 className="ml-grow">Findings per dimension</h3>
            <button
              type="button"
              className="btn small"
              data-testid="overview-open-findings"
              onClick={() => setScreen('findings')}
            >
              {totals.errors} errors · {totals.warnings} warnings · {totals.infos} infos
            </button>
          </div>
          {audit?.status === 'done' ? (
            <SeverityChart label="Findings per dimension" data={dimensions} testId="overview-dimensions" />
          ) : (
            <p className="ml-muted">
              {running
                ? 'The checks are running…'
                : audit?.status === 'cancelled'
                  ? 'The checks were cancelled.'
                  : 'Not audited yet.'}
            </p>
          )}
        </section>
        <section className="ml-card" aria-label="Timeline">
          <h3>
            Timeline{timeline ? ` · ${timeline.dateColumn}` : ''}
            {timeline ? (
              <span className="ml-muted">
                {' '}
                · rows{timeline.metricLabel ? ` and ${timeline.metricLabel}` : ''} per {timeline.bucket}
              </span>
            ) : null}
          </h3>
          {timeline ? (
            <TimelineChart
              label={`Rows per ${timeline.bucket}`}
              points={timeline.points}
              metricLabel={timeline.metricLabel}
              bucket={timeline.bucket}
              testId="overview-timeline"
            />
          ) : (
            <p className="ml-muted">This table has no date column, so there is no timeline.</p>
          )}
        </section>
      </div>
      {findings.length > 0 && <TopFindings datasetId={dataset.id} findings={findings} />}
    </div>
  );
}

/** The few findings that matter most, each one click from its rows. */
function TopFindings({ datasetId, findings }: { datasetId: string; findings: Finding[] }) {
  const keys = new Map(findings.map((f, i) => [f, findingKey(f, i)]));
  const top = sortFindings(findings)
    .slice(0, 5)
    .map((f) => ({ f, key: keys.get(f)! }));
  return (
    <section className="ml-card" aria-label="Top findings" data-testid="overview-top-findings">
      <h3>What to look at first</h3>
      <ul className="ml-top-findings">
        {top.map(({ f, key }) => (
          <li key={key}>
            <button
              type="button"
              className="ml-top-finding"
              data-testid="overview-finding"
              data-check={f.check}
              onClick={() => openFinding(datasetId, key)}
            >
              <span className={`ml-badge ml-sev-${f.severity}`}>{f.severity}</span>
              <span>
                <strong>{f.title}</strong> <span className="ml-muted">· {f.message}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Rows, columns and the platform as soon as the import is done (the platform from the headers alone),
 * while the profile and the checks still run; the full overview replaces it when they are done.
 */
function EarlyOverview({ dataset }: { dataset: Dataset }) {
  const result = dataset.result!;
  const platform = useMemo(() => describeColumns(columnMeta(result), []).platform, [result]);
  const known = platform.platform !== 'generic' && platform.confidence >= 0.5;
  return (
    <div className="ml-stats" data-testid="overview-early">
      <Stat label="Rows" value={formatNumber(result.rows)} testId="overview-rows" sub={summaryNote(result.summaryRows.length)} />
      <Stat label="Columns" value={formatNumber(result.columns.length)} testId="overview-columns" />
      <Stat
        label="Detected platform"
        value={known ? platform.label : 'reading the values…'}
        testId="overview-platform"
        sub={known ? `from the headers${platform.evidence.length ? ` (${platform.evidence.slice(0, 3).join(', ')})` : ''}; values follow` : undefined}
      />
      <ScoreCard score={null} running />
    </div>
  );
}

export function OverviewScreen({ datasetId }: ScreenProps) {
  return (
    <AnalysisGate datasetId={datasetId} early={(dataset) => <EarlyOverview dataset={dataset} />}>
      {(a) => <Overview {...a} />}
    </AnalysisGate>
  );
}
