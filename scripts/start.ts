/**
 * `npm start`: build and launch the desktop app. When Electron's binary is missing (it is downloaded on
 * first launch, which fails offline), say so in one line, build the web version, serve it on 127.0.0.1
 * with the desktop shell's headers and open it in Chrome/Chromium as an app window, or print the address.
 *
 * Environment (for tests and odd machines): MESHLENS_ELECTRON_DIR (where the electron package is),
 * MESHLENS_START_BROWSER=none (never open a browser), MESHLENS_SKIP_BUILD=1 and MESHLENS_RENDERER_DIR
 * (serve an existing build), MESHLENS_PORT (a fixed port).
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome, findElectronBinary, hasDisplay, openAppWindow, serveRenderer } from '../electron/start/web-fallback';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args: string[]): void {
  if (env.MESHLENS_SKIP_BUILD === '1') return;
  const r = spawnSync(npm, ['run', ...args], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const electron = findElectronBinary(env.MESHLENS_ELECTRON_DIR ?? path.join(root, 'node_modules/electron'));
if (electron.ok) {
  run(['build']);
  const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const browser = env.MESHLENS_START_BROWSER === 'none' ? null : findChrome();
  const canShow = browser !== null && hasDisplay();
  console.log(
    `MeshLens: ${electron.reason}, so ` +
      (canShow ? `the web version opens in ${path.basename(browser)} instead` : 'the web version is served instead: open the address below in Chrome or Chromium') +
      ' (same app, same offline rules; files are opened through the browser).',
  );
  run(['build:renderer']);
  const server = await serveRenderer(env.MESHLENS_RENDERER_DIR ?? path.join(root, 'dist/renderer'), Number(env.MESHLENS_PORT ?? 0));
  console.log(`MeshLens is at ${server.url} (Ctrl+C stops it).`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (canShow) {
    const window = openAppWindow(browser, server.url);
    window.on('error', () => console.log(`Could not start ${browser}; open ${server.url} in Chrome or Chromium.`));
    window.on('exit', (code) => {
      if (code) console.log(`${path.basename(browser)} ended (exit ${code}); the server keeps running at ${server.url}.`);
      else stop();
    });
  }
}
