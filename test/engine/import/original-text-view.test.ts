/**
 * The original text is a view over the file's registered bytes, not a copied all-text table: it reads back
 * every cell as the file wrote it, the grid's copy is built once on demand, and dropping the dataset drops
 * the view, the copy and the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { quoteIdent, quoteLiteral } from '../../../shared/engine/sql';
import { dropTables } from '../../../shared/import';
import { rawFileName } from '../../../shared/import/drop';
import { originalTextCopyName, originalTextTable } from '../../../shared/import/export';
import { importFixture, rawRows } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const kindOf = async (name: string) =>
  (await engine.query(`SELECT table_type AS t FROM information_schema.tables WHERE table_name = ${quoteLiteral(name)}`)).rows[0]?.t ?? null;

describe('original text without a copy', () => {
  it('raw_table_is_a_view_over_the_registered_file: cells read back as written, copied for the grid only on demand, all dropped together', async () => {
    const r = await importFixture(engine, 'currency-dmy-dates-percent-original-text.csv');
    expect(await kindOf(r.rawTableName)).toBe('VIEW');
    expect(await kindOf(r.tableName)).toBe('BASE TABLE');
    const raw = await rawRows(engine, r);
    expect(raw.length).toBeGreaterThan(0);
    expect(Object.keys(raw[0]!)[0]).toBe('__line');
    expect(await kindOf(originalTextCopyName(r.rawTableName))).toBeNull();

    const copy = await originalTextTable(engine, r);
    expect(copy).toBe(originalTextCopyName(r.rawTableName));
    expect((await engine.query(`SELECT * FROM ${quoteIdent(copy)} ORDER BY __line`)).rows).toEqual(raw);
    // A second call reuses the copy.
    expect(await originalTextTable(engine, r)).toBe(copy);

    await dropTables(engine, r.tableName, r.rawTableName);
    for (const n of [r.tableName, r.rawTableName, copy]) expect(await kindOf(n)).toBeNull();
    await expect(engine.query(`SELECT count(*) FROM read_csv(${quoteLiteral(rawFileName(r.rawTableName))})`)).rejects.toThrow();
  });
});
