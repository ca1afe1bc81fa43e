/**
 * Rows of a DuckDB query, fetched a page at a time as the user scrolls. Pages are cached (bounded), and a
 * new query (sort, filter) starts a new generation so late answers for the old one are ignored.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Engine, Row } from '../../../../shared/engine/types';
import { countSql, pageSql } from './grid-sql';
import type { GridQuery } from './grid-sql';

export const PAGE_SIZE = 200;
const MAX_PAGES = 60;

export interface PagedRows {
  count: number | null;
  error: string | null;
  /** Bumped when pages arrive, so the table re-renders. */
  version: number;
  getRow: (index: number) => Row | undefined;
  ensureRange: (start: number, end: number) => void;
}

export function usePagedRows(engine: Engine | null, query: GridQuery | null, lineColumn?: string): PagedRows {
  const key = useMemo(() => (query ? JSON.stringify(query) : ''), [query]);
  const [state, setState] = useState<{ key: string; count: number | null; error: string | null }>({ key: '', count: null, error: null });
  const [version, setVersion] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const wanted = useRef<[number, number]>([0, PAGE_SIZE]);
  // The query as of the latest render; work restarts only when its content (`key`) changes.
  const queryRef = useRef(query);
  useEffect(() => {
    queryRef.current = query;
  });

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      const query = queryRef.current;
      if (!engine || !query || pages.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      engine.query(pageSql(query, page * PAGE_SIZE, PAGE_SIZE, lineColumn)).then(
        (res) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          pages.current.set(page, res.rows);
          if (pages.current.size > MAX_PAGES) {
            const [lo, hi] = wanted.current;
            for (const p of pages.current.keys()) {
              if (pages.current.size <= MAX_PAGES) break;
              if (p * PAGE_SIZE > hi + PAGE_SIZE * 4 || (p + 1) * PAGE_SIZE < lo - PAGE_SIZE * 4) pages.current.delete(p);
            }
          }
          setVersion((v) => v + 1);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
        },
      );
    },
    [engine, lineColumn],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      wanted.current = [start, end];
      const gen = generation.current;
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); p++) fetchPage(p, gen);
    },
    [fetchPage],
  );

  useEffect(() => {
    const gen = ++generation.current;
    pages.current = new Map();
    inflight.current = new Set();
    setState({ key, count: null, error: null });
    const query = queryRef.current;
    if (!engine || !query) return;
    engine.query<{ n: number }>(countSql(query)).then(
      (res) => {
        if (gen === generation.current) setState({ key, count: Number(res.rows[0]?.n ?? 0), error: null });
      },
      (e: unknown) => {
        if (gen === generation.current) setState({ key, count: 0, error: e instanceof Error ? e.message : String(e) });
      },
    );
    const [start, end] = wanted.current;
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); p++) fetchPage(p, gen);
  }, [engine, key, fetchPage]);

  const getRow = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return {
    count: state.key === key ? state.count : null,
    error: state.key === key ? state.error : null,
    version,
    getRow,
    ensureRange,
  };
}
