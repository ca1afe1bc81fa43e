/**
 * Compressed and slightly dirty input: a gzip file and a ZIP archive of a fixture read exactly like the
 * plain file; a ZIP with two CSVs lists both and loads the one asked for; three NUL bytes are a logged
 * repair; compression MeshLens does not read is named with the command that unpacks it.
 */
import { readFileSync } from 'node:fs';
import { gzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { importFile } from '../../../shared/import/index';
import type { ImportOptions, ImportResult } from '../../../shared/import/types';
import { fixture, typedRows } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const load = (name: string, bytes: Uint8Array, options: ImportOptions = {}) => importFile(engine, { path: `/in/${name}`, name, bytes }, options);

/** Everything a later stage reads, except the table names and the unpacking line of the log. */
async function readAs(r: ImportResult) {
  return {
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    headerLine: r.headerLine,
    rows: r.rows,
    columns: r.columns,
    summaryRows: r.summaryRows,
    warnings: r.warnings,
    log: r.log.filter((l) => !/^Unpacked from|^File ".*" loaded from the ZIP/.test(l.message)),
    values: (await typedRows(engine, r)).map((row) => r.columns.map((c) => row[c.name])),
  };
}

const FIXTURES = ['google-ads-comma-quoted-numbers-bounded-percent.csv', 'google-ads-utf16le-tab-title-totals.csv', 'ga4-comment-preamble-grand-total-two-tables.csv'];

describe('gzip and zip read exactly like the plain file', () => {
  it.each(FIXTURES)('%s', async (name) => {
    const plainBytes = new Uint8Array(readFileSync(fixture(name)));
    const plain = await readAs(await load(name, plainBytes));
    const gz = await load(`${name}.gz`, gzipSync(plainBytes));
    expect(await readAs(gz)).toEqual(plain);
    expect(gz.log[0]!.message).toMatch(new RegExp(`^Unpacked from the gzip-compressed file ${name.replace(/\./g, '\\.')}\\.gz \\(.+ → .+\\); the file itself was not changed\\.$`));
    const zip = await load('export.zip', zipSync({ [name]: plainBytes }));
    expect(await readAs(zip)).toEqual(plain);
    expect(zip.entries).toEqual([name]);
    expect(zip.log[0]).toEqual({ level: 'info', message: `File "${name}" loaded from the ZIP archive export.zip.`, option: 'entry' });
  });

  it('several gzip members one after another (cat a.gz b.gz) read as one file', async () => {
    const r = await load('two-members.csv.gz', new Uint8Array([...gzipSync(strToU8('a,b\n1,2\n')), ...gzipSync(strToU8('3,4\n'))]));
    expect((await typedRows(engine, r, 'a, b')).map((x) => [x.a, x.b])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('a gzip file whose name does not say so is unpacked, with a warning', async () => {
    const r = await load('report.csv', gzipSync(strToU8('a,b\n1,2\n')));
    expect(r.rows).toBe(1);
    expect(r.warnings).toEqual(['report.csv is gzip-compressed although its name does not say so; it was unpacked and read.']);
  });
});

describe('a ZIP with several files lists them all, like workbook sheets', () => {
  const archive = zipSync({
    'exports/': new Uint8Array(0),
    'exports/campaigns.csv': strToU8('Campaign,Clicks\nBrand,10\nGeneric,20\n'),
    '__MACOSX/exports/._campaigns.csv': strToU8('junk'),
    'exports/keywords.csv': strToU8('Keyword,Cost\nshoes,1.50\n'),
    'README.txt': strToU8('Exported by the reporting tool\n'),
  });

  it('loads the first data file and lists every data file, the folders and macOS files left out', async () => {
    const r = await load('weekly.zip', archive);
    expect(r.entries).toEqual(['exports/campaigns.csv', 'exports/keywords.csv', 'README.txt']);
    expect(r.columns.map((c) => c.name)).toEqual(['Campaign', 'Clicks']);
    expect(r.options.entry).toBe('exports/campaigns.csv');
    expect(r.log[0]).toEqual({
      level: 'warning',
      message: 'File "exports/campaigns.csv" loaded from the ZIP archive weekly.zip; the archive also holds "exports/keywords.csv", "README.txt". Pick another to load it instead.',
      option: 'entry',
    });
  });

  it('loads the entry asked for, by its path or its file name', async () => {
    for (const entry of ['exports/keywords.csv', 'keywords.csv']) {
      const r = await load('weekly.zip', archive, { entry });
      expect([r.options.entry, r.columns.map((c) => c.name), r.rows]).toEqual(['exports/keywords.csv', ['Keyword', 'Cost'], 1]);
    }
  });

  it('an entry that is not there: the message lists the files', async () => {
    await expect(load('weekly.zip', archive, { entry: 'missing.csv' })).rejects.toThrow(
      'weekly.zip has no file called "missing.csv". Files: exports/campaigns.csv, exports/keywords.csv, README.txt.',
    );
  });

  it('an empty archive says so', async () => {
    await expect(load('empty.zip', zipSync({ 'folder/': new Uint8Array(0) }))).rejects.toThrow('empty.zip is an empty ZIP archive (no files inside); nothing was loaded.');
  });

  it('a .csv.gz inside a .zip is unpacked too', async () => {
    const r = await load('nested.zip', zipSync({ 'data.csv.gz': gzipSync(strToU8('a,b\n1,2\n')) }));
    expect([r.entries, r.rows]).toEqual([['data.csv.gz'], 1]);
  });
});

describe('stray NUL bytes are a repair, not a reason to refuse the file', () => {
  it('a text file with three NUL bytes loads, with the repair in the log', async () => {
    const r = await load('three-nuls.csv', strToU8('Campaign,Clicks\nBrand\0,10\nGeneric,2\x000\n\0Display,5\n'));
    expect((await typedRows(engine, r, 'Campaign, Clicks')).map((x) => [x.Campaign, x.Clicks])).toEqual([
      ['Brand', 10],
      ['Generic', 20],
      ['Display', 5],
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.log[0]).toEqual({
      level: 'change',
      message: '3 NUL byte(s) removed (on line(s) 2, 3, 4): they are not text. Every other byte was read as it is; the file itself was not changed.',
      lines: [2, 3, 4],
    });
  });

  it('a file padded with NUL bytes after the last line (a crashed write) loads', async () => {
    const r = await load('padded.csv', new Uint8Array([...strToU8('a,b\n1,2\n'), ...new Uint8Array(4096)]));
    expect(r.rows).toBe(1);
    expect(r.log[0]!.message).toMatch(/^4096 NUL byte\(s\) removed \(on line\(s\) 3\)/);
  });

  it('binary through and through is still refused', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    await expect(load('noise.csv', noise)).rejects.toThrow('noise.csv contains binary data, not text; nothing was loaded.');
  });

  it('UTF-16 text keeps its zero bytes (they are half of every character)', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('a,b\n1,2\n').flatMap((ch) => [ch.charCodeAt(0), 0])]);
    const r = await load('utf16.csv', utf16);
    expect([r.encoding, r.rows, r.log.some((l) => l.message.includes('NUL'))]).toEqual(['utf-16le', 1, false]);
  });
});

describe('compression MeshLens does not read is named, never read as text', () => {
  it.each([
    ['report.csv.zst', [0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x08, 0x41, 0x00, 0x00], 'report.csv.zst is a zstd-compressed file: MeshLens reads .gz and .zip; decompress it first (for example `zstd -d "report.csv.zst"`). Nothing was loaded.'],
    ['report.csv.bz2', [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26], 'report.csv.bz2 is a bzip2-compressed file: MeshLens reads .gz and .zip; decompress it first (for example `bunzip2 -k "report.csv.bz2"`). Nothing was loaded.'],
    ['report.csv.xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04], 'report.csv.xz is an xz-compressed file: MeshLens reads .gz and .zip; decompress it first (for example `xz -dk "report.csv.xz"`). Nothing was loaded.'],
    ['exports.7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04], 'exports.7z is a 7-Zip archive: MeshLens reads .gz and .zip; decompress it first (for example `7z x "exports.7z"`). Nothing was loaded.'],
    ['exports.rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00], 'exports.rar is a RAR archive: MeshLens reads .gz and .zip; decompress it first (for example `unrar x "exports.rar"`). Nothing was loaded.'],
    ['report.csv.br', [0x1b, 0x03, 0x00, 0xf8, 0x25, 0x00, 0x02, 0x07, 0x01, 0x02, 0x03], 'report.csv.br is a Brotli-compressed file: MeshLens reads .gz and .zip; decompress it first (for example `brotli -d "report.csv.br"`). Nothing was loaded.'],
  ])('%s', async (name, bytes, message) => {
    await expect(load(name, new Uint8Array(bytes))).rejects.toThrow(message);
  });

  it('a .tar.gz: unpacked, then the tar archive inside is named', async () => {
    const tar = new Uint8Array(1024);
    tar.set(strToU8('report.csv'), 0);
    tar.set(strToU8('ustar'), 257);
    await expect(load('exports.tar.gz', gzipSync(tar))).rejects.toThrow('exports.tar is a tar archive: MeshLens reads .gz and .zip; decompress it first (for example `tar -xf "exports.tar"`). Nothing was loaded.');
  });

  it('a truncated gzip file says so', async () => {
    const gz = gzipSync(strToU8('a,b\n'.repeat(1000)));
    await expect(load('cut.csv.gz', gz.subarray(0, gz.length / 2))).rejects.toThrow(/^cut\.csv\.gz is a gzip file that could not be unpacked \(.+: corrupt or truncated\)\. Nothing was loaded\.$/);
  });

  it('a text file that happens to be named .zst is read as the text it is', async () => {
    const r = await load('notes.zst', strToU8('a,b\n1,2\n'));
    expect(r.rows).toBe(1);
  });
});
