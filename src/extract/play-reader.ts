import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RawPlay } from "../domain/index";
import { InputError, OptionsError, toError } from "../errors";
import { parseCsv } from "./csv-parser";
import { decodeCsvBytes, preview } from "./text-decoding";

/** A row of the input that could not be read, with its line number and the reason. */
export interface MalformedRow {
  /** The row's position among data rows: malformed rows keep their place so IDs stay stable. */
  play_id: number;
  line: number;
  /** The raw fields joined back with commas, for the quarantine table. */
  raw: string;
  field: string;
  message: string;
}

export interface ReadPlaysResult {
  plays: RawPlay[];
  malformed: MalformedRow[];
  /** Input lines that were repaired (mis-decoded bytes), named by line; empty for clean UTF-8. */
  warnings: string[];
}

export interface ReadPlaysOptions {
  /** Keep only the first N plays (0 = all). Default 0. */
  limit?: number;
  /** Name of the text column. Default `playbyplay`. */
  column?: string;
  /** Lines that could not be decoded, with the reason (from `decodeCsvBytes`): their rows are malformed. */
  lineIssues?: ReadonlyMap<number, string>;
  /** Repairs made while decoding, passed through to the result. */
  warnings?: readonly string[];
}

/** The first problem of the lines `from`..`to` (inclusive), if any. */
function issueIn(issues: ReadonlyMap<number, string> | undefined, from: number, to: number): string | undefined {
  if (!issues) return undefined;
  for (const [line, issue] of issues) if (line >= from && line <= to) return issue;
  return undefined;
}

/** First 16 hex characters of SHA-256 of the commentary text: the play's content address. */
export function playHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
}

/**
 * Read any CSV with a `playbyplay` column and give each play its canonical IDs (section 9.1):
 * `play_id` 1..n in input order (malformed rows keep their number) and `play_hash`. Rows that cannot be used are returned in
 * `malformed` with their line number rather than dropped silently.
 *
 * @example
 * const { plays, malformed } = parsePlays(readFileSync("data/playbyplay.csv", "utf8"), { limit: 10 });
 */
export function parsePlays(csvText: string, options: ReadPlaysOptions = {}): ReadPlaysResult {
  const { limit = 0, column = "playbyplay", lineIssues } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new OptionsError("limit", "an integer ≥ 0", limit);
  const records = parseCsv(csvText);
  const header = records.shift();
  if (!header) throw new InputError("The CSV is empty: expected a header row with a `playbyplay` column", 1, column);
  const headerIssue = issueIn(lineIssues, header.line, (records[0]?.line ?? header.line + 1) - 1);
  if (headerIssue) {
    throw new InputError(`The CSV header is not text: ${headerIssue}; it starts with ${preview(header.fields.join(","))}. Is this a CSV file?`, header.line, column);
  }
  const names = header.fields.map((f) => f.trim());
  const col = names.indexOf(column);
  if (col < 0) {
    const found = names.length === 0 || names.join("") === "" ? "nothing" : preview(names.join(", "), 80, false);
    throw new InputError(`The CSV header has no \`${column}\` column (found: ${found})`, header.line, column);
  }
  const plays: RawPlay[] = [];
  const malformed: MalformedRow[] = [];
  let position = 0;
  for (const [index, record] of records.entries()) {
    if (limit > 0 && position >= limit) break;
    position++;
    // NULs are shown as ␀ so the raw row can be stored (PostgreSQL text cannot hold U+0000).
    const raw = record.fields.join(",").replace(/\u0000/g, "\u2400");
    const issue = issueIn(lineIssues, record.line, (records[index + 1]?.line ?? Number.MAX_SAFE_INTEGER) - 1) ?? nulIn(record.fields, record.line);
    if (issue) {
      malformed.push({ play_id: position, raw, line: record.line, field: column, message: issue });
      continue;
    }
    if (record.fields.length !== names.length) {
      malformed.push({
        play_id: position,
        raw,
        line: record.line,
        field: column,
        message: `expected ${names.length} field(s), found ${record.fields.length} (unquoted comma?)`,
      });
      continue;
    }
    const text = record.fields[col]!.trim();
    if (text === "") {
      malformed.push({ play_id: position, raw, line: record.line, field: column, message: "empty commentary text" });
      continue;
    }
    plays.push({ play_id: position, play_hash: playHash(text), playbyplay: text, line: record.line });
  }
  return { plays, malformed, warnings: [...(options.warnings ?? [])] };
}

/** A NUL character in text given directly (not through `readPlays`), named by its line. */
function nulIn(fields: readonly string[], firstLine: number): string | undefined {
  const joined = fields.join(",");
  const at = joined.indexOf("\u0000");
  if (at < 0) return undefined;
  const line = firstLine + (joined.slice(0, at).match(/\n/g)?.length ?? 0);
  return `NUL byte at line ${line}`;
}

/**
 * Read a play-by-play CSV file from disk; see `parsePlays`. Invalid UTF-8 is never replaced silently:
 * see `decodeCsvBytes` for the repairs (reported in `warnings`) and the rows quarantined instead.
 */
export function readPlays(file: string, options: ReadPlaysOptions = {}): ReadPlaysResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : toError(e).message;
    throw new InputError(`Cannot read input file ${file} (${why})`, undefined, undefined, e);
  }
  // Bytes are decoded strictly: known mis-decodings are repaired with a warning, other bad lines quarantine their row.
  const { text, warnings, lineIssues } = decodeCsvBytes(bytes);
  return parsePlays(text, { ...options, lineIssues, warnings });
}
