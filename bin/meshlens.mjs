#!/usr/bin/env node
// The `meshlens` command. It runs the bundle that scripts/build-cli.mjs writes to dist/cli/ (built on
// `npm install`/`npm ci` by the `prepare` script, and by `npm run build`): no TypeScript compiling at
// start-up. In a checkout where the bundle is missing, or with MESHLENS_FROM_SOURCE=1 (while editing the
// sources, so you never run a stale bundle), it runs the TypeScript sources through tsx instead.
// MESHLENS_CLI_BUNDLE=/path/to/meshlens.mjs runs another build (the tests run one built from the sources under test).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const bundle = process.env.MESHLENS_CLI_BUNDLE ? pathToFileURL(process.env.MESHLENS_CLI_BUNDLE) : new URL('../dist/cli/meshlens.mjs', import.meta.url);
let main;
if (process.env.MESHLENS_FROM_SOURCE !== '1' && existsSync(bundle)) {
  ({ main } = await import(bundle.href));
} else {
  if (process.env.MESHLENS_FROM_SOURCE !== '1') {
    process.stderr.write('meshlens: the built CLI (dist/cli/meshlens.mjs) is missing, so the sources run through tsx (slower start). Run `npm run build:cli` to build it.\n');
  }
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('meshlens: cannot start: dist/cli/meshlens.mjs is missing and tsx is not installed. Run `npm install` (or `npm run build:cli`) in the MeshLens folder.\n');
    process.exit(2);
  }
  register();
  ({ main } = await import('../electron/cli/index.ts'));
}
process.exitCode = await main(process.argv.slice(2));
