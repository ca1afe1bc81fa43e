/** Load reconcile fixtures with the real importer and turn them into sources. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NodeEngine } from '../../../electron/engine/node-engine';
import { analyseImport } from '../../../shared/audit/dataset';
import { importFile } from '../../../shared/import/index';
import { makeSource } from '../../../shared/reconcile/sources';
import type { Source } from '../../../shared/reconcile/types';

export const RECON_FIXTURES = path.resolve(__dirname, '../../fixtures/reconcile');

export async function loadSource(engine: NodeEngine, file: string, dir = RECON_FIXTURES): Promise<Source> {
  const full = path.join(dir, file);
  const result = await importFile(engine, { path: full, name: file, bytes: new Uint8Array(readFileSync(full)) });
  const { dataset } = await analyseImport(engine, result);
  return makeSource(engine, dataset);
}
