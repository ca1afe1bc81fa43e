/** Shared helpers for the importer's engine tests: one real duckdb-wasm engine, real files on disk. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { loadFile } from '../../../electron/cli/load';
import { afterAll, beforeAll } from 'vitest';
import { NativeEngine } from '../../../electron/engine/native-engine';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { quoteIdent } from '../../../shared/engine/sql';
import type { Engine, Row } from '../../../shared/engine/types';
import { importFile } from '../../../shared/import';
import type { ImportOptions, ImportResult } from '../../../shared/import/types';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/import');
export const BAD = path.join(ROOT, 'test/fixtures/bad');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function importFixture(engine: NodeEngine, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  return loadFile(engine, fixture(name), options);
}

/** Every row of the typed table in file order, bookkeeping `__line` included. */
export async function typedRows(engine: NodeEngine, r: ImportResult, columns = '*'): Promise<Row[]> {
  return (await engine.query(`SELECT ${columns} FROM ${quoteIdent(r.tableName)} ORDER BY __line`)).rows;
}

export async function rawRows(engine: NodeEngine, r: ImportResult, columns = '*'): Promise<Row[]> {
  return (await engine.query(`SELECT ${columns} FROM ${quoteIdent(r.rawTableName)} ORDER BY __line`)).rows;
}

export function col(r: ImportResult, name: string): ImportResult['columns'][number] {
  const c = r.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name} in ${r.columns.map((x) => x.name).join(', ')}`);
  return c;
}

export function tempDir(prefix = 'meshlens-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** One sheet: rows of cells; numbers are written as numeric cells, strings as inline strings. */
export interface SheetSpec {
  name: string;
  rows: (string | number | null)[][];
}

/** A real .xlsx (Office Open XML zip) with the given sheets, written by hand with fflate's zip. */
export function writeXlsx(file: string, sheets: SheetSpec[]): void {
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      `</Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
      sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `</Relationships>`,
  );
  sheets.forEach((s, i) => {
    const rows = s.rows
      .map((r, ri) => {
        const cells = r
          .map((v, ci) => {
            const ref = `${colLetter(ci)}${ri + 1}`;
            if (v === null) return '';
            if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
            return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
          })
          .join('');
        return `<row r="${ri + 1}">${cells}</row>`;
      })
      .join('');
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
    );
  });
  writeFileSync(file, zipSync(files));
}

/** Both engines for a test file: started before its tests and closed after; read them inside the tests. */
export function withBothEngines(): { readonly wasm: NodeEngine; readonly native: NativeEngine } {
  const engines = {} as { wasm: NodeEngine; native: NativeEngine };
  beforeAll(async () => {
    engines.wasm = await NodeEngine.create();
    engines.native = await NativeEngine.create();
  });
  afterAll(async () => {
    await engines.wasm?.close();
    await engines.native?.close();
  });
  return engines;
}

/**
 * Imports `text` as the file `name`: from memory, or (onDisk) from a file on disk the way the CLI reads it,
 * so native DuckDB may read it in place. Returns the result, its typed rows and its original-text rows by line.
 */
export async function importText(engine: Engine, name: string, text: string, onDisk = false): Promise<{ r: ImportResult; rows: Row[]; raw: Row[] }> {
  const bytes = new TextEncoder().encode(text);
  const file = { path: name, name, bytes };
  if (onDisk) {
    const diskPath = path.join(tempDir(), name);
    writeFileSync(diskPath, bytes);
    Object.assign(file, { path: diskPath, diskPath });
  }
  const r = await importFile(engine, file);
  const rows = (await engine.query(`SELECT * FROM ${quoteIdent(r.tableName)} ORDER BY __line`)).rows;
  const raw = (await engine.query(`SELECT * FROM ${quoteIdent(r.rawTableName)} ORDER BY __line`)).rows;
  return { r, rows, raw };
}
