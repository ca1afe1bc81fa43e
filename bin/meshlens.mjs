#!/usr/bin/env node
// The `meshlens` command. It runs the TypeScript sources directly through tsx, so the CLI and the app
// always share the same shared/ code with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
