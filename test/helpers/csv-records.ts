/**
 * A small, independent delimited-text reader for tests: records with the physical line each starts on.
 * It is deliberately not the importer's code, so a test built on it can catch the importer.
 * - A quote opens a quoted value only at the start of a field; inside, the quote is escaped by doubling it
 *   (`""`) or, with escape 'backslash', by a backslash (`\"`, `\\`); an unquoted `\N` is the empty value.
 * - A record whose quoting is broken (a quoted value that never closes, or that closes before something
 *   other than a delimiter or the line end), or whose quoted value spans lines that each have the table's
 *   width on their own (`width`), is read as plain text on its own line: its quotes are kept as characters
 *   and it never swallows the next line.
 * - CRLF, LF and a lone CR end a record. The delimiter may be several characters (`, `).
 */
export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvDialect {
  delimiter?: string;
  /** '' reads no quotes at all. */
  quote?: string;
  escape?: 'double' | 'backslash';
  /**
   * The field count the table's lines agree on. A quoted value that spans lines is a stray quote when every
   * line it spans has exactly this many fields read as plain text: those lines are then read one by one.
   */
  width?: number;
}

/** One record from `i` by RFC 4180 rules; null when its quoting is broken. */
function strictRecord(text: string, start: number, d: Required<CsvDialect>): { fields: string[]; end: number; lines: number } | null {
  const fields: string[] = [];
  let field = '';
  let i = start;
  let lines = 0;
  let fieldStart = true;
  while (i <= text.length) {
    if (i === text.length || text[i] === '\n' || text[i] === '\r') {
      fields.push(field);
      const end = i < text.length && text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : Math.min(text.length, i + 1);
      return { fields, end, lines: lines + 1 };
    }
    if (text.startsWith(d.delimiter, i)) {
      fields.push(field);
      field = '';
      fieldStart = true;
      i += d.delimiter.length;
      continue;
    }
    if (fieldStart && d.quote && text[i] === d.quote) {
      i++;
      for (;;) {
        if (i >= text.length) return null; // never closes
        const c = text[i]!;
        if (d.escape === 'backslash' && c === '\\' && i + 1 < text.length) {
          // `\0` is an escaped NUL character, which the importer removes (and logs).
          field += text[i + 1] === '0' ? '' : text[i + 1];
          i += 2;
        } else if (c === d.quote && d.escape === 'double' && text[i + 1] === d.quote) {
          field += c;
          i += 2;
        } else if (c === d.quote) {
          i++;
          break;
        } else {
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) lines++;
          field += c;
          i++;
        }
      }
      const next = text[i];
      if (!(i >= text.length || next === '\n' || next === '\r' || text.startsWith(d.delimiter, i))) return null; // closes mid-field
      fieldStart = false;
      continue;
    }
    if (fieldStart && d.escape === 'backslash' && text.startsWith('\\N', i) && (i + 2 >= text.length || '\r\n'.includes(text[i + 2]!) || text.startsWith(d.delimiter, i + 2))) {
      i += 2;
      fieldStart = false;
      continue;
    }
    field += text[i];
    fieldStart = false;
    i++;
  }
  return null;
}

export function csvRecords(text: string, dialect: CsvDialect | string = {}): CsvRecord[] {
  const d: Required<CsvDialect> = { delimiter: ',', quote: '"', escape: 'double', width: 0, ...(typeof dialect === 'string' ? { delimiter: dialect } : dialect) };
  const out: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const rec = strictRecord(text, i, d);
    const spanned = rec && rec.lines > 1 ? text.slice(i, rec.end).replace(/(\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/) : [];
    const stray = d.width > 0 && spanned.length > 1 && spanned.every((l) => l.split(d.delimiter).length === d.width);
    if (rec && !stray) {
      out.push({ line, fields: rec.fields });
      i = rec.end;
      line += rec.lines;
      continue;
    }
    // Broken or stray quoting: this physical line alone, as plain text.
    const m = /\r\n|\n|\r/.exec(text.slice(i));
    const end = m ? i + m.index : text.length;
    out.push({ line, fields: text.slice(i, end).split(d.delimiter) });
    i = m ? end + m[0].length : text.length;
    line++;
  }
  return out;
}
