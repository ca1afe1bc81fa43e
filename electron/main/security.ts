/**
 * The security policy of the shell: the CSP, which URLs may load at all, permissions, and the guards
 * on every web contents. The app promises to work offline and to send nothing anywhere, so every
 * request that is not the app's own files is cancelled and logged.
 */
import type { Session, WebContents } from 'electron';
import type { Logger } from './log';

export const APP_SCHEME = 'app';
export const APP_HOST = 'meshlens';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Only the app's own files; `'wasm-unsafe-eval'` so duckdb-wasm can compile; workers from the app or
 * from blob: URLs (duckdb-wasm and Vite may wrap a worker in a blob). No remote origin anywhere.
 * Scripts are strict (no inline, no eval). Styles allow inline `<style>` elements because the
 * renderer inserts one (the chart palette; React 19 can hoist `<style>` too): CSS cannot send
 * anything out, since images, fonts and connections are limited to 'self' and the session refuses
 * every other request. Verified in Chromium by test/electron/shell-chromium.test.ts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Permissions the renderer may use. Copying text to the clipboard is local and sends nothing. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the app's own origin (app://meshlens/...). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/** Local URLs the page may load: our files, blob: and data: URLs made from them, and DevTools. */
export function isAllowedRequest(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
      return u.host === APP_HOST;
    case 'blob:':
      return isAppUrl(url.slice('blob:'.length));
    case 'data:':
      return true;
    case 'devtools:':
      return true;
    default:
      return false;
  }
}

type RequestSession = Pick<Session, 'webRequest'>;

/** Cancel every request to anything but our own files, and log what was refused. */
export function installNetworkBlock(session: RequestSession, log: Logger): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    if (isAllowedRequest(details.url)) {
      callback({});
      return;
    }
    log('warn', `network: refused ${details.method} ${details.url.slice(0, 300)} (${details.resourceType})`);
    callback({ cancel: true });
  });
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled'
>;

export function installPermissionPolicy(session: PermissionSession, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = ALLOWED_PERMISSIONS.has(permission);
    if (!allowed) log('warn', `permission: refused ${permission}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
  // Chromium's spellchecker downloads dictionaries: switch it off so nothing is fetched.
  session.setSpellCheckerEnabled(false);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** No new windows, no navigation away from the app, no <webview>. */
export function guardWebContents(contents: GuardedContents, log: Logger): void {
  contents.setWindowOpenHandler((details) => {
    log('warn', `window.open refused: ${details.url.slice(0, 300)}`);
    return { action: 'deny' };
  });
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url) && new URL(url).pathname === '/index.html') return;
    event.preventDefault();
    log('warn', `navigation refused: ${url.slice(0, 300)}`);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) {
      event.preventDefault();
      log('warn', `sub-frame navigation refused: ${event.url.slice(0, 300)}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('warn', 'webview refused');
  });
}
