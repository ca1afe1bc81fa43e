/**
 * Join keys are suggested from names and values, never assumed: for each pair of columns that could mean the
 * same thing (campaign name or id, UTM campaign, date, week, country), the share of values found on the other
 * side after the same folding and clustering `inconsistent_labels` uses (labelKey, nearDuplicate).
 */
import { labelKey, nearDuplicate } from '../checks/labels';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { SemanticColumn } from '../semantics/describe';
import { normaliseHeader } from '../semantics/roles';
import { dateColumnOf } from './sources';
import type { KeyKind, KeyMapping, Source } from './types';

/** Which columns of a source can stand for each kind of key. */
function candidates(source: Source): Array<{ kind: KeyKind; col: SemanticColumn }> {
  const out: Array<{ kind: KeyKind; col: SemanticColumn }> = [];
  for (const c of source.dataset.semantics.columns) {
    const h = normaliseHeader(c.originalName);
    if (/utm[ _]?campaign|session campaign|first user campaign|^campaign \(utm\)/.test(h)) out.push({ kind: 'utm_campaign', col: c });
    else if (c.role === 'campaign') out.push({ kind: 'campaign', col: c });
    else if (c.role === 'campaign_id') out.push({ kind: 'campaign_id', col: c });
    else if (c.role === 'country') out.push({ kind: 'country', col: c });
  }
  const date = dateColumnOf(source);
  const col = source.dataset.semantics.columns.find((c) => c.name === date);
  if (col) out.push({ kind: 'date', col });
  return out;
}

/** Kinds that may be joined to each other: an ad platform's campaign name is what UTM campaign carries. */
function compatible(a: KeyKind, b: KeyKind): KeyKind | null {
  if (a === b) return a;
  const pair = new Set([a, b]);
  if (pair.has('campaign') && pair.has('utm_campaign')) return 'utm_campaign';
  return null;
}

export interface LabelMatch {
  matched: number;
  total: number;
  folded: { left: string; right: string }[];
}

/** Share of `left` labels found in `right`: equal, equal after folding, or one typo apart after folding. */
export function matchLabels(left: string[], right: string[]): LabelMatch {
  const exact = new Set(right);
  const byKey = new Map<string, string>();
  for (const r of right) if (!byKey.has(labelKey(r))) byKey.set(labelKey(r), r);
  const keys = [...byKey.keys()];
  let matched = 0;
  const folded: LabelMatch['folded'] = [];
  for (const l of left) {
    if (exact.has(l)) {
      matched++;
      continue;
    }
    const k = labelKey(l);
    const hit = byKey.get(k) ?? byKey.get(keys.find((x) => nearDuplicate(k, x)) ?? '');
    if (hit !== undefined) {
      matched++;
      folded.push({ left: l, right: hit });
    }
  }
  return { matched, total: left.length, folded };
}

/** The right-hand label a left-hand label joins to (exact, folded or one typo apart), or null. */
export function labelJoiner(right: string[]): (left: string) => string | null {
  const exact = new Set(right);
  const byKey = new Map<string, string>();
  for (const r of right) if (!byKey.has(labelKey(r))) byKey.set(labelKey(r), r);
  const keys = [...byKey.keys()];
  return (l) => {
    if (exact.has(l)) return l;
    const k = labelKey(l);
    return byKey.get(k) ?? byKey.get(keys.find((x) => nearDuplicate(k, x)) ?? '') ?? null;
  };
}

async function distinctIn(engine: Engine, source: Source, col: SemanticColumn, overlap: { start: string; end: string } | null): Promise<string[]> {
  const date = dateColumnOf(source);
  const within =
    overlap && date
      ? ` AND ${quoteIdent(date)}::DATE BETWEEN ${quoteLiteral(overlap.start)}::DATE AND ${quoteLiteral(overlap.end)}::DATE`
      : '';
  const v = col.kind === 'date' ? `${quoteIdent(col.name)}::DATE::VARCHAR` : `${quoteIdent(col.name)}::VARCHAR`;
  const r = await engine.query(
    `SELECT DISTINCT ${v} AS v FROM ${quoteIdent(source.dataset.tableName)} WHERE ${quoteIdent(col.name)} IS NOT NULL${within} LIMIT 5000`,
  );
  return r.rows.map((x) => String(x.v)).filter((x) => x.trim() !== '');
}

/** Suggested join keys between two sources, best first. None is confirmed: the user confirms or edits them. */
export async function suggestKeys(
  engine: Engine,
  a: Source,
  b: Source,
  overlap: { start: string; end: string } | null,
): Promise<KeyMapping[]> {
  const out: KeyMapping[] = [];
  const ca = candidates(a);
  const cb = candidates(b);
  for (const x of ca) {
    for (const y of cb) {
      const kind = compatible(x.kind, y.kind);
      if (!kind) continue;
      const [lv, rv] = await Promise.all([distinctIn(engine, a, x.col, overlap), distinctIn(engine, b, y.col, overlap)]);
      if (!lv.length || !rv.length) continue;
      const fwd = matchLabels(lv, rv);
      const back = matchLabels(rv, lv);
      if (fwd.matched === 0) continue;
      out.push({
        kind,
        left: x.col.name,
        right: y.col.name,
        matchRate: fwd.matched / fwd.total,
        reverseMatchRate: back.matched / back.total,
        folded: fwd.folded.slice(0, 20),
        confirmed: false,
      });
    }
  }
  // One suggestion per left column: the best-matching right column.
  const best = new Map<string, KeyMapping>();
  for (const m of out.sort((p, q) => q.matchRate + q.reverseMatchRate - (p.matchRate + p.reverseMatchRate)))
    if (!best.has(m.left) && ![...best.values()].some((k) => k.right === m.right)) best.set(m.left, m);
  return [...best.values()];
}

/** Confirm keys the user named (`--on campaign,date`): by kind or by column name on either side. */
export function confirmKeys(suggested: KeyMapping[], names: string[]): { keys: KeyMapping[]; unknown: string[] } {
  const keys: KeyMapping[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    const want = n.trim().toLowerCase();
    const hit = suggested.find(
      (k) => k.kind === want || (want === 'campaign' && k.kind === 'utm_campaign') || k.left.toLowerCase() === want || k.right.toLowerCase() === want,
    );
    if (hit) keys.push({ ...hit, confirmed: true });
    else unknown.push(n);
  }
  return { keys, unknown };
}
