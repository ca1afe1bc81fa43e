/**
 * The app:// protocol: serves the built renderer (dist/renderer) with the CSP, cross-origin isolation
 * headers (COOP/COEP, so duckdb-wasm may use its threaded build) and correct MIME types. Paths that
 * try to leave the renderer folder are refused.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Logger } from './log';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/** Registered before `app.ready`: standard + secure so it behaves like https (origin, fetch, workers). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
};

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface ProtocolOptions {
  /**
   * Send COOP/COEP so the page is cross-origin isolated and duckdb-wasm may use its threaded build.
   * On by default; MESHLENS_CROSS_ORIGIN_ISOLATION=off turns it off (the renderer then picks the
   * single-threaded build), a way out if threads misbehave or are slower on a machine.
   */
  crossOriginIsolation?: boolean;
}

/** Headers on every response: CSP, cross-origin isolation (unless switched off), no sniffing. */
export function securityHeaders(options: ProtocolOptions = {}): Record<string, string> {
  const isolation: Record<string, string> =
    options.crossOriginIsolation === false
      ? {}
      : { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' };
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    ...isolation,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * Map an app:// URL to a file under `root`, or null when it is not ours or tries to escape `root`
 * (`..`, encoded `%2e%2e`, backslashes, NUL bytes, absolute drive paths).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^\/?[A-Za-z]:/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(join(base, ...segments));
  if (!file.startsWith(base + sep)) return null;
  return file;
}

/** The protocol.handle callback for app://, serving files from `root`. */
export function createAppProtocolHandler(root: string, log: Logger, options: ProtocolOptions = {}): (request: Request) => Promise<Response> {
  const textResponse = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...securityHeaders(options), 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = resolveAppPath(root, request.url);
    if (!file) {
      log('warn', `app protocol: refused ${request.url.slice(0, 300)}`);
      return textResponse(403, 'Forbidden');
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) return textResponse(404, 'Not found');
      const headers = { ...securityHeaders(options), 'Content-Type': mimeTypeFor(file), 'Content-Length': String(info.size) };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      const body = await readFile(file);
      return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { status: 200, headers });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return textResponse(404, 'Not found');
      log('error', `app protocol: ${file}: ${String(err)}`);
      return textResponse(500, 'Could not read the file');
    }
  };
}
