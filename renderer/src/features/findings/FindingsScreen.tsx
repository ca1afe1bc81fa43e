import { useMemo, useState } from 'react';
import type { Finding, Severity } from '../../../../shared/checks/types';
import { formatNumber } from '../../charts/format';
import type { ScreenProps } from '../registry';
import { AnalysisGate } from '../overview/AnalysisGate';
import type { Analysed } from '../overview/AnalysisGate';
import { ReportButtons } from '../report/ReportButtons';
import { FindingDetail } from './FindingDetail';
import { findingKey, groupFindings, SEVERITY_ORDER } from './findings-model';
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
  const keys = useMemo(() => new Map(findings.map((f, i) => [f, findingKey(f, i)])), [findings]);
  const groups = groupFindings(findings, shown);
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
        {SEVERITY_ORDER.map((s) => {
          const n = findings.filter((f) => f.severity === s).length;
          return (
            <button
              key={s}
              type="button"
              className="btn small"
              aria-pressed={shown.has(s)}
              data-testid={`findings-filter-${s}`}
              onClick={() => toggle(s)}
            >
              <span className={`ml-dot ml-sev-${s}`} aria-hidden="true" /> {n} {s}
              {n === 1 ? '' : 's'}
            </button>
          );
        })}
      </div>
      {groups.map((g) => (
        <section
          key={g.dimension}
          className="ml-finding-group"
          data-testid="findings-group"
          data-dimension={g.dimension}
        >
          <h2>
            {g.dimension} <span className="ml-muted">({g.count})</span>
          </h2>
          {g.bySeverity.map(({ severity, findings: list }) => (
            <ul key={severity} className="ml-finding-items" aria-label={`${g.dimension}: ${severity}`}>
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
                      onClick={() => onSelect(key)}
                    >
                      <span className={`ml-badge ml-sev-${f.severity}`}>{f.severity}</span>
                      <span className="ml-finding-title">{f.title}</span>
                      <span className="ml-muted ml-finding-count">
                        {formatNumber(f.rows)} {f.rows === 1 ? 'row' : 'rows'}
                      </span>
                      <span className="ml-muted ml-finding-message">{f.message}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          ))}
        </section>
      ))}
      {groups.length === 0 && <p className="ml-muted">No finding at the chosen severities.</p>}
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
          {audit.checkErrors.length} check{audit.checkErrors.length === 1 ? '' : 's'} could not run on this
          table: {audit.checkErrors.map((e) => e.check).join(', ')}.
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
