/** Home: drop files or open them (several at once), reopen a recent workspace, or try a demo dataset. */
import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { droppedFilePath, getBridge } from '../../bridge';
import type { RecentWorkspace } from '../../bridge';
import { browserFileSources, HEAD_BYTES } from '../../bridge/web-bridge';
import { IMPORT_EXTENSIONS } from '../../../../shared/import/types';
import { openFiles, showBanner, errorMessage } from '../../store';
import type { DatasetFile } from '../../store';
import { landingScreen } from '../registry';
import type { ScreenProps } from '../registry';
import { openWorkspace, saveWorkspace } from '../../app/workspace';
import { demoDatasets, fetchDemoFile } from './demo-datasets';
import { useStore } from '../../store';
import './home.css';

const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

function open(files: DatasetFile[]): void {
  if (files.length) openFiles(files, landingScreen());
}

export function HomeScreen(_props: ScreenProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const hasDatasets = useStore((s) => s.datasets.length > 0);
  const bridge = getBridge();

  useEffect(() => {
    let live = true;
    void bridge.recentWorkspaces().then((r) => live && setRecent(r));
    return () => {
      live = false;
    };
  }, [bridge]);
  const refreshRecent = () => void bridge.recentWorkspaces().then(setRecent);

  const onOpen = async () => {
    if (bridge.kind === 'web') inputRef.current?.click();
    else open(await bridge.openFiles());
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) open(await browserFileSources(e.dataTransfer.files, droppedFilePath));
  };

  const onDemo = async (demos: typeof demoDatasets) => {
    try {
      open(await Promise.all(demos.map(async (d) => ({ name: d.name, path: d.name, ...(await fetchDemoFile(d, HEAD_BYTES)) }))));
    } catch (e) {
      showBanner('error', errorMessage(e));
    }
  };

  return (
    <div className="screen home">
      <h1>Audit a marketing export</h1>
      <div
        className="dropzone"
        data-dragging={dragging}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <p className="drop-title">Drop CSV, TSV, Excel, Parquet or JSON files here</p>
        <p className="muted">Google Ads, Meta, GA4, LinkedIn, TikTok, HubSpot, Salesforce and audience files. Everything stays on this computer.</p>
        <button type="button" className="btn primary" onClick={() => void onOpen()} data-testid="open-files">
          Open files…
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-label="Choose data files"
          data-testid="file-input"
          onChange={async (e) => {
            const input = e.currentTarget;
            const files = Array.from(input.files ?? []);
            input.value = '';
            if (files.length) open(await browserFileSources(files));
          }}
        />
      </div>

      <div className="home-columns">
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent workspaces</h2>
          {recent.length ? (
            <ul className="plain-list" data-testid="recent-workspaces">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" className="btn ghost" onClick={() => void openWorkspace(r.path)}>
                    {r.name}
                  </button>
                  <span className="muted"> {new Date(r.openedAt).toLocaleString()}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No workspace yet. A workspace remembers which files you opened and how.</p>
          )}
          <div className="row-gap">
            <button type="button" className="btn" onClick={() => void openWorkspace()}>Open workspace…</button>
            <button type="button" className="btn" onClick={() => void saveWorkspace().then(refreshRecent)} disabled={!hasDatasets} data-testid="save-workspace">
              Save workspace
            </button>
          </div>
        </section>
        <section className="card" aria-labelledby="demo-title">
          <h2 id="demo-title">Demo datasets</h2>
          {demoDatasets.length ? (
            <>
              <ul className="plain-list demo-list" data-testid="demo-datasets">
                {demoDatasets.map((d) => (
                  <li key={d.url}>
                    <button type="button" className="btn ghost" onClick={() => void onDemo([d])} title={d.name}>
                      {d.title}
                    </button>
                    {d.description && <div className="muted small">{d.description}</div>}
                  </li>
                ))}
              </ul>
              <button type="button" className="btn" onClick={() => void onDemo(demoDatasets)} data-testid="open-all-demos">
                Open all {demoDatasets.length}
              </button>
            </>
          ) : (
            <p className="muted" data-testid="no-demos">No demo datasets are bundled with this build.</p>
          )}
        </section>
      </div>
    </div>
  );
}
