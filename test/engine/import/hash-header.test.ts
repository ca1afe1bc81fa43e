/**
 * Bug: a header line starting with "#" (Ahrefs' rank column: `#,Keyword,Country,…`) was read as a `#` comment,
 * so the export lost its header and its first row became the header. A `#` comment is a line whose `#` is not a
 * whole first field (GA4's "# Property: …" block still is one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { isCommentLine } from '../../../shared/import/dialect';
import { importFixture, typedRows } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('a "#" header cell', () => {
  it('ahrefs_hash_rank_column_header_read_as_comment: the header keeps its "#" column and every row', async () => {
    const r = await importFixture(engine, 'ahrefs-hash-rank-column-header.csv');
    expect(r.headerLine).toBe(1);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      '#:BIGINT',
      'Keyword:VARCHAR',
      'Country:VARCHAR',
      'Difficulty:BIGINT',
      'Volume:BIGINT',
      'CPC:DOUBLE',
    ]);
    const rows = await typedRows(engine, r);
    expect(rows.map((row) => [row.__line, row['#'], row.Keyword])).toEqual([
      [2, 1, 'best fruit juice for health'],
      [3, 2, 'best fruit juices for health'],
      [4, 3, 'fresh juice bar'],
    ]);
  });

  it('tells a comment from a "#" header cell', () => {
    expect(isCommentLine('# Property: Demo - GA4')).toBe(true);
    expect(isCommentLine('#')).toBe(true);
    expect(isCommentLine('# ----------------------------------------')).toBe(true);
    expect(isCommentLine('#,Keyword,Volume')).toBe(false);
    expect(isCommentLine('#\tKeyword\tVolume')).toBe(false);
    expect(isCommentLine('#;Keyword;Volume')).toBe(false);
  });
});
