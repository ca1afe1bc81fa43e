/**
 * One e2e file's app: the built renderer served locally and opened in real Chromium on Home before the tests,
 * closed after them. Call at the top of the file; read `app.session` inside the tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openSession } from './chromium';
import type { Session } from './chromium';
import { byTestId } from './page-utils';
import { serveStatic } from './static-server';
import type { StaticServer } from './static-server';

export const DIST = path.resolve(process.env.MESHLENS_DIST ?? 'dist/renderer');

export function useAppSession(): { readonly session: Session } {
  let server: StaticServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npm run test:e2e\` (it builds first).`);
    server = await serveStatic(DIST);
    session = await openSession(server.url);
    await session.page.goto(server.url);
    await session.page.waitForSelector(byTestId('screen-home'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  return {
    get session(): Session {
      if (!session) throw new Error('The app session is not open yet (use it inside a test).');
      return session;
    },
  };
}
