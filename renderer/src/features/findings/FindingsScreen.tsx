import { useMemo, useState } from 'react';
import type { Dimension, Finding, Severity } from '../../../../shared/checks/types';
import { plural } from '../../../../shared/text/plural';
import type { ScreenProps } from '../registry';
import { AnalysisGate } from '../overview/AnalysisGate';
import type { Analysed } from '../overview/AnalysisGate';
import { ReportButtons } from '../report/ReportButtons';
import { FindingDetail } from './FindingDetail';
import { dimensionCounts, findingKey, SEVERITY_ORDER, visibleFindings } from './findings-model';
import { takeRequestedFinding } from './open-finding';
import './findings.css';

export function FindingList({
  findings,
  selected,
  onSelect,
}: {
  findings: Finding[];
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const [shown, setShown] = useState<Set<Severity>>(new Set(SEVERITY_ORDER));
  const [dimension, setDimension] = useState<Dimension | null>(null);
  const keys = useMemo(() => new Map(findings.map((f, i) => [f, findingKey(f, i)])), [findings]);
  const list = visibleFindings(findings, { severities: shown, dimension });
  const dimensions = dimensionCounts(findings);
  const toggle = (s: Severity) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  return (
    <nav className="ml-finding-list" aria-label="Findings">
      <div className="ml-toolbar" role="group" aria-label="Show severities">
        {SEVERITY_ORDER.map((s) => (
          <button
            key={s}
            type="button"
            className="btn small"
            aria-pressed={shown.has(s)}
            data-testid={`findings-filter-${s}`}
            onClick={() => toggle(s)}
          >
            <span className={`ml-dot ml-sev-${s}`} aria-hidden="true" />{' '}
            {plural(findings.filter((f) => f.severity === s).length, s)}
          </button>
        ))}
        <label className="ml-muted">
          Dimension{' '}
          <select
            data-testid="findings-filter-dimension"
            value={dimension ?? ''}
            onChange={(e) => setDimension((e.target.value || null) as Dimension | null)}
          >
            <option value="">All ({findings.length})</option>
            {dimensions.map((d) => (
              <option key={d.dimension} value={d.dimension}>
                {d.dimension} ({d.count})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="ml-finding-items" aria-label="Findings by severity, then affected rows">
        {list.map((f) => {
          const key = keys.get(f)!;
          const active = key === selected;
          return (
            <li key={key}>
              <button
                type="button"
                className="ml-finding-item"
                aria-current={active ? 'true' : undefined}
                data-testid="finding-item"
                data-check={f.check}
                data-severity={f.severity}
                data-dimension={f.dimension}
                onClick={() => onSelect(key)}
              >
                <span className={`ml-badge ml-sev-${f.severity}`}>{f.severity}</span>
                <span className="ml-finding-title">{f.title}</span>
                <span className="ml-muted ml-finding-count">
                  {plural(f.rows, 'row')} · {f.dimension}
                </span>
                <span className="ml-muted ml-finding-message">{f.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {list.length === 0 && <p className="ml-muted">No finding at the chosen severities and dimension.</p>}
    </nav>
  );
}

function Findings({ dataset, audit }: Analysed) {
  const [selected, setSelected] = useState<string | null>(() => takeRequestedFinding(dataset.id));
  const findings = audit?.status === 'done' ? audit.findings : [];
  const current = findings.find((f, i) => findingKey(f, i) === selected) ?? null;
  return (
    <div className="ml-screen ml-findings-screen" data-testid="findings-screen">
      <div className="ml-toolbar">
        <h1 className="ml-grow">
          Findings · {dataset.name}{' '}
          {audit?.status === 'done' && <span className="ml-muted">({findings.length})</span>}
        </h1>
        <ReportButtons datasetId={dataset.id} />
      </div>
      {audit?.status === 'done' && findings.length === 0 && (
        <div className="ml-card ml-empty" data-testid="findings-none">
          No check found a problem in this file.
        </div>
      )}
      {audit?.status === 'cancelled' && (
        <div className="ml-card ml-empty">
          The checks were cancelled. Use “Re-run audit” on the Overview to run them again.
        </div>
      )}
      {audit?.checkErrors.length ? (
        <p className="ml-muted" data-testid="findings-check-errors">
          {plural(audit.checkErrors.length, 'check')} could not run on this table:{' '}
          {audit.checkErrors.map((e) => e.check).join(', ')}.
        </p>
      ) : null}
      {findings.length > 0 && (
        <div className="ml-findings-layout">
          <FindingList findings={findings} selected={selected} onSelect={setSelected} />
          <div className="ml-findings-detail">
            {current ? (
              <FindingDetail key={selected} datasetId={dataset.id} finding={current} />
            ) : (
              <div className="ml-card ml-empty ml-muted">
                Choose a finding to see what it means, who should fix it, and the rows it affects.
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function FindingsScreen({ datasetId }: ScreenProps) {
  return <AnalysisGate datasetId={datasetId}>{(a) => <Findings {...a} />}</AnalysisGate>;
}
