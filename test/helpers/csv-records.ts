/**
 * A small, independent RFC 4180 reader for tests: records with the physical line each starts on.
 * Quotes only open at the start of a field; `""` inside quotes is one quote; CRLF, LF and a lone CR
 * end a record. It is deliberately not the importer's code, so a test built on it can catch the importer.
 */
export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
}

export function csvRecords(text: string, delimiter = ','): CsvRecord[] {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let inQuotes = false;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    out.push({ line: start, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (field !== '' || fields.length) endRecord();
  return out;
}
