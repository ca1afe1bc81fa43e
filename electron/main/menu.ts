/**
 * The application menu. Items send a MenuCommand to the renderer, which owns what happens next;
 * Open Recent hands the chosen workspace path to the renderer the same way an OS open does.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandName } from '../../shared/ipc/api';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  packaged: boolean;
  recent: { path: string; name: string }[];
  send: (command: MenuCommandName) => void;
  openRecent: (path: string) => void;
  clearRecent: () => void;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const cmd = (label: string, command: MenuCommandName, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    id: command,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.send(command),
  });
  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length
    ? [
        ...ctx.recent.map((r) => ({ label: `${r.name} (${r.path})`, click: () => ctx.openRecent(r.path) })),
        { type: 'separator' as const },
        { label: 'Clear Recent', id: 'clear-recent', click: () => ctx.clearRecent() },
      ]
    : [{ label: 'No recent workspaces', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      cmd('Open…', 'open-files', 'CmdOrCtrl+O'),
      cmd('Open Workspace…', 'open-workspace', 'CmdOrCtrl+Shift+O'),
      { label: 'Open Recent', id: 'open-recent', submenu: recentItems },
      { type: 'separator' },
      cmd('Save Workspace', 'save-workspace', 'CmdOrCtrl+S'),
      { type: 'separator' },
      cmd('Export Report…', 'export-report', 'CmdOrCtrl+E'),
      cmd('Export PDF…', 'export-pdf', 'CmdOrCtrl+P'),
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.packaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [cmd('Walkthroughs', 'walkthroughs', 'F1'), cmd('MeshLens Help', 'help')],
  };
  return [
    ...(mac ? [{ label: ctx.appName, role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}
