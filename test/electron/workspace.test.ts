import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile } from '../../electron/main/atomic-write';
import { nodeParquet } from '../../electron/engine/parquet-node';
import { FileAccess } from '../../electron/main/file-access';
import { WorkspaceFiles } from '../../electron/main/workspace';
import type { Workspace } from '../../shared/workspace';
import {
  decodeBase64,
  embedDataset,
  emptyWorkspace,
  encodeBase64,
  extractEmbedded,
  parseWorkspace,
  relinkPath,
  serializeWorkspace,
  WORKSPACE_VERSION,
} from '../../shared/workspace';

let dir: string;
let userData: string;
let lines: string[];
let access: FileAccess;
let files: WorkspaceFiles;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshlens-ws-'));
  userData = join(dir, 'userData');
  lines = [];
  access = new FileAccess();
  files = new WorkspaceFiles(userData, access, (l, m) => lines.push(`${l} ${m}`), () => new Date('2026-02-01T10:00:00Z'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function sample(dataPath: string): Workspace {
  const ws = emptyWorkspace('Q1 paid social', new Date('2026-01-15T09:00:00Z'));
  return {
    ...ws,
    datasets: [
      {
        id: 'meta',
        path: dataPath,
        name: 'meta-ads.csv',
        importOptions: { decimalSeparator: ',', headerLine: 3 },
        roleOverrides: { 'Amount spent (EUR)': 'spend' },
        product: { name: 'Paid social spend', owner: 'Dana', consumers: ['CMO dashboard'], policies: ['required_owner'], futureField: { sla: '24h' } },
        walkthroughs: { 'data-as-a-product': { step: 3, completed: false, updatedAt: '2026-01-15T09:40:00Z', answers: { name: 'Paid social spend', consumers: ['CMO dashboard'] } } },
      },
    ],
    checks: { disabled: ['freshness'], severity: { duplicate_rows: 'error' }, thresholds: { freshness_days: 3 } },
    owners: [{ id: 'o1', name: 'Dana', email: 'dana@example.com' }],
    domains: [{ id: 'd1', name: 'Paid media', ownerId: 'o1' }],
    notes: [{ id: 'n1', text: 'Totals row removed on purpose', createdAt: '2026-01-15T09:30:00Z', datasetId: 'meta' }],
    workshop: { current: 2, startedAt: 1768467600000, policies: [{ policyId: 'required_owner', adopted: true, note: '' }], notes: 'Owners by Friday' },
  };
}

describe('workspace format (shared/workspace)', () => {
  it('round-trips every part of a workspace through serialize and parse, keeping unknown product fields', () => {
    const ws = sample('/data/meta-ads.csv');
    const parsed = parseWorkspace(serializeWorkspace(ws));
    expect(parsed).toEqual({ ok: true, workspace: ws });
  });

  it('opens a workspace written by the previous version (v1): product and walkthrough progress move onto the dataset', async () => {
    const text = await readFile(join(__dirname, '../fixtures/workspace/v1-paid-social.meshlens'), 'utf8');
    const parsed = parseWorkspace(text);
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!parsed.ok) return;
    const [meta, crm] = parsed.workspace.datasets;
    expect(parsed.workspace.version).toBe(WORKSPACE_VERSION);
    expect(meta).toMatchObject({ importOptions: { decimalSeparator: ',', headerLine: 3 }, roleOverrides: { 'Amount spent (EUR)': 'spend' } });
    expect(meta!.product).toEqual({ name: 'Paid social spend', owner: 'Dana', domain: 'Paid media' });
    expect(crm!.product).toBeUndefined(); // no card in v1: nothing is made up
    expect(meta!.walkthroughs['data-as-a-product']).toEqual({ step: 3, completed: false, updatedAt: '2026-01-15T09:40:00Z', answers: {} });
    expect(parsed.workspace.owners).toEqual([{ id: 'o1', name: 'Dana', email: 'dana@example.com' }]);
    expect(parsed.workspace.notes).toHaveLength(1);
    // The migrated workspace saves and reopens as the current version.
    expect(parseWorkspace(serializeWorkspace(parsed.workspace))).toEqual({ ok: true, workspace: parsed.workspace });
  });

  it('refuses a damaged file with a clear message', () => {
    const text = serializeWorkspace(sample('/data/a.csv')).slice(0, 120);
    const parsed = parseWorkspace(text, '"q1.meshlens"');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toBe('corrupt');
    expect(parsed.message).toMatch(/^"q1\.meshlens" is damaged: it is not valid JSON/);
    expect(parsed.message).toContain('MeshLens has not changed the file');
  });

  it('refuses a workspace from a newer MeshLens and says to update', () => {
    const doc = JSON.parse(serializeWorkspace(sample('/data/a.csv')));
    const parsed = parseWorkspace(JSON.stringify({ ...doc, version: WORKSPACE_VERSION + 1, newThing: true }));
    expect(parsed).toMatchObject({ ok: false, reason: 'newer-version', version: WORKSPACE_VERSION + 1 });
    if (!parsed.ok) expect(parsed.message).toMatch(/saved by a newer MeshLens \(workspace format 3; this version reads up to 2\)\. Update MeshLens/);
  });

  it('refuses JSON that is not a workspace, and fields of the wrong type with their path', () => {
    expect(parseWorkspace('{"hello": 1}')).toMatchObject({ ok: false, reason: 'not-a-workspace' });
    expect(parseWorkspace('')).toMatchObject({ ok: false, reason: 'corrupt' });
    const doc = JSON.parse(serializeWorkspace(sample('/data/a.csv')));
    doc.datasets[0].importOptions.headerLine = 'three';
    const parsed = parseWorkspace(JSON.stringify(doc));
    expect(parsed).toMatchObject({ ok: false, reason: 'invalid' });
    if (!parsed.ok) expect(parsed.message).toContain('datasets.0.importOptions.headerLine');
  });

  it('relinks every dataset that pointed at a moved file and drops its stale fingerprint', () => {
    const ws = sample('/old/meta-ads.csv');
    ws.datasets[0]!.fingerprint = { size: 10, mtimeMs: 1 };
    const { workspace, relinked } = relinkPath(ws, '/old/meta-ads.csv', '/new/meta-ads.csv');
    expect(relinked).toEqual(['meta']);
    expect(workspace.datasets[0]).toMatchObject({ path: '/new/meta-ads.csv', roleOverrides: { 'Amount spent (EUR)': 'spend' } });
    expect(workspace.datasets[0]!.fingerprint).toBeUndefined();
    expect(ws.datasets[0]!.path).toBe('/old/meta-ads.csv');
  });

  it('base64 matches Node for every length and byte value', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 1000, 65537]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7919 + n) & 255);
      const b64 = encodeBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(decodeBase64(b64)).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(() => decodeBase64('ab$d')).toThrow(/invalid base64 character/);
  });
});

describe('workspace files on disk (electron/main/workspace)', () => {
  it('saves and opens a workspace: same content, dataset found, added to the recent list', async () => {
    const data = join(dir, 'meta-ads.csv');
    await writeFile(data, 'Campaign,Spend\nA,1\n');
    const target = join(dir, 'q1.meshlens');
    const json = serializeWorkspace(sample(data));
    expect(await files.save(json, target, true)).toBe(target);
    const opened = await files.open(target);
    expect(opened.json).toBe(json);
    expect(opened.datasets).toEqual([{ datasetId: 'meta', path: data, status: 'ok', message: '"meta-ads.csv" found.' }]);
    expect(access.canRead(data)).toBe(true);
    expect(await files.recent()).toEqual([{ path: target, name: 'Q1 paid social', openedAt: '2026-02-01T10:00:00.000Z' }]);
  });

  it('adds the .meshlens extension and refuses to save to a path this session never chose or opened', async () => {
    const json = serializeWorkspace(sample('/x/a.csv'));
    expect(await files.save(json, join(dir, 'plain'), true)).toBe(join(dir, 'plain.meshlens'));
    await expect(files.save(json, join(dir, 'elsewhere.meshlens'))).rejects.toThrow(/was not opened or chosen as a workspace in this session/);
    await expect(files.save('{"format":"meshlens-workspace","version":1}', join(dir, 'plain.meshlens'))).rejects.toThrow(/Nothing was written/);
  });

  it('atomic write: a write that fails half way leaves the old file intact and no temp file behind', async () => {
    const target = join(dir, 'q1.meshlens');
    const oldJson = serializeWorkspace(sample('/x/old.csv'));
    await writeFile(target, oldJson);
    const failing = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        return Object.assign(Object.create(Object.getPrototypeOf(handle) as object) as object, handle, {
          writeFile: async (data: string) => {
            await handle.writeFile(data.slice(0, 50));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        }) as typeof handle;
      }) as typeof fsp.open,
    };
    await expect(atomicWriteFile(target, serializeWorkspace(sample('/x/new.csv')), failing)).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe(oldJson);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('atomic write: a failed rename also leaves the old file intact', async () => {
    const target = join(dir, 'q1.meshlens');
    await writeFile(target, 'old');
    const failing = { ...fsp, rename: (async () => Promise.reject(new Error('EXDEV: cross-device link'))) as typeof rename };
    await expect(atomicWriteFile(target, 'new', failing)).rejects.toThrow(/EXDEV/);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a corrupt workspace opens with a clear message and is never overwritten, not even by a later save', async () => {
    const target = join(dir, 'broken.meshlens');
    const broken = serializeWorkspace(sample('/x/a.csv')).slice(0, 200);
    await writeFile(target, broken);
    access.grantRead(target);
    await expect(files.open(target)).rejects.toThrow(/"broken\.meshlens" is damaged: it is not valid JSON .*MeshLens has not changed the file/);
    access.grantWrite(target);
    await expect(files.save(serializeWorkspace(sample('/x/a.csv')), target)).rejects.toThrow(/damaged.*Save under another name/);
    expect(await readFile(target, 'utf8')).toBe(broken);
    expect(lines.some((l) => l.includes('refused to overwrite'))).toBe(true);
  });

  it('a workspace from a newer version is refused and stays untouched, even through Save As onto it', async () => {
    const target = join(dir, 'future.meshlens');
    const future = JSON.stringify({ ...JSON.parse(serializeWorkspace(sample('/x/a.csv'))), version: 7 });
    await writeFile(target, future);
    await expect(files.open(target)).rejects.toThrow(/newer MeshLens \(workspace format 7/);
    expect(access.canWrite(target)).toBe(false);
    await expect(files.save(serializeWorkspace(sample('/x/a.csv')), target, true)).rejects.toThrow(/newer MeshLens/);
    expect(await readFile(target, 'utf8')).toBe(future);
  });

  it('reports a moved data file with a relink candidate next to the workspace, then opens cleanly after relinking', async () => {
    const oldData = join(dir, 'exports', 'meta-ads.csv');
    await fsp.mkdir(join(dir, 'exports'));
    await writeFile(oldData, 'Campaign,Spend\nA,1\n');
    const info = await stat(oldData);
    const ws = sample(oldData);
    ws.datasets[0]!.fingerprint = { size: info.size, mtimeMs: info.mtimeMs };
    const target = join(dir, 'project', 'q1.meshlens');
    await fsp.mkdir(join(dir, 'project', 'data'), { recursive: true });
    await files.save(serializeWorkspace(ws), target, true);
    // The user moves the data file into the project folder.
    const moved = join(dir, 'project', 'data', 'meta-ads.csv');
    await rename(oldData, moved);

    const opened = await files.open(target);
    expect(opened.datasets).toEqual([
      {
        datasetId: 'meta',
        path: oldData,
        status: 'missing',
        candidate: moved,
        message: `"meta-ads.csv" is not at ${oldData}. A file with the same name is at ${moved}: relink to use it.`,
      },
    ]);
    expect(access.canRead(moved)).toBe(true);

    const parsed = parseWorkspace(opened.json);
    if (!parsed.ok) throw new Error(parsed.message);
    const { workspace } = relinkPath(parsed.workspace, oldData, moved);
    await files.save(serializeWorkspace(workspace), target);
    const reopened = await files.open(target);
    expect(reopened.datasets.map((d) => [d.status, d.path])).toEqual([['ok', moved]]);
  });

  it('reports a file changed on disk since import', async () => {
    const data = join(dir, 'a.csv');
    await writeFile(data, 'x\n1\n');
    const ws = sample(data);
    ws.datasets[0]!.fingerprint = { size: 1, mtimeMs: 0 };
    const statuses = await files.checkDatasets(ws);
    expect(statuses[0]).toMatchObject({ status: 'changed' });
  });

  it('portable workspace: real Parquet bytes survive embed → save → open → extract, and are used when the file is gone', async () => {
    const table = tableFromArrays({ __line: new Int32Array([2, 3]), Campaign: ['Brand', 'Retargeting'], Spend: new Float64Array([12.5, 7.25]) });
    const parquet = await nodeParquet.fromIPC(tableToIPC(table, 'stream'));
    const ws = embedDataset(sample(join(dir, 'gone.csv')), 'meta', parquet, 'meta_ads');
    const target = join(dir, 'portable.meshlens');
    await files.save(serializeWorkspace(ws), target, true);
    const opened = await files.open(target);
    expect(opened.datasets[0]).toMatchObject({ status: 'embedded' });
    const parsed = parseWorkspace(opened.json);
    if (!parsed.ok) throw new Error(parsed.message);
    const back = tableFromIPC(await nodeParquet.toIPC(extractEmbedded(parsed.workspace.datasets[0]!)));
    expect(back.toArray().map((r) => r.toJSON())).toEqual([
      { __line: 2, Campaign: 'Brand', Spend: 12.5 },
      { __line: 3, Campaign: 'Retargeting', Spend: 7.25 },
    ]);
    expect(() => embedDataset(ws, 'meta', new TextEncoder().encode('Campaign,Spend\n'))).toThrow(/must be a Parquet file/);
  });

  it('autosave writes a separate copy in the app data folder and leaves the user file alone', async () => {
    const target = join(dir, 'q1.meshlens');
    const first = serializeWorkspace(sample('/x/a.csv'));
    await files.save(first, target, true);
    const changed = serializeWorkspace({ ...sample('/x/a.csv'), name: 'Q1 changed' });
    const copy = await files.autosave(changed, target);
    expect(copy.startsWith(join(userData, 'autosave'))).toBe(true);
    expect(await readFile(copy, 'utf8')).toBe(changed);
    expect(await readFile(target, 'utf8')).toBe(first);
    expect(await files.autosave(changed, target)).toBe(copy);
    await expect(files.autosave('not json', target)).rejects.toThrow(/damaged/);
  });
});
