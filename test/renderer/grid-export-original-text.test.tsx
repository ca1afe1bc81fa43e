// @vitest-environment jsdom
/**
 * The Data screen's "Cleaned structure, original text" export, on a real duckdb-wasm engine (the Node
 * build standing in for the worker): the saved CSV has the table's rows and columns, summary rows
 * removed, and every cell exactly as the file wrote it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { NodeEngine } from '../../electron/engine/node-engine';
import { importFile } from '../../shared/import/index';
import { useStore } from '../../renderer/src/store';
import { GridScreen } from '../../renderer/src/features/grid/GridScreen';
import { fixture } from '../engine/import/helpers';
import type * as BridgeModule from '../../renderer/src/bridge';

const shared = vi.hoisted(() => ({ engine: null as unknown, saved: [] as { name: string; bytes: Uint8Array; mime: string }[] }));

vi.mock('../../renderer/src/db', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getEngine: () => Promise.resolve(shared.engine),
}));
vi.mock('../../renderer/src/bridge', async (importOriginal) => {
  const original = await importOriginal<typeof BridgeModule>();
  const bridge = {
    ...original.getBridge(),
    saveFile: async (name: string, bytes: Uint8Array, mime: string) => {
      shared.saved.push({ name, bytes, mime });
      return `/saved/${name}`;
    },
  };
  return { ...original, getBridge: () => bridge };
});

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  shared.engine = engine;
}, 120_000);
afterAll(async () => {
  await engine.close();
});
afterEach(cleanup);

describe('Data screen: Cleaned structure, original text', () => {
  it('saves the cleaned rows with their original text ($74.69, 28/01/2018, 2.81%, " --")', async () => {
    const name = 'currency-dmy-dates-percent-original-text.csv';
    const bytes = new Uint8Array(readFileSync(fixture(name)));
    const result = await importFile(engine, { path: name, name, bytes });
    useStore.setState({
      datasets: [{ id: 'd1', name, file: { name, path: name, bytes }, options: {}, result, status: 'ready', error: null, progress: null, revision: 1, profile: null, findings: null }],
      activeDatasetId: 'd1',
      jobs: [],
      banners: [],
    });
    render(<GridScreen datasetId="d1" />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-original-text'));
      for (let i = 0; i < 100 && shared.saved.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    });
    expect(shared.saved).toHaveLength(1);
    expect(shared.saved[0]!.name).toBe('currency-dmy-dates-percent-original-text-original-text.csv');
    expect(new TextDecoder().decode(shared.saved[0]!.bytes)).toBe(
      'Date,Campaign,Cost,CTR,Conversions,Zip\n28/01/2018,Brand,$74.69,2.81%,"1,234.50",08123\n29/01/2018,"Generic, EU",$1.05,0.40%, --,00501\n',
    );
  }, 120_000);
});
