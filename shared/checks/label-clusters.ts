/**
 * Label clustering, a step beyond OpenRefine's defaults:
 * - key collision: case, whitespace, punctuation and accents folded, camelCase split, token order ignored
 *   (and the run-together form, so "DataAnalyticsCourse" meets "Data Analytics Course");
 * - nearest neighbour: Damerau–Levenshtein (optimal string alignment) per token of the folded key, with a
 *   radius scaled to the token's length (short tokens must match exactly: "DE" and "BE" are two markets;
 *   mid-length tokens allow one insertion, deletion or swap; long ones also a substitution, or two edits);
 * - connected components over both;
 * - the canonical spelling is built from the consensus of tokens across the variants (each token spelled
 *   the way most variants spell it), written in the column's own casing and separator style, so the
 *   well-formed spelling wins over a misspelling that happens to be frequent.
 */

export interface ValueCount {
  value: string;
  count: number;
}

export interface LabelGroup {
  canonical: string;
  /** Every spelling with its row count, most used first. */
  variants: ValueCount[];
}

const ALIASES: Record<string, string> = {
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  goog: 'google',
  adwords: 'google',
  googleads: 'google',
  li: 'linkedin',
  yt: 'youtube',
  tw: 'twitter',
};

const SEPARATORS = /[\s_\-.+|:,;/]+/;
type Separator = ' ' | '_' | '-' | '' | 'mixed' | 'none';
type CaseStyle = 'title' | 'lower' | 'upper' | 'mixed' | 'none';

/** The words of a label as written (camelCase split), without separators or other punctuation. */
export function labelTokens(v: string): string[] {
  return v
    .normalize('NFC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(SEPARATORS)
    .map((t) => t.replace(/[^\p{L}\p{N}/()]/gu, ''))
    .filter(Boolean);
}

const foldToken = (t: string): string => {
  const f = t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return ALIASES[f] ?? f;
};

function folded(v: string): string[] {
  const tokens = labelTokens(v).map(foldToken);
  // "E-Mail" and "Email" are one word.
  const out: string[] = [];
  for (const t of tokens) {
    if (t === 'mail' && out[out.length - 1] === 'e') out[out.length - 1] = 'email';
    else out.push(t);
  }
  return out;
}

/** The key two spellings of one label share: case, accents, spacing, punctuation, aliases and word order removed. */
export function labelKey(v: string): string {
  return [...folded(v)].sort().join(' ');
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function osaDistance(a: string, b: string, substitutionCost = 1): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++) {
      const same = a[i - 1] === b[j - 1];
      let v = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (same ? 0 : substitutionCost),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** Edits allowed between two spellings of one word, by the shorter one's length. */
function tokenRadius(minLength: number): { edits: number; substitutionCost: number } {
  if (minLength <= 4) return { edits: 0, substitutionCost: 2 };
  if (minLength < 8) return { edits: 1, substitutionCost: 2 };
  if (minLength < 12) return { edits: 1, substitutionCost: 1 };
  return { edits: 2, substitutionCost: 1 };
}

const digits = (s: string) => s.replace(/\D/g, '');

/** Edits between two token lists aligned word by word, or Infinity when a word is too far off. */
function tokenwise(a: string[], b: string[]): number {
  if (a.length !== b.length) return Infinity;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (digits(x) !== digits(y)) return Infinity;
    const r = tokenRadius(Math.min(x.length, y.length));
    if (!r.edits) return Infinity;
    const dist = osaDistance(x, y, r.substitutionCost);
    if (dist > r.edits) return Infinity;
    total += dist;
  }
  return total;
}

/** Two folded labels within the nearest-neighbour radius (word by word, in written or sorted order). */
export function nearDuplicate(a: string, b: string): boolean {
  return nearTokens(a.split(' ').filter(Boolean), b.split(' ').filter(Boolean));
}

function nearTokens(a: string[], b: string[]): boolean {
  const length = Math.min(a.join('').length, b.join('').length);
  const radius = 1 + Math.floor(length / 15);
  const same = (x: string[], y: string[]) => x.join(' ') === y.join(' ');
  if (same(a, b)) return false;
  const d = Math.min(tokenwise(a, b), tokenwise([...a].sort(), [...b].sort()));
  if (d <= radius) return true;
  // Different word counts ("Summersale" / "Sumer Sale"): one edit on the run-together form of long labels.
  const ja = a.join('');
  const jb = b.join('');
  return a.length !== b.length && length >= 10 && digits(ja) === digits(jb) && osaDistance(ja, jb, 2) <= 1;
}

function separatorOf(v: string): Separator {
  const t = v.trim();
  const seps = new Set(
    (t.match(/[\s_\-.+|:,;/]+/g) ?? []).map((s) => (/\s/.test(s) && s.trim() === '' ? ' ' : s)),
  );
  const camel = /\p{Ll}\p{Lu}/u.test(t);
  if (!seps.size) return camel ? '' : 'none';
  if (seps.size > 1 || camel) return 'mixed';
  const s = [...seps][0]!;
  return s === ' ' || s === '_' || s === '-' ? s : 'mixed';
}

function caseOf(v: string): CaseStyle {
  const letters = v.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return 'none';
  if (letters === letters.toUpperCase()) return 'upper';
  if (letters === letters.toLowerCase()) return 'lower';
  const words = labelTokens(v).filter((w) => /\p{L}/u.test(w));
  return words.every((w) => /^\p{Lu}/u.test(w) && w.slice(1) === w.slice(1).toLowerCase())
    ? 'title'
    : 'mixed';
}

/** The style most values of the column use (by distinct value); ties go to the first in `preference`. */
function vote<T extends string>(values: string[], of: (v: string) => T, preference: T[]): T | undefined {
  const n = new Map<T, number>();
  for (const v of values) {
    const s = of(v);
    if (preference.includes(s)) n.set(s, (n.get(s) ?? 0) + 1);
  }
  let best: T | undefined;
  for (const s of preference) if ((n.get(s) ?? 0) > (best ? (n.get(best) ?? 0) : 0)) best = s;
  return best;
}

export interface ColumnStyle {
  separator: Separator;
  casing: CaseStyle;
}

/** How a column writes its labels: the separator between words and the casing most values use. */
export function columnStyle(values: string[]): ColumnStyle {
  const multi = values.filter((v) => labelTokens(v).length > 1);
  return {
    separator: vote(multi, separatorOf, [' ', '_', '-', '']) ?? ' ',
    casing: vote(values, caseOf, ['title', 'lower', 'upper']) ?? 'title',
  };
}

const wellFormed = (v: string) => v === v.trim() && !/\s{2,}/.test(v);
const simple = (v: string) => separatorOf(v) !== 'mixed' && /^[\p{L}\p{N}\s_-]+$/u.test(v.trim());

function styleToken(forms: string[], casing: CaseStyle): string {
  const form = forms[0]!;
  if (casing === 'upper') return form.toUpperCase();
  if (casing === 'lower') return form.toLowerCase();
  const acronym = forms.every((f) => f.length <= 4 && f === f.toUpperCase() && /\p{L}/u.test(f));
  if (acronym) return form;
  const titled = forms.find((f) => /^\p{Lu}/u.test(f) && f.slice(1) === f.slice(1).toLowerCase());
  return titled ?? form.charAt(0).toUpperCase() + form.slice(1).toLowerCase();
}

/** The canonical spelling of one cluster: consensus words in the column's style. */
export function canonicalSpelling(variants: ValueCount[], style: ColumnStyle): string {
  const parsed = variants.map((v) => ({ ...v, words: labelTokens(v.value), keys: folded(v.value) }));
  // The number of words most spellings agree on; ties go to more words (the spaced form).
  const byLength = new Map<number, number>();
  for (const p of parsed) byLength.set(p.keys.length, (byLength.get(p.keys.length) ?? 0) + 1);
  const size = [...byLength].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const aligned = parsed.filter((p) => p.keys.length === size && p.words.length === size);
  const consensus: string[] = [];
  const forms: string[][] = [];
  for (let i = 0; i < size; i++) {
    const votes = new Map<string, { spellings: number; rows: number; forms: string[] }>();
    for (const p of aligned) {
      const k = p.keys[i]!;
      const e = votes.get(k) ?? { spellings: 0, rows: 0, forms: [] };
      e.spellings++;
      e.rows += p.count;
      e.forms.push(p.words[i]!);
      votes.set(k, e);
    }
    // Most spellings agree; then the longer word (dropped letters are the commonest typo); then rows.
    const [key, e] = [...votes].sort(
      (a, b) =>
        b[1].spellings - a[1].spellings ||
        b[0].length - a[0].length ||
        b[1].rows - a[1].rows ||
        a[0].localeCompare(b[0]),
    )[0]!;
    consensus.push(key);
    forms.push(e.forms);
  }
  // Separator: the one most spellings of this label use; ties go to the column's own, then to a space.
  const multi = variants.map((v) => v.value).filter((v) => labelTokens(v).length > 1);
  const order = [...new Set<Separator>([style.separator, ' ', '_', '-', ''])];
  const sep = vote(multi, separatorOf, order);
  const joined = consensus.join('');
  const matches = parsed.filter((p) => p.keys.join('') === joined && wellFormed(p.value));
  const sepOk = (v: string) =>
    size < 2 || sep === undefined || separatorOf(v) === sep || (sep === '' && separatorOf(v) === 'none');
  // Deliberate brand casing ("iPhone", "YouTube") counts as styled.
  const styled = (v: string) => [style.casing, 'none', 'mixed'].includes(caseOf(v));
  const rank = (a: (typeof parsed)[number], b: (typeof parsed)[number]) =>
    Number(styled(b.value)) - Number(styled(a.value)) || b.count - a.count || a.value.localeCompare(b.value);
  const allSimple = variants.every((v) => simple(v.value));
  const verbatim = matches.filter((p) => sepOk(p.value)).sort(rank)[0];
  if (verbatim && (styled(verbatim.value) || !allSimple)) return verbatim.value;
  if (allSimple && forms.length) return forms.map((f) => styleToken(f, style.casing)).join(sep ?? ' ');
  if (verbatim) return verbatim.value;
  // Labels with punctuation of their own: the best written spelling, never a rebuilt one.
  const score = (p: (typeof parsed)[number]) => p.keys.filter((k, i) => consensus[i] === k).length;
  return [...parsed].sort(
    (a, b) => score(b) - score(a) || Number(wellFormed(b.value)) - Number(wellFormed(a.value)) || rank(a, b),
  )[0]!.value;
}

/** Clusters of two or more spellings of one label, with their canonical spelling. */
export function groupLabels(values: ValueCount[], nearDuplicates = true): LabelGroup[] {
  const entries = values.map((v) => ({ v, tokens: folded(v.value) })).filter((e) => e.tokens.length > 0);
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // Key collision: sorted words, or the run-together form.
  for (const key of [(t: string[]) => [...t].sort().join(' '), (t: string[]) => t.join('')]) {
    const first = new Map<string, number>();
    entries.forEach((e, i) => {
      const k = key(e.tokens);
      const j = first.get(k);
      if (j === undefined) first.set(k, i);
      else union(i, j);
    });
  }
  // Nearest neighbour between distinct keys, compared only within a small length window.
  if (nearDuplicates && entries.length <= 5000) {
    const keys = [...new Map(entries.map((e, i) => [e.tokens.join(' '), i])).values()]
      .map((i) => ({ i, tokens: entries[i]!.tokens, len: entries[i]!.tokens.join('').length }))
      .sort((a, b) => a.len - b.len);
    for (let x = 0; x < keys.length; x++)
      for (let y = x + 1; y < keys.length && keys[y]!.len - keys[x]!.len <= 2; y++)
        if (find(keys[x]!.i) !== find(keys[y]!.i) && nearTokens(keys[x]!.tokens, keys[y]!.tokens))
          union(keys[x]!.i, keys[y]!.i);
  }
  const clusters = new Map<number, ValueCount[]>();
  entries.forEach((e, i) => clusters.set(find(i), [...(clusters.get(find(i)) ?? []), e.v]));
  const style = columnStyle(values.map((v) => v.value));
  const groups: LabelGroup[] = [];
  for (const variants of clusters.values()) {
    if (variants.length < 2) continue;
    variants.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    groups.push({ canonical: canonicalSpelling(variants, style), variants });
  }
  return groups.sort(
    (a, b) => b.variants.length - a.variants.length || a.canonical.localeCompare(b.canonical),
  );
}
