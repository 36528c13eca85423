/**
 * Bytes to text without silent damage (issue 9): strict UTF-8, with two known mis-decodings repaired
 * and reported by line, and everything else reported as a problem of its line (so only that row is
 * quarantined), never replaced by U+FFFD without a word.
 *
 * - Windows-1252 / Latin-1 bytes in a UTF-8 file ("Jos\xE9"): decoded as Windows-1252, with a warning.
 * - UTF-8 that was once read as Windows-1252 and saved again ("â€”" for "—"): turned back, with a warning.
 * - A NUL byte, another control character, or a byte that is neither: the line gets an issue
 *   ("not UTF-8 at line 7"), which `parsePlays` turns into a quarantined row.
 */
export interface DecodedText {
  text: string;
  /** One message per kind of repair, naming the lines. */
  warnings: string[];
  /** Lines (1-based) that could not be read as text, with the reason; their rows are quarantined. */
  lineIssues: Map<number, string>;
}

/** Windows-1252's 0x80–0x9F (undefined bytes map to the C1 control of the same number, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const UNDEFINED_CP1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const cp1252Char = (byte: number): string => String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);
const CP1252_BYTE = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) CP1252_BYTE.set(cp1252Char(b), b);

// Characters Windows-1252 shows for UTF-8 continuation bytes (0x80–0xBF), and for lead bytes.
const CONT = [...Array(0x40).keys()].map((i) => cp1252Char(0x80 + i).replace(/[\]\\^-]/g, "\\$&")).join("");
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF][${CONT}]|[\\u00E0-\\u00EF][${CONT}]{2}|[\\u00F0-\\u00F4][${CONT}]{3}`, "gu");
// Control characters a line of commentary never has (tab and CR are fine).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8KeepBom = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function utf8Length(b: Uint8Array, i: number): number {
  const x = b[i]!;
  if (x < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (x >= 0xc2 && x <= 0xdf) return cont(1) ? 2 : 0;
  if (x >= 0xe0 && x <= 0xef) {
    const lo = x === 0xe0 ? 0xa0 : 0x80;
    const hi = x === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (x >= 0xf0 && x <= 0xf4) {
    const lo = x === 0xf0 ? 0x90 : 0x80;
    const hi = x === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** A short, printable echo of untrusted text for an error message: control characters escaped, at most `max` characters. */
export function preview(text: string, max = 40, quote = true): string {
  const chars = [...text];
  const shown = chars.slice(0, max).map((c) => {
    const code = c.codePointAt(0)!;
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`;
    if (code === 0xfffd) return "\\uFFFD";
    return c;
  });
  const q = quote ? '"' : "";
  return `${q}${shown.join("")}${chars.length > max ? "…" : ""}${q}`;
}

function linesText(lines: number[]): string {
  const shown = lines.slice(0, 10).join(", ");
  return `line${lines.length > 1 ? "s" : ""} ${shown}${lines.length > 10 ? ` and ${lines.length - 10} more` : ""}`;
}

/** Decode one line (without its \n). Returns the text, the repair it needed, or the issue that stops it. */
function decodeLine(bytes: Uint8Array, line: number): { text: string; repair?: "cp1252" | "mojibake"; issue?: string; example?: string } {
  if (bytes.includes(0)) return { text: lossy(bytes), issue: `NUL byte at line ${line}, column ${bytes.indexOf(0) + 1}` };
  let text: string;
  let repair: "cp1252" | "mojibake" | undefined;
  let example: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    let out = "";
    for (let i = 0; i < bytes.length; ) {
      const n = utf8Length(bytes, i);
      if (n > 0) {
        out += Buffer.from(bytes.subarray(i, i + n)).toString("utf8");
        i += n;
        continue;
      }
      const b = bytes[i]!;
      if (UNDEFINED_CP1252.has(b)) return { text: lossy(bytes), issue: `not UTF-8 at line ${line} (byte 0x${b.toString(16).toUpperCase()} at column ${i + 1}, not Windows-1252 either)` };
      out += cp1252Char(b);
      example ??= cp1252Char(b);
      i++;
    }
    text = out;
    repair = "cp1252";
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return { text: lossy(bytes), issue: repair ? `not UTF-8 at line ${line} (binary data?)` : `control character ${code} at line ${line}` };
  }
  if (repair === undefined) {
    const fixed = repairMisdecoded(text);
    if (fixed.repaired > 0) {
      text = fixed.text;
      example = fixed.example;
      repair = "mojibake";
    }
  }
  return { text, repair, example };
}

/**
 * Text that was UTF-8, read once as Windows-1252 and saved again ("â€”" for "—", "Ã©" for "é"): each such
 * run is turned back into its bytes and read as UTF-8; a run that does not decode stays as it is. The one
 * repair of mis-decoded text, used when a file is read and by the rule extractor for text given directly.
 */
export function repairMisdecoded(text: string): { text: string; repaired: number; example?: string } {
  let repaired = 0;
  let example: string | undefined;
  const out = text.replace(MOJIBAKE, (m) => {
    try {
      const back = utf8.decode(Uint8Array.from([...m].map((c) => CP1252_BYTE.get(c)!)));
      example ??= `${m} → ${back}`;
      repaired++;
      return back;
    } catch {
      return m;
    }
  });
  MOJIBAKE.lastIndex = 0;
  return { text: out, repaired, example };
}

const lossy = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8").replace(/\u0000/g, "\u2400");

/**
 * Decodes a CSV file's bytes piece by piece, each piece ending just after a line feed (a UTF-8 sequence
 * never spans a line break), counting lines across pieces; `warnings` names every repaired line seen so far.
 */
export class CsvBytesDecoder {
  private nextLine = 1;
  // The file's first bytes may start with a BOM (the CSV parser drops it); a later piece keeps what it has.
  private whole = utf8;
  private readonly repaired = { cp1252: [] as number[], mojibake: [] as number[] };
  private readonly examples: Partial<Record<"cp1252" | "mojibake", string>> = {};

  /** Decode the next piece; its lines that could not be read as text come back in `lineIssues`. */
  decode(bytes: Uint8Array): { text: string; lineIssues: Map<number, string> } {
    const first = this.nextLine;
    let newlines = 0;
    for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) newlines++;
    this.nextLine += newlines;
    const decoder = this.whole;
    this.whole = utf8KeepBom;
    // The common case first: clean UTF-8 with nothing to repair is decoded in one go.
    let whole: string | undefined;
    try {
      whole = decoder.decode(bytes);
    } catch {
      whole = undefined;
    }
    MOJIBAKE.lastIndex = 0;
    if (whole !== undefined && !CONTROL.test(whole) && !MOJIBAKE.test(whole)) return { text: whole, lineIssues: new Map() };
    MOJIBAKE.lastIndex = 0;
    const parts: string[] = [];
    const lineIssues = new Map<number, string>();
    let start = 0;
    for (let line = first; start <= bytes.length; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      const decoded = decodeLine(bytes.subarray(start, end), line);
      parts.push(decoded.text);
      if (decoded.issue) lineIssues.set(line, decoded.issue);
      else if (decoded.repair) {
        this.repaired[decoded.repair].push(line);
        if (decoded.example) this.examples[decoded.repair] ??= decoded.example;
      }
      start = end + 1;
    }
    return { text: parts.join("\n"), lineIssues };
  }

  /** One message per kind of repair made so far, naming the lines. */
  get warnings(): string[] {
    const { repaired, examples } = this;
    const warnings: string[] = [];
    if (repaired.cp1252.length > 0) {
      warnings.push(`Windows-1252 (Latin-1) bytes, not UTF-8, on ${linesText(repaired.cp1252)}: read as Windows-1252 (e.g. "${examples.cp1252}"); save the file as UTF-8 to silence this`);
    }
    if (repaired.mojibake.length > 0) {
      warnings.push(`UTF-8 text that had been read as Windows-1252 on ${linesText(repaired.mojibake)}: repaired (e.g. "${examples.mojibake}")`);
    }
    return warnings;
  }
}

/**
 * Decode a CSV file's bytes line by line; see `CsvBytesDecoder`.
 *
 * @example
 * const { text, warnings, lineIssues } = decodeCsvBytes(readFileSync("game.csv"));
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const decoder = new CsvBytesDecoder();
  const { text, lineIssues } = decoder.decode(bytes);
  return { text, warnings: decoder.warnings, lineIssues };
}
