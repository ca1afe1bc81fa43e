/**
 * Launch Debian's Chromium through playwright-core with a fresh profile, and fail on any request that
 * leaves the local server: the app promises to work offline and to send nothing anywhere.
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests that went anywhere but the local server (must stay empty). */
  foreignRequests: string[];
  /** Errors thrown in the page (uncaught) and console errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openSession(baseUrl: string): Promise<Session> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'meshlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1360, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const browser = context.browser() as Browser;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const origin = new URL(baseUrl).origin;
  const isLocal = (url: string) => url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  context.on('request', (req) => {
    if (!isLocal(req.url()) && !foreignRequests.includes(req.url())) foreignRequests.push(req.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  return {
    browser,
    context,
    page,
    foreignRequests,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
