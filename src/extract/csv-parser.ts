import { InputError } from "../errors";

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 parser: quoted fields may hold commas, doubled quotes and newlines;
 * accepts a UTF-8 BOM and LF or CRLF line ends. An unterminated quote is an
 * `InputError` naming the line where the broken field starts.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteStartLine = 0;
  let sawAnything = false;
  const endRecord = () => {
    fields.push(field);
    if (sawAnything || fields.length > 1 || field !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    sawAnything = false;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      if (ch === "\r" && src[i + 1] === "\n") {
        field += "\n";
        line++;
        i += 2;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      sawAnything = true;
      quoteStartLine = line;
      i++;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      sawAnything = true;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      sawAnything = true;
      i++;
    }
  }
  if (quoted) throw new InputError(`Unterminated quoted field starting on line ${quoteStartLine}`, quoteStartLine);
  if (sawAnything || field !== "") endRecord();
  return records;
}

/** Quote one value for CSV output when it needs it. */
export function csvEscape(value: string | number | boolean | null): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
