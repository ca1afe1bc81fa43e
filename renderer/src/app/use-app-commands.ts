/** Native menu commands and files the OS asks the app to open (desktop); harmless no-ops on the web. */
import { useEffect } from 'react';
import { getBridge, onOsOpenPaths } from '../bridge';
import type { MenuCommand } from '../bridge';
import { screens, landingScreen } from '../features/registry';
import { openFiles, setScreen, showBanner } from '../store';
import { WORKSPACE_EXTENSION } from '../../../shared/workspace';
import { openWorkspace, saveWorkspace } from './workspace';

function goTo(id: string): void {
  if (screens.some((s) => s.id === id)) setScreen(id);
}

export async function runMenuCommand(command: MenuCommand): Promise<void> {
  const bridge = getBridge();
  switch (command) {
    case 'open-files': {
      const files = await bridge.openFiles();
      if (files.length) openFiles(files, landingScreen());
      return;
    }
    case 'open-workspace':
      return openWorkspace();
    case 'save-workspace':
      return saveWorkspace();
    case 'export-report':
      // The report buttons live on the Overview.
      return goTo('overview');
    case 'export-pdf': {
      const r = await bridge.exportPdf('meshlens-report.pdf');
      if (!r.ok) showBanner('error', r.error);
      else if (r.value) showBanner('info', `Saved ${r.value}.`);
      return;
    }
    case 'walkthroughs':
      return goTo('walkthroughs');
    case 'help':
      return goTo('home');
  }
}

async function openPaths(paths: string[]): Promise<void> {
  const bridge = getBridge();
  const files = [];
  for (const path of paths) {
    if (path.toLowerCase().endsWith(WORKSPACE_EXTENSION)) {
      await openWorkspace(path);
      continue;
    }
    const r = await bridge.readFile(path);
    if (r.ok) files.push(r.value);
    else showBanner('error', r.error);
  }
  if (files.length) openFiles(files, landingScreen());
}

export function useAppCommands(): void {
  useEffect(() => {
    const offMenu = getBridge().onMenuCommand((command) => void runMenuCommand(command));
    const offOpen = onOsOpenPaths((paths) => void openPaths(paths));
    return () => {
      offMenu();
      offOpen();
    };
  }, []);
}
