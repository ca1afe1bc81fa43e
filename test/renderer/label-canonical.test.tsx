// @vitest-environment jsdom
/**
 * Changing a label cluster's canonical spelling in the finding detail: the store holds the choice once per
 * dataset, the workspace saves it, and the Data screen's cleaned export SELECT writes every spelling of the
 * cluster as the chosen value (real duckdb-wasm, the Node build standing in for the worker).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { NodeEngine } from '../../electron/engine/node-engine';
import { analyseImport } from '../../shared/audit/dataset';
import { inconsistentLabels } from '../../shared/checks/labels';
import { runChecks } from '../../shared/checks/runner';
import { importFile } from '../../shared/import/index';
import { labelFixesOf, useStore } from '../../renderer/src/store';
import { FindingDetail } from '../../renderer/src/features/findings/FindingDetail';
import { exportSelectSql } from '../../renderer/src/features/grid/grid-export';
import { exportRows } from '../../renderer/src/store/database';
import { currentWorkspace } from '../../renderer/src/app/workspace';
import { parseWorkspace, serializeWorkspace } from '../../shared/workspace';

const shared = vi.hoisted(() => ({ engine: null as unknown }));

vi.mock('../../renderer/src/db', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getEngine: () => Promise.resolve(shared.engine),
}));

const NAME = 'label-clusters-campaign-and-city-spellings.csv';
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  shared.engine = engine;
}, 120_000);
afterAll(async () => {
  await engine.close();
});
afterEach(cleanup);

/** The fixture imported and clustered for real, put in the store as the app would after its audit. */
async function loadClusters() {
  const file = path.resolve(__dirname, '../fixtures/checks', NAME);
  const bytes = new Uint8Array(readFileSync(file));
  const result = await importFile(engine, { path: NAME, name: NAME, bytes });
  const { dataset } = await analyseImport(engine, result);
  const findings = await runChecks(engine, dataset, { referenceDate: '2026-01-25' }, {}, [
    inconsistentLabels,
  ]);
  const finding = findings.find((f) => f.columns[0] === 'Campaign')!;
  const audit = {
    kind: 'meshlens.audit',
    revision: 1,
    status: 'ready',
    findings,
    checkErrors: [],
    referenceDate: '2026-01-25',
  };
  useStore.setState({
    datasets: [
      {
        id: 'd1',
        name: NAME,
        file: { name: NAME, path: NAME, bytes },
        options: {},
        result,
        status: 'ready',
        error: null,
        progress: null,
        revision: 1,
        profile: null,
        findings: audit,
      },
    ],
    activeDatasetId: 'd1',
    labelChoices: {},
    jobs: [],
    banners: [],
  });
  return { result, finding };
}

describe('Finding detail: canonical label spelling', () => {
  it('label_cluster_detail_showed_raw_key_values: each cluster reads as a sentence with its spellings, row counts and suggested label', async () => {
    const { finding } = await loadClusters();
    render(<FindingDetail datasetId="d1" finding={finding} />);
    const detail = screen.getByTestId('finding-detail').textContent!;
    const campaign = screen.getAllByTestId('label-cluster-text').map((e) => e.textContent);
    expect(campaign).toContain(
      '4 spellings of one label, in 18 rows: “Data Analytics Corse” (9 rows), “Data Anlytics Corse” (4 rows), “DataAnalyticsCourse” (3 rows) and “Data Analytcis Course” (2 rows). Suggested label: “Data Analytics Course”.',
    );
    expect(detail).not.toMatch(/canonical:|variants:|value:|count:/);
    expect(screen.getByTestId('label-clusters').textContent).not.toMatch(/"/);
    expect(screen.queryByTestId('label-cluster-chosen')).toBeNull();
    fireEvent.change(screen.getAllByTestId('label-canonical-select')[0]!, {
      target: { value: 'DataAnalyticsCourse' },
    });
    expect(screen.getByTestId('label-cluster-chosen').textContent).toBe('You chose “DataAnalyticsCourse”. ');
  }, 120_000);

  it('label_choice_lost_when_the_suggestion_moved: a choice keyed by an earlier suggestion shows as chosen, and a new choice replaces it', async () => {
    const { finding } = await loadClusters();
    useStore.setState({ labelChoices: { d1: { Campaign: { 'Data Anlytics Corse': 'DataAnalyticsCourse' } } } });
    render(<FindingDetail datasetId="d1" finding={finding} />);
    expect(screen.getByTestId('label-cluster-chosen').textContent).toBe('You chose “DataAnalyticsCourse”. ');
    expect((screen.getAllByTestId('label-canonical-select')[0] as HTMLSelectElement).value).toBe('DataAnalyticsCourse');
    fireEvent.change(screen.getAllByTestId('label-canonical-select')[0]!, { target: { value: 'Data Analytics Corse' } });
    expect(useStore.getState().labelChoices).toEqual({ d1: { Campaign: { 'Data Analytics Course': 'Data Analytics Corse' } } });
  }, 120_000);

  it('the chosen canonical is held in the store, saved in the workspace and written by the cleaned export', async () => {
    const { result, finding } = await loadClusters();
    render(<FindingDetail datasetId="d1" finding={finding} />);
    const select = screen.getByTestId('label-canonical-select') as HTMLSelectElement;
    expect(select.value).toBe('Data Analytics Course');
    // Type a spelling of one's own.
    fireEvent.change(select, { target: { value: select.options[select.options.length - 1]!.value } });
    const input = screen.getByTestId('label-canonical-input');
    fireEvent.change(input, { target: { value: 'Data Analytics Course 2026' } });
    fireEvent.blur(input);
    expect(useStore.getState().labelChoices).toEqual({
      d1: { Campaign: { 'Data Analytics Course': 'Data Analytics Course 2026' } },
    });
    expect(currentWorkspace().datasets[0]!.labelChoices).toEqual({
      Campaign: { 'Data Analytics Course': 'Data Analytics Course 2026' },
    });
    const reread = parseWorkspace(serializeWorkspace(currentWorkspace()), 'w.meshlens');
    expect(reread.ok && reread.workspace.datasets[0]!.labelChoices).toEqual({
      Campaign: { 'Data Analytics Course': 'Data Analytics Course 2026' },
    });

    // The Data screen's cleaned export: the same SELECT builder and the same fixes GridScreen hands it.
    const query = {
      table: result.tableName,
      columns: result.columns.map((c) => c.name),
      sort: null,
      filters: {},
    };
    const csv = new TextDecoder().decode(await exportRows(exportSelectSql(query, labelFixesOf('d1')), 'csv'));
    const campaigns = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1]);
    expect(campaigns.filter((c) => c === 'Data Analytics Course 2026')).toHaveLength(18);
    expect(campaigns.some((c) => /Corse|Analytcis|DataAnalytics/.test(c!))).toBe(false);
    expect(campaigns.filter((c) => c === 'Brand Search').length).toBeGreaterThan(0);
  }, 120_000);
});
