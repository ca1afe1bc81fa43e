/** The shell: dataset tabs on top, screens on the side, messages and progress above the screen. */
import { useEffect, useState } from 'react';
import { screens } from './features/registry';
import { useStore, setScreen, showBanner, errorMessage } from './store';
import { DatasetTabs } from './app/DatasetTabs';
import { SideNav } from './app/SideNav';
import { ThemeToggle } from './app/ThemeToggle';
import { Banners } from './app/Banners';
import { JobBar } from './app/JobBar';
import { EmptyState } from './components/EmptyState';
import { useAppCommands } from './app/use-app-commands';
import { startAutosave } from './app/autosave';
import { startDatabase } from './store/database';

export function App() {
  const theme = useStore((s) => s.theme);
  const screenId = useStore((s) => s.screen);
  const datasetId = useStore((s) => s.activeDatasetId);
  // The workshop's projector view takes the whole window: no tabs, no navigation.
  const fullWindow = useStore((s) => s.screen === 'workshop' && s.workshop.projector);

  useAppCommands();
  const [engine, setEngine] = useState<'starting' | 'ready' | 'failed'>('starting');

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => startAutosave(), []);

  useEffect(() => {
    let live = true;
    startDatabase().then(
      () => live && setEngine('ready'),
      (e: unknown) => {
        if (!live) return;
        setEngine('failed');
        showBanner(
          'error',
          `The database could not start: ${errorMessage(e)}. Reload the app; if it keeps failing, this browser may not support WebAssembly.`,
        );
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const screen = screens.find((s) => s.id === screenId) ?? screens[0]!;
  const Screen = screen.component;

  return (
    <div className={`app${fullWindow ? ' app-full-window' : ''}`} data-engine={engine} data-testid="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {!fullWindow && (
        <header className="topbar">
          <div className="brand">
            Mesh<span>Lens</span>
          </div>
          <DatasetTabs />
          {engine === 'starting' && (
            <span className="muted small" role="status" data-testid="engine-starting">
              Starting the database…
            </span>
          )}
          <ThemeToggle />
        </header>
      )}
      <div className="shell-body">
        {!fullWindow && <SideNav />}
        <main
          className="main"
          id="main"
          tabIndex={-1}
          aria-label={screen.label}
          data-testid={`screen-${screen.id}`}
        >
          <Banners />
          <JobBar />
          {screen.needsDataset && !datasetId ? (
            <EmptyState title="No file open">
              <p>Open a file on the Home screen first.</p>
              <button type="button" className="btn primary" onClick={() => setScreen('home')}>
                Go to Home
              </button>
            </EmptyState>
          ) : (
            <Screen key={`${screen.id}:${screen.needsDataset ? datasetId : ''}`} datasetId={datasetId} />
          )}
        </main>
      </div>
    </div>
  );
}
