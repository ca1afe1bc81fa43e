/**
 * YAML that every reader reads the same. PyYAML (used by datacontract-cli and Soda) follows YAML 1.1, where
 * `2026-10-01` is a date, `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `012` is octal and `1_000` is a number;
 * the `yaml` package and most JavaScript tools follow YAML 1.2, where `0o12` is a number instead. Every string
 * that either reading would turn into something else is written in double quotes.
 */
import { Document, parse, visit } from 'yaml';

const RESERVED = new Set(['=', '<<']);

function readsAs(text: string, version: '1.1' | '1.2'): string {
  try {
    const v: unknown = parse(text, { version });
    return v instanceof Date ? 'date' : typeof v;
  } catch {
    return 'string'; // not a scalar on its own; the writer quotes it for syntax anyway
  }
}

/** True when a YAML 1.1 or 1.2 reader would read this plain scalar as a date, number, boolean or null. */
export function isAmbiguousScalar(text: string): boolean {
  if (RESERVED.has(text.trim())) return true;
  return readsAs(text, '1.1') !== 'string' || readsAs(text, '1.2') !== 'string';
}

/** Stringify a plain object so YAML 1.1 and YAML 1.2 readers get the same values back. */
export function stringifyPortable(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && isAmbiguousScalar(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Parse YAML text the way a YAML 1.1 reader (PyYAML) does. */
export function parseYaml11(text: string): unknown {
  return parse(text, { version: '1.1' });
}

