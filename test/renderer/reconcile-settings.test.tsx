// @vitest-environment jsdom
/**
 * reconcile_timezone_and_currency_only_in_cli_yaml: a source's currency and time zone could be given only in
 * the CLI's YAML. The Reconcile screen now edits them in the store's ReconcileConfig (the object the CLI reads
 * from --config), the run uses them, and the settings are saved in the workspace and as the CLI's YAML.
 * Real files, real DuckDB (the Node build standing in for the worker), the app's own analysis path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NodeEngine } from '../../electron/engine/node-engine';
import { importFile } from '../../shared/import/index';
import { parseReconcileConfig, reconcileConfigYaml } from '../../shared/reconcile/config';
import { parseWorkspace, serializeWorkspace } from '../../shared/workspace';
import { useStore } from '../../renderer/src/store';
import type { Dataset } from '../../renderer/src/store';
import { ReconcileScreen } from '../../renderer/src/features/reconcile/ReconcileScreen';
import { currentWorkspace } from '../../renderer/src/app/workspace';

const shared = vi.hoisted(() => ({ engine: null as unknown }));
vi.mock('../../renderer/src/db', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getEngine: () => Promise.resolve(shared.engine),
}));

const ADS = 'google-ads-march.csv';
const FINANCE = 'finance-spend-agrees.csv';
let engine: NodeEngine;

async function ready(id: string, name: string): Promise<Dataset> {
  const file = path.resolve(__dirname, '../fixtures/reconcile', name);
  const bytes = new Uint8Array(readFileSync(file));
  const result = await importFile(engine, { path: name, name, bytes });
  return { id, name, file: { name, path: name, bytes }, options: {}, result, status: 'ready', error: null, progress: null, revision: 1, profile: null, findings: null };
}

beforeAll(async () => {
  engine = await NodeEngine.create();
  shared.engine = engine;
  useStore.setState({ datasets: [await ready('a', ADS), await ready('f', FINANCE)], activeDatasetId: 'a', screen: 'reconcile', jobs: [], banners: [], reconcile: { sources: [] } });
}, 120_000);
afterAll(async () => engine.close());
afterEach(cleanup);

const findings = () => screen.queryAllByTestId('reconcile-finding').map((e) => e.getAttribute('data-check'));
/** The input once the run shows (each change re-runs the reconciliation, and the screen waits for it). */
const input = async (testId: string, source: string) =>
  (await screen.findAllByTestId(testId, {}, { timeout: 60_000 })).find((e) => e.getAttribute('data-source') === source)!;
async function type(testId: string, source: string, value: string) {
  const el = await input(testId, source);
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
}

describe('reconcile_timezone_and_currency_only_in_cli_yaml', () => {
  it('currency and time zone typed on the screen change the run, and are kept as the CLI config', async () => {
    render(<ReconcileScreen datasetId="a" />);
    await screen.findByTestId('reconcile-sources', {}, { timeout: 60_000 });
    expect(findings()).not.toContain('currency_mismatch');
    expect(((await input('reconcile-currency', FINANCE)) as HTMLInputElement).placeholder).toBe('EUR');

    await type('reconcile-currency', FINANCE, 'usd');
    expect(useStore.getState().reconcile.sources).toEqual([{ file: FINANCE, currency: 'USD' }]);
    // The table stays while the run is redone, marked as out of date, so the next setting can be typed.
    expect(screen.getByTestId('reconcile-updating')).toBeTruthy();
    expect(screen.getAllByTestId('reconcile-currency')).toHaveLength(2);
    await waitFor(() => expect(findings()).toContain('currency_mismatch'), { timeout: 60_000 });
    expect(screen.queryByTestId('reconcile-updating')).toBeNull();

    await type('reconcile-timezone', FINANCE, 'Mars/Olympus');
    expect(screen.getByTestId('reconcile-setting-problem').textContent).toContain('is not a time zone');
    expect(useStore.getState().reconcile.sources).toEqual([{ file: FINANCE, currency: 'USD' }]);

    // Clearing a setting gives the file's own value back.
    await type('reconcile-currency', FINANCE, '');
    expect(useStore.getState().reconcile.sources).toEqual([]);
    await waitFor(() => expect(findings()).not.toContain('currency_mismatch'), { timeout: 60_000 });

    await type('reconcile-timezone', FINANCE, 'America/New_York');
    await type('reconcile-timezone', ADS, 'Europe/Berlin');
    await waitFor(() => expect(findings()).toContain('timezone_misalignment'), { timeout: 60_000 });

    const config = useStore.getState().reconcile;
    expect(config.sources).toEqual([
      { file: FINANCE, timeZone: 'America/New_York' },
      { file: ADS, timeZone: 'Europe/Berlin' },
    ]);
    // The CLI reads the YAML the screen saves, and the workspace keeps the same object.
    expect(parseReconcileConfig(reconcileConfigYaml(config))).toEqual(config);
    const reread = parseWorkspace(serializeWorkspace(currentWorkspace()));
    expect(reread.ok && reread.workspace.reconcile).toEqual(config);
  }, 240_000);
});
