/** Load the bundled demo datasets (or any bytes) through the real importer into a real duckdb-wasm engine. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NodeEngine } from '../../../electron/engine/node-engine';
import { importFile } from '../../../shared/import';
import type { ImportResult } from '../../../shared/import/types';
import { DEMO_FILES } from '../../../shared/mesh/demo';
import { analyseForMesh } from '../../../shared/mesh/analyse';
import type { Finding } from '../../../shared/checks/types';
import type { DatasetFacts } from '../../../shared/mesh/types';

export const DEMO_DIR = path.resolve(__dirname, '../../../assets/demo');

export interface Loaded {
  result: ImportResult;
  facts: DatasetFacts;
  findings: Finding[];
}

/** "Today" for the checks, fixed so freshness findings do not change with the calendar. */
export const REFERENCE_DATE = '2026-10-05';

export async function loadBytes(engine: NodeEngine, name: string, bytes: Uint8Array): Promise<Loaded> {
  const result = await importFile(engine, { path: name, name, bytes });
  const { facts, findings } = await analyseForMesh(engine, result, { name, config: { referenceDate: REFERENCE_DATE } });
  return { result, facts, findings };
}

export async function loadDemo(engine: NodeEngine, file: string): Promise<Loaded> {
  return loadBytes(engine, file, new Uint8Array(readFileSync(path.join(DEMO_DIR, file))));
}

export async function loadAllDemos(engine: NodeEngine): Promise<Map<string, Loaded>> {
  const out = new Map<string, Loaded>();
  for (const f of DEMO_FILES) out.set(f.file, await loadDemo(engine, f.file));
  return out;
}

/** A plain CSV whose headers say nothing MeshLens recognises: no dates, no roles. */
export const PLAIN_CSV = 'alpha,beta,gamma\nx,1,true\ny,2,false\nz,3,true\nx,4,false\n';
