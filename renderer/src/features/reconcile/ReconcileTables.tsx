/** The reconciliation tables: sources and their domains, the period overlap, the join keys, the findings. */
import type { Finding } from '../../../../shared/checks/types';
import { OWNER_LABELS } from '../../../../shared/checks/types';
import type { ReconcileReport, ReconDomain } from '../../../../shared/reconcile/types';
import { DOMAIN_LABELS, RECON_DOMAINS } from '../../../../shared/reconcile/types';
import { settingsOf } from '../../../../shared/reconcile/config';
import type { ReconcileConfig, SourceSettings } from '../../../../shared/reconcile/config';
import { SourceSettingInput, TimeZoneList } from './ReconcileSettings';

export function SourcesTable({
  report,
  settings,
  onSettings,
}: {
  report: ReconcileReport;
  /** What the user set per source (the CLI config's sources). */
  settings: ReconcileConfig;
  onSettings: (name: string, patch: SourceSettings) => void;
}) {
  return (
    <table className="mesh-table" data-testid="reconcile-sources">
      <thead>
        <tr>
          <th>File</th>
          <th>Domain</th>
          <th>Period</th>
          <th>Rows in the common period</th>
          <th>Currency</th>
          <th>Days cut in time zone</th>
        </tr>
      </thead>
      <tbody>
        {report.sources.map((s) => {
          const a = report.alignment.sources.find((x) => x.name === s.name);
          const set = settingsOf(settings, s.name);
          return (
            <tr key={s.name}>
              <td>{s.name}</td>
              <td>
                <select aria-label={`Domain of ${s.name}`} data-testid="reconcile-domain" value={s.domain} onChange={(e) => onSettings(s.name, { domain: e.target.value as ReconDomain })}>
                  {RECON_DOMAINS.map((d) => (
                    <option key={d} value={d}>
                      {DOMAIN_LABELS[d]}
                    </option>
                  ))}
                </select>{' '}
                <span className="ml-muted">({s.domainFrom === 'product' ? 'from the data product' : s.domainFrom === 'user' ? 'set by you' : 'detected'})</span>
              </td>
              <td>{a?.period ? `${a.period.start} to ${a.period.end}` : 'no dates'}</td>
              <td>
                {!a
                  ? '–'
                  : report.alignment.overlap
                    ? `${a.rowsInside.toLocaleString('en-US')} in, ${a.rowsOutside.toLocaleString('en-US')} outside`
                    : 'no day every file covers'}
              </td>
              <td>
                <SourceSettingInput name={s.name} field="currency" value={set.currency} stated={s.currency} onCommit={(currency) => onSettings(s.name, { currency })} />
              </td>
              <td>
                <SourceSettingInput name={s.name} field="timeZone" value={set.timeZone} stated={s.timeZone} onCommit={(timeZone) => onSettings(s.name, { timeZone })} />
              </td>
            </tr>
          );
        })}
      </tbody>
      <TimeZoneList />
    </table>
  );
}

export function KeysTable({ report, confirmed, onToggle }: { report: ReconcileReport; confirmed: string[]; onToggle: (kind: string) => void }) {
  if (!report.keys.length) return <p className="ml-muted">No columns that could join these sources were found.</p>;
  return (
    <table className="mesh-table" data-testid="reconcile-keys">
      <thead>
        <tr>
          <th>Use</th>
          <th>Key</th>
          <th>Left column</th>
          <th>Right column</th>
          <th>Match rate</th>
          <th>Matched after folding</th>
        </tr>
      </thead>
      <tbody>
        {report.keys.map((k) => (
          <tr key={`${k.left}|${k.right}`}>
            <td>
              <input type="checkbox" aria-label={`Join on ${k.kind}`} data-testid={`reconcile-key-${k.kind}`} checked={confirmed.includes(k.kind)} onChange={() => onToggle(k.kind)} />
            </td>
            <td>{k.kind}</td>
            <td>{k.left}</td>
            <td>{k.right}</td>
            <td>
              {Math.round(k.matchRate * 100)}% / {Math.round(k.reverseMatchRate * 100)}%
            </td>
            <td>{k.folded.length ? k.folded.slice(0, 3).map((f) => `${f.left} ↔ ${f.right}`).join('; ') : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReconcileFindings({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p data-testid="reconcile-no-findings">No findings: the sources agree within tolerance.</p>;
  return (
    <ul className="reconcile-findings" data-testid="reconcile-findings">
      {findings.map((f, i) => (
        <li key={i} data-testid="reconcile-finding" data-check={f.check} data-severity={f.severity}>
          <strong>
            {f.severity}: {f.title}
          </strong>{' '}
          <code>{f.check}</code>
          <p>{f.message}</p>
          <details>
            <summary>Why, fix, owner{f.sample.length ? ', rows' : ''}</summary>
            <p>{f.explanation}</p>
            <p>
              <strong>Fix:</strong> {f.fix}
            </p>
            <p>
              <strong>Owner:</strong> {OWNER_LABELS[f.owner]}
            </p>
            {f.sample.length > 0 && (
              <table className="mesh-table">
                <thead>
                  <tr>
                    <th>Line</th>
                    {Object.keys(f.sample[0]!.values).map((c) => (
                      <th key={c}>{c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {f.sample.map((s, j) => (
                    <tr key={j}>
                      <td>{s.line}</td>
                      {Object.values(s.values).map((v, k) => (
                        <td key={k}>{String(v ?? '')}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
