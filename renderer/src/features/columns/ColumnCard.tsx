import { memo, useId, useMemo } from 'react';
import type { ColumnProfile } from '../../../../shared/profile/types';
import type { Role } from '../../../../shared/semantics/roles';
import { HistogramChart } from '../../charts/HistogramChart';
import { TopValuesChart } from '../../charts/TopValuesChart';
import { formatNumber } from '../../charts/format';
import { ROLE_OPTIONS, patternLabel, roleLabel } from './role-labels';

export interface ColumnCardProps {
  profile: ColumnProfile;
  /** The role in effect (the user's choice, else the detected one). */
  role: Role;
  /** What MeshLens detected, shown when the user overrode it. */
  detectedRole: Role;
  /** null = go back to the detected role. */
  onRoleChange: (column: string, role: Role | null) => void;
  disabled?: boolean;
}

function percent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

function dateCoverage(p: ColumnProfile): string | null {
  if (p.kind !== 'date' || p.min === null || p.max === null) return null;
  const min = String(p.min).slice(0, 10);
  const max = String(p.max).slice(0, 10);
  const cov = p.dayCoverage === undefined ? '' : `, ${percent(p.dayCoverage)} of days present`;
  return `${min} to ${max} (${formatNumber(p.distinctDays ?? 0)} of ${formatNumber(p.spanDays ?? 0)} days${cov})`;
}

/** One column: its role (changeable), NULLs, distinct values, pattern, distribution and date coverage. */
export const ColumnCard = memo(function ColumnCard({
  profile: p,
  role,
  detectedRole,
  onRoleChange,
  disabled,
}: ColumnCardProps) {
  const selectId = useId();
  const bins = useMemo(
    () => p.histogram?.map((b) => ({ lo: b.start, hi: b.end, count: b.count })),
    [p.histogram],
  );
  const pattern = patternLabel(p.pattern);
  const coverage = dateCoverage(p);
  const overridden = role !== detectedRole;
  return (
    <section
      className="ml-card ml-column-card"
      data-testid="column-card"
      data-column={p.name}
      aria-label={`Column ${p.name}`}
    >
      <header style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
        <h3 title={p.name} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {p.name}
        </h3>
        <span className="ml-muted" style={{ fontSize: 12 }}>
          {p.type}
        </span>
      </header>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8, flexWrap: 'wrap' }}>
        <label htmlFor={selectId} className="ml-muted" style={{ fontSize: 13 }}>
          Role
        </label>
        <select
          id={selectId}
          data-testid="column-role"
          value={role}
          disabled={disabled}
          onChange={(e) =>
            onRoleChange(p.name, e.target.value === detectedRole ? null : (e.target.value as Role))
          }
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
              {o.value === detectedRole ? ' (detected)' : ''}
            </option>
          ))}
        </select>
        {overridden && (
          <button
            type="button"
            className="ml-chip ml-badge"
            onClick={() => onRoleChange(p.name, null)}
            disabled={disabled}
            title={`Detected: ${roleLabel(detectedRole)}`}
          >
            reset
          </button>
        )}
      </div>
      <dl className="ml-facts">
        <dt>NULLs</dt>
        <dd data-testid="column-nulls">
          {formatNumber(p.nulls)} ({percent(p.nullShare)})
          {p.placeholders > 0 ? `, ${formatNumber(p.placeholders)} were placeholders such as "--"` : ''}
        </dd>
        <dt>Distinct</dt>
        <dd data-testid="column-distinct">
          {p.distinctApprox ? '≈ ' : ''}
          {formatNumber(p.distinct)}
        </dd>
        {pattern && (
          <>
            <dt>Pattern</dt>
            <dd data-testid="column-pattern">
              {pattern} ({percent(p.patternShare)} of values)
            </dd>
          </>
        )}
        {p.kind === 'number' && p.median !== undefined && (
          <>
            <dt>Range</dt>
            <dd>
              {formatNumber(Number(p.min))} to {formatNumber(Number(p.max))}, median{' '}
              {p.quantilesApprox ? `≈ ${formatNumber(p.median)} (approximate)` : formatNumber(p.median)}
            </dd>
          </>
        )}
        {p.kind === 'text' && p.length && (
          <>
            <dt>Length</dt>
            <dd>
              {p.length.min} to {p.length.max} characters
            </dd>
          </>
        )}
        {coverage && (
          <>
            <dt>Dates</dt>
            <dd data-testid="column-coverage">{coverage}</dd>
          </>
        )}
      </dl>
      {p.kind === 'number' && bins && bins.length > 0 ? (
        <HistogramChart label={`Distribution of ${p.name}`} bins={bins} testId="column-histogram" />
      ) : p.kind !== 'date' && p.topValues.length > 0 ? (
        <TopValuesChart
          label={`Top values of ${p.name}`}
          values={p.topValues}
          max={6}
          testId="column-top-values"
        />
      ) : null}
    </section>
  );
});
