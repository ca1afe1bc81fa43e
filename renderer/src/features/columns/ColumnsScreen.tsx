import { useCallback, useMemo, useState } from 'react';
import type { Role } from '../../../../shared/semantics/roles';
import type { ScreenProps } from '../registry';
import { setColumnRole } from '../../store/analysis-slice';
import { AnalysisGate } from '../overview/AnalysisGate';
import type { Analysed } from '../overview/AnalysisGate';
import { ColumnCard } from './ColumnCard';
import { roleLabel } from './role-labels';

function Columns({ dataset, profile, audit }: Analysed) {
  const [filter, setFilter] = useState('');
  const columns = profile.profile!.columns;
  const semantics = profile.semantics;
  const roles = useMemo(() => new Map(semantics?.columns.map((c) => [c.name, c.role]) ?? []), [semantics]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return columns;
    return columns.filter(
      (c) => c.name.toLowerCase().includes(q) || roleLabel(roles.get(c.name)).toLowerCase().includes(q),
    );
  }, [columns, filter, roles]);
  const busy = audit?.status === 'running';
  const datasetId = dataset.id;
  const onRoleChange = useCallback(
    (column: string, role: Role | null) => void setColumnRole(datasetId, column, role),
    [datasetId],
  );
  return (
    <div className="ml-screen" data-testid="columns-screen">
      <div className="ml-toolbar">
        <h1 className="ml-grow">
          Columns · {dataset.name} <span className="ml-muted">({columns.length})</span>
        </h1>
        <label className="field" style={{ minWidth: 220 }}>
          Filter by name or role
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            data-testid="columns-filter"
          />
        </label>
      </div>
      <p className="ml-muted" style={{ margin: 0 }}>
        Each column's role tells the checks what it means. Change a role when MeshLens guessed wrong; the
        checks run again at once.
      </p>
      <div className="ml-cards">
        {shown.map((p) => {
          const current = roles.get(p.name) ?? 'unknown';
          const override = profile.overrides[p.name];
          // What MeshLens detected = the role without this column's override.
          const detected = override ? (profile.detected?.[p.name] ?? current) : current;
          return (
            <ColumnCard
              key={p.name}
              profile={p}
              role={current}
              detectedRole={detected}
              onRoleChange={onRoleChange}
              disabled={busy}
            />
          );
        })}
      </div>
    </div>
  );
}

export function ColumnsScreen({ datasetId }: ScreenProps) {
  return <AnalysisGate datasetId={datasetId}>{(a) => <Columns {...a} />}</AnalysisGate>;
}
