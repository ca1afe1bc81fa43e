/** The version `meshlens --version` prints: set at bundle time (scripts/build-cli.mjs), read from package.json when run from sources. */
import { readFileSync } from 'node:fs';

declare const __MESHLENS_VERSION__: string | undefined;

export function cliVersion(): string {
  if (typeof __MESHLENS_VERSION__ === 'string') return __MESHLENS_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
