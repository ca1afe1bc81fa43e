/** Column names: empty headers get a name, duplicates get a suffix, bookkeeping prefixes are avoided. */
import { INTERNAL_PREFIX } from '../engine/sql';

export interface NamedColumns {
  names: string[];
  /** What was renamed, in words; `unnamed` marks the column that had no name in the header. */
  changes: { message: string; unnamed?: number }[];
}

export function uniqueNames(header: string[], width: number): NamedColumns {
  const names: string[] = [];
  const changes: NamedColumns['changes'] = [];
  const used = new Set<string>();
  for (let i = 0; i < width; i++) {
    const original = i < header.length ? header[i]! : null;
    let base = (original ?? '').trim();
    if (original === null) {
      base = `extra_${i - header.length + 1}`;
    } else if (base === '') {
      base = `column_${i + 1}`;
      changes.push({ message: `Column ${i + 1} has no name in the header; it is called "${base}".`, unnamed: i });
    }
    if (base.startsWith(INTERNAL_PREFIX)) {
      const renamed = base.replace(/^_+/, '') || `column_${i + 1}`;
      changes.push({ message: `Column "${base}" was renamed "${renamed}" (names starting with "__" are reserved).` });
      base = renamed;
    }
    let name = base;
    let n = 2;
    while (used.has(name.toLowerCase())) name = `${base}_${n++}`;
    if (name !== base) changes.push({ message: `Column ${i + 1} repeats the name "${base}"; it is called "${name}".` });
    used.add(name.toLowerCase());
    names.push(name);
  }
  return { names, changes };
}
