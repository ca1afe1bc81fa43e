/**
 * DuckDB's wasm and worker files ship inside the app (Vite `?url` imports): nothing is fetched from the
 * network, ever. selectBundle picks the exception-handling build when the browser supports it; the
 * cross-origin-isolated (threads) build is offered only when the page asked for it (threads.ts says why).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthreadWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import { maximumThreads, wantsThreadedBuild } from './threads';
import type { ThreadsChoice } from './threads';

/** Asset URLs are relative to the page; inside a worker resolve them against the worker's own URL. */
function absolute(url: string): string {
  return new URL(url, globalThis.location.href).href;
}

export function localBundles(threads?: ThreadsChoice): duckdb.DuckDBBundles {
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
    eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) },
  };
  if (wantsThreadedBuild(globalThis.crossOriginIsolated === true, threads)) {
    bundles.coi = {
      mainModule: absolute(coiWasm),
      mainWorker: absolute(coiWorker),
      pthreadWorker: absolute(coiPthreadWorker),
    };
  }
  return bundles;
}

export interface StartedDuckDB {
  db: duckdb.AsyncDuckDB;
  worker: Worker;
  bundle: string;
}

/** Start DuckDB in its own worker and open an in-memory database. */
export async function startDuckDB(threads?: ThreadsChoice): Promise<StartedDuckDB> {
  const bundle = await duckdb.selectBundle(localBundles(threads));
  if (!bundle.mainWorker) throw new Error('No DuckDB worker in the selected bundle.');
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({
    query: { castBigIntToDouble: false },
    filesystem: { allowFullHTTPReads: false },
    maximumThreads: maximumThreads(Boolean(bundle.pthreadWorker), globalThis.navigator?.hardwareConcurrency, threads),
  });
  const which = bundle.mainModule === absolute(ehWasm) ? 'eh' : bundle.mainModule === absolute(mvpWasm) ? 'mvp' : 'coi';
  return { db, worker, bundle: which };
}
