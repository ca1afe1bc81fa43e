import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../electron/main/log';
import {
  CONTENT_SECURITY_POLICY,
  guardWebContents,
  installNetworkBlock,
  installPermissionPolicy,
  isAllowedRequest,
} from '../../electron/main/security';

function recorder(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: (level, message) => lines.push(`${level} ${message}`), lines };
}

describe('CSP', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it("allows only the app's own files and 'wasm-unsafe-eval' for scripts", () => {
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
  });

  it('names no remote origin and no unsafe-eval or inline script anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
  });
});

describe('network block', () => {
  it.each([
    ['app://meshlens/index.html', true],
    ['app://meshlens/assets/duckdb-eh.wasm', true],
    ['blob:app://meshlens/3f1c9a50-5c1e-4d4e-9d4b-7f0b1b7c2f10', true],
    ['data:text/plain,hello', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['https://extensions.duckdb.org/v1.4.3/wasm_eh/parquet.duckdb_extension.wasm', false],
    ['http://localhost:5173/', false],
    ['http://127.0.0.1/', false],
    ['wss://example.com/socket', false],
    ['file:///etc/passwd', false],
    ['app://evil.example/index.html', false],
    ['blob:https://example.com/uuid', false],
    ['ftp://example.com/x', false],
    ['not a url', false],
  ])('%s → allowed=%s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed);
  });

  it('cancels non-local requests through the session, lets app:// through, and logs what it refused', () => {
    const { log, lines } = recorder();
    let listener: ((details: { url: string; method: string; resourceType: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
    const session = { webRequest: { onBeforeRequest: vi.fn((l) => (listener = l)) } };
    installNetworkBlock(session as never, log);
    expect(listener).not.toBeNull();
    const decide = (url: string): { cancel?: boolean } => {
      let response: { cancel?: boolean } = {};
      listener!({ url, method: 'GET', resourceType: 'xhr' }, (r) => (response = r));
      return response;
    };
    expect(decide('https://www.google-analytics.com/collect?v=1')).toEqual({ cancel: true });
    expect(decide('app://meshlens/index.html')).toEqual({});
    expect(decide('http://localhost:8080/')).toEqual({ cancel: true });
    expect(lines).toEqual([
      'warn network: refused GET https://www.google-analytics.com/collect?v=1 (xhr)',
      'warn network: refused GET http://localhost:8080/ (xhr)',
    ]);
  });
});

describe('permissions', () => {
  it('denies every permission request except writing text to the clipboard, and switches off the spellchecker', () => {
    const { log, lines } = recorder();
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
    };
    installPermissionPolicy(session as never, log);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (w: unknown, p: string, cb: (ok: boolean) => void) => void;
    const answers: Record<string, boolean> = {};
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write']) {
      request(null, p, (ok) => (answers[p] = ok));
    }
    expect(answers).toEqual({
      media: false,
      geolocation: false,
      notifications: false,
      openExternal: false,
      'clipboard-read': false,
      'clipboard-sanitized-write': true,
    });
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (w: unknown, p: string) => boolean;
    expect(check(null, 'media')).toBe(false);
    expect((session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(lines.filter((l) => l.startsWith('warn permission'))).toHaveLength(5);
  });
});

describe('navigation and window.open', () => {
  function guarded(): { handlers: Record<string, (e: unknown, url?: string) => void>; openHandler: (d: { url: string }) => { action: string }; lines: string[] } {
    const { log, lines } = recorder();
    const handlers: Record<string, (e: unknown, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (name: string, fn: (e: unknown, url?: string) => void) => (handlers[name] = fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (openHandler = fn),
    };
    guardWebContents(contents as never, log);
    return { handlers, openHandler: openHandler!, lines };
  }

  it('denies window.open for any URL, including our own', () => {
    const { openHandler, lines } = guarded();
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://meshlens/index.html' })).toEqual({ action: 'deny' });
    expect(lines).toHaveLength(2);
  });

  it('prevents navigation away from the app and allows reloading the entry page', () => {
    const { handlers } = guarded();
    const nav = (url: string, name = 'will-navigate'): boolean => {
      const event = { preventDefault: vi.fn() };
      handlers[name]!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(nav('https://example.com/phish')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('app://meshlens/other.html')).toBe(true);
    expect(nav('https://example.com/', 'will-redirect')).toBe(true);
    expect(nav('app://meshlens/index.html')).toBe(false);
  });

  it('refuses sub-frame navigation and <webview>', () => {
    const { handlers } = guarded();
    const sub = { preventDefault: vi.fn(), isMainFrame: false, url: 'https://example.com' };
    handlers['will-frame-navigate']!(sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    handlers['will-attach-webview']!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
