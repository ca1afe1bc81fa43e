/** The screens from the registry; Alt+1…9 jumps to a screen from anywhere. */
import { useEffect } from 'react';
import { screens } from '../features/registry';
import { useStore, setScreen } from '../store';
import { rovingKeys } from './roving';

export function SideNav() {
  const current = useStore((s) => s.screen);
  const hasDataset = useStore((s) => s.activeDatasetId !== null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      const target = Number.isInteger(n) && n >= 1 ? screens[n - 1] : undefined;
      if (!target || (target.needsDataset && !useStore.getState().activeDatasetId)) return;
      e.preventDefault();
      setScreen(target.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <nav className="sidenav" aria-label="Screens" onKeyDown={(e) => rovingKeys(e, 'button', true)}>
      {screens.map((s, i) => (
        <button
          key={s.id}
          type="button"
          aria-current={s.id === current ? 'page' : undefined}
          disabled={s.needsDataset && !hasDataset}
          onClick={() => setScreen(s.id)}
          title={`${s.label} (Alt+${i + 1})`}
          data-testid={`nav-${s.id}`}
        >
          <span aria-hidden="true" style={{ width: 18, textAlign: 'center' }}>{s.icon ?? '•'}</span>
          {s.label}
        </button>
      ))}
      <div className="hint">Alt+1…{Math.min(9, screens.length)} switch screens</div>
    </nav>
  );
}
