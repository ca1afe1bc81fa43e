import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ open: [] as unknown[], save: [] as unknown[], answer: { canceled: false, filePaths: [] as string[], filePath: '' } }));

vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: async (...args: unknown[]) => {
      calls.open.push(args.at(-1));
      return { canceled: calls.answer.canceled, filePaths: calls.answer.filePaths };
    },
    showSaveDialog: async (...args: unknown[]) => {
      calls.save.push(args.at(-1));
      return { canceled: calls.answer.canceled, filePath: calls.answer.filePath };
    },
  },
}));

const { chooseDataFiles, chooseRelinkTarget, chooseSavePath, chooseWorkspaceToOpen, filtersFor } = await import('../../electron/main/dialogs');
const { printToPdfFile } = await import('../../electron/main/pdf');

const dir = mkdtempSync(join(tmpdir(), 'meshlens-dlg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('native dialogs', () => {
  it('open several data files with the export filters; cancel gives []', async () => {
    calls.answer = { canceled: false, filePaths: ['/a.csv', '/b.xlsx'], filePath: '' };
    expect(await chooseDataFiles(null)).toEqual(['/a.csv', '/b.xlsx']);
    expect(calls.open.at(-1)).toMatchObject({ properties: ['openFile', 'multiSelections'], filters: [{ extensions: expect.arrayContaining(['csv', 'xlsx', 'parquet']) }, { extensions: ['*'] }] });
    calls.answer = { canceled: true, filePaths: [], filePath: '' };
    expect(await chooseDataFiles(null)).toEqual([]);
    expect(await chooseWorkspaceToOpen(null)).toBeNull();
  });

  it('save dialogs suggest the bare name with a matching filter and confirm overwrites', async () => {
    calls.answer = { canceled: false, filePaths: [], filePath: '/out/report.pdf' };
    expect(await chooseSavePath(null, 'sub/dir/report.pdf', 'Export PDF')).toBe('/out/report.pdf');
    expect(calls.save.at(-1)).toMatchObject({
      title: 'Export PDF',
      defaultPath: 'report.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }, { extensions: ['*'] }],
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
    expect(filtersFor('q1.meshlens')[0]).toEqual({ name: 'MeshLens workspace', extensions: ['meshlens'] });
    calls.answer = { canceled: true, filePaths: [], filePath: '' };
    expect(await chooseSavePath(null, 'x.csv')).toBeNull();
  });

  it('the relink dialog asks for the missing file by name and prefers its extension', async () => {
    calls.answer = { canceled: false, filePaths: ['/new/meta.csv'], filePath: '' };
    expect(await chooseRelinkTarget(null, '/old/meta.csv')).toBe('/new/meta.csv');
    const options = calls.open.at(-1) as { title: string; filters: { name: string; extensions: string[] }[] };
    expect(options.title).toBe('Where is meta.csv now?');
    expect(options.filters[0]).toEqual({ name: 'CSV files', extensions: ['csv'] });
  });
});

describe('PDF export', () => {
  it('prints A4 with backgrounds and writes the bytes atomically', async () => {
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7\n%fake\n'));
    const out = join(dir, 'audit.pdf');
    expect(await printToPdfFile({ printToPDF } as never, out, true)).toBe(out);
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true, landscape: true }));
    expect(readFileSync(out, 'utf8')).toBe('%PDF-1.7\n%fake\n');
  });
});
