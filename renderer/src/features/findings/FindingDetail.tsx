import { OWNER_LABELS } from '../../../../shared/checks/types';
import type { Finding } from '../../../../shared/checks/types';
import { formatNumber } from '../../charts/format';
import { FindingRows } from './FindingRows';
import { LabelCanonical } from './LabelCanonical';
import type { LabelGroup } from '../../../../shared/checks/label-clusters';

function DetailValue({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return <>{value.map(String).join(', ')}</>;
    return (
      <ul className="ml-list">
        {value.slice(0, 12).map((v, i) => (
          <li key={i}>
            <DetailValue value={v} />
          </li>
        ))}
        {value.length > 12 && <li className="ml-muted">and {value.length - 12} more</li>}
      </ul>
    );
  }
  if (value && typeof value === 'object') {
    return (
      <>
        {Object.entries(value as Record<string, unknown>).map(([k, v], i) => (
          <span key={k}>
            {i > 0 && ' · '}
            <span className="ml-muted">{k}:</span> <DetailValue value={v} />
          </span>
        ))}
      </>
    );
  }
  return <>{String(value)}</>;
}

/** One finding opened: what it means, who owns it, how to fix it, and the rows. */
export function FindingDetail({ datasetId, finding }: { datasetId: string; finding: Finding }) {
  const labelGroups = finding.check === 'inconsistent_labels' && finding.columns.length === 1 && Array.isArray(finding.details?.groups) ? (finding.details.groups as LabelGroup[]) : null;
  const details = finding.details ? Object.entries(finding.details).filter(([k]) => !(labelGroups && k === 'groups')) : [];
  return (
    <article
      className="ml-card ml-finding-detail"
      data-testid="finding-detail"
      data-check={finding.check}
      aria-label={`Finding: ${finding.title}`}
    >
      <header className="ml-toolbar">
        <span className={`ml-badge ml-sev-${finding.severity}`}>{finding.severity}</span>
        <h2 className="ml-grow" style={{ fontSize: 16 }}>
          {finding.title}{' '}
          <span className="ml-muted mono" style={{ fontSize: 12 }}>
            {finding.check}
          </span>
        </h2>
        <span className="ml-muted">{finding.dimension}</span>
      </header>
      <p data-testid="finding-message" style={{ margin: '8px 0' }}>
        {finding.message}
      </p>
      <dl className="ml-facts">
        <dt>Affected rows</dt>
        <dd data-testid="finding-affected">{formatNumber(finding.rows)}</dd>
        {finding.columns.length > 0 && (
          <>
            <dt>Columns</dt>
            <dd>{finding.columns.join(', ')}</dd>
          </>
        )}
        <dt>Why it matters</dt>
        <dd data-testid="finding-explanation">{finding.explanation}</dd>
        <dt>Who fixes it</dt>
        <dd data-testid="finding-owner">{OWNER_LABELS[finding.owner] ?? finding.owner}</dd>
        <dt>Suggested fix</dt>
        <dd data-testid="finding-fix">{finding.fix}</dd>
        {details.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}</dt>
            <dd>
              <DetailValue value={v} />
            </dd>
          </div>
        ))}
        {labelGroups && <LabelCanonical datasetId={datasetId} column={finding.columns[0]!} groups={labelGroups} />}
      </dl>
      <FindingRows datasetId={datasetId} finding={finding} />
    </article>
  );
}
