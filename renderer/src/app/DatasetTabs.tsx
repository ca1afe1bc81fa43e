/** One tab per open dataset: select with click or arrow keys, close with ✕ or Delete. */
import { useShallow } from 'zustand/react/shallow';
import { useStore, setActiveDataset, closeDataset } from '../store';
import { rovingKeys } from './roving';

export function DatasetTabs() {
  // Select flat strings (useShallow compares them by value), never fresh objects.
  const tabs = useStore(useShallow((s) => s.datasets.map((d) => `${d.status}\u0000${d.id}\u0000${d.name}`))).map((t) => {
    const [status, id, name] = t.split('\u0000') as [string, string, string];
    return { id, name, status };
  });
  const active = useStore((s) => s.activeDatasetId);
  if (!tabs.length) return <div className="dataset-tabs muted" style={{ alignItems: 'center' }}>No file open</div>;
  return (
    <div className="dataset-tabs" role="tablist" aria-label="Open datasets" onKeyDown={(e) => rovingKeys(e, '[role=tab]')}>
      {tabs.map((t) => (
        <div key={t.id} className="dataset-tab" data-active={t.id === active}>
          <button
            type="button"
            role="tab"
            aria-selected={t.id === active}
            tabIndex={t.id === active ? 0 : -1}
            onClick={() => setActiveDataset(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'Delete') void closeDataset(t.id);
            }}
            title={`${t.name} (${t.status})`}
            data-testid="dataset-tab"
          >
            <span className="status-dot" data-status={t.status} aria-hidden="true" />
            {t.name}
          </button>
          <button type="button" className="close" aria-label={`Close ${t.name}`} onClick={() => void closeDataset(t.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
