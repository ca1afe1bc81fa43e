import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../electron/main/menu';
import { OpenQueue, pathsFromArgv } from '../../electron/main/os-open';
import { fitToDisplays, loadWindowState, saveWindowState } from '../../electron/main/window-state';
import { MENU_COMMANDS } from '../../shared/ipc/channels';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshlens-os-'));
  await writeFile(join(dir, 'q1.meshlens'), '{}');
  await writeFile(join(dir, 'ads.csv'), 'a\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('files from the command line', () => {
  it('keeps existing files, resolves relative paths, skips switches, the executable and the app folder', () => {
    const argv = ['/opt/MeshLens/meshlens', '--no-sandbox', 'q1.meshlens', join(dir, 'ads.csv'), 'missing.csv', '--inspect=9229'];
    expect(pathsFromArgv(argv, dir, true)).toEqual([join(dir, 'q1.meshlens'), join(dir, 'ads.csv')]);
    expect(pathsFromArgv(['electron', '.', 'ads.csv'], dir, false)).toEqual([join(dir, 'ads.csv')]);
    expect(pathsFromArgv(['meshlens', '--', '--weird-name.csv'], dir, true)).toEqual([]);
  });

  it('queues paths until the renderer takes them, then delivers at once', () => {
    const q = new OpenQueue();
    q.push(['/a.csv']);
    q.push(['/a.csv', '/b.meshlens']);
    const delivered: string[][] = [];
    expect(q.take((p) => delivered.push(p))).toEqual(['/a.csv', '/b.meshlens']);
    q.push(['/c.csv']);
    expect(delivered).toEqual([['/c.csv']]);
    q.reset();
    q.push(['/d.csv']);
    expect(delivered).toHaveLength(1);
    expect(q.take(() => undefined)).toEqual(['/d.csv']);
  });
});

describe('menu', () => {
  it('has every menu command, Open Recent with the recent workspaces, and sends commands to the renderer', () => {
    const sent: string[] = [];
    const opened: string[] = [];
    const template = buildMenuTemplate({
      platform: 'linux',
      appName: 'MeshLens',
      packaged: true,
      recent: [{ path: '/w/q1.meshlens', name: 'Q1' }],
      send: (c) => sent.push(c),
      openRecent: (p) => opened.push(p),
      clearRecent: () => undefined,
    });
    const all = JSON.stringify(template, (_k, v: unknown) => (typeof v === 'function' ? undefined : v));
    for (const label of ['Open…', 'Open Recent', 'Save Workspace', 'Export Report…', 'Export PDF…', 'Walkthroughs', 'MeshLens Help']) {
      expect(all).toContain(label);
    }
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    for (const command of MENU_COMMANDS) {
      const item = items.find((i) => i.id === command);
      expect(item, command).toBeDefined();
      (item!.click as () => void)();
    }
    expect(sent).toEqual([...MENU_COMMANDS]);
    const recent = items.find((i) => i.id === 'open-recent');
    const first = (recent!.submenu as { click?: () => void }[])[0]!;
    first.click!();
    expect(opened).toEqual(['/w/q1.meshlens']);
    expect(all).not.toContain('toggleDevTools');
  });
});

describe('window bounds', () => {
  it('remembers size and position in a JSON file', async () => {
    const file = join(dir, 'window-state.json');
    await saveWindowState(file, { x: 40, y: 60, width: 1200, height: 800 }, true);
    expect(await loadWindowState(file, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({ x: 40, y: 60, width: 1200, height: 800, maximized: true });
  });

  it('drops a position that is on no screen any more, and ignores a damaged file', async () => {
    expect(fitToDisplays({ x: 3000, y: 100, width: 1200, height: 800, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    const file = join(dir, 'bad-state.json');
    await writeFile(file, '{"width": "huge"');
    expect(await loadWindowState(file, [])).toEqual({ width: 1360, height: 880, maximized: false });
  });
});
