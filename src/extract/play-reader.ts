import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RawPlay } from "../domain/index";
import { InputError, OptionsError, toError } from "../errors";
import { CsvRecordParser, type CsvRecord } from "./csv-parser";
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

/** First 16 hex characters of SHA-256 of the commentary text: the play's content address. */
export function playHash(text: string): string {
  return hash("sha256", text, "hex").slice(0, 16);
}

/**
 * Turns CSV records, in order, into plays and malformed rows: the first record is the header, then
 * each row gets `play_id` 1..n in input order (malformed rows keep their number) and its `play_hash`.
 * Shared by `parsePlays` (one text) and `streamPlays` (a file read in pieces).
 */
export class PlayRowReader {
  /** Data rows taken so far, malformed ones included. */
  position = 0;
  private names: string[] | undefined;
  private col = -1;
  private readonly limit: number;
  private readonly column: string;

  constructor(options: Pick<ReadPlaysOptions, "limit" | "column"> = {}) {
    const { limit = 0, column = "playbyplay" } = options;
    if (!Number.isInteger(limit) || limit < 0) throw new OptionsError("limit", "an integer ≥ 0", limit);
    this.limit = limit;
    this.column = column;
  }

  /** True once `limit` rows have been taken: the rest of the input is not needed. */
  get full(): boolean {
    return this.limit > 0 && this.position >= this.limit;
  }

  /** Add `records` to `into`; `lineIssues` are the problems of their lines found while decoding. */
  take(records: readonly CsvRecord[], lineIssues: ReadonlyMap<number, string> | undefined, into: { plays: RawPlay[]; malformed: MalformedRow[] }): void {
    const column = this.column;
    for (const record of records) {
      if (!this.names) {
        this.header(record, lineIssues);
        continue;
      }
      if (this.full) return;
      const play_id = ++this.position;
      // NULs are shown as ␀ so the raw row can be stored (PostgreSQL text cannot hold U+0000).
      const malformed = (message: string) =>
        into.malformed.push({ play_id, raw: record.fields.join(",").replace(/\u0000/g, "\u2400"), line: record.line, field: column, message });
      const issue = issueIn(lineIssues, record) ?? nulIn(record.fields, record.line);
      if (issue) {
        malformed(issue);
        continue;
      }
      if (record.fields.length !== this.names.length) {
        malformed(`expected ${this.names.length} field(s), found ${record.fields.length} (unquoted comma?)`);
        continue;
      }
      const text = ownString(record.fields[this.col]!.trim());
      if (text === "") {
        malformed("empty commentary text");
        continue;
      }
      into.plays.push({ play_id, play_hash: playHash(text), playbyplay: text, line: record.line });
    }
  }

  /** The input ended: an input without even a header row is an error. */
  finish(): void {
    if (!this.names) throw new InputError("The CSV is empty: expected a header row with a `playbyplay` column", 1, this.column);
  }

  private header(header: CsvRecord, lineIssues: ReadonlyMap<number, string> | undefined): void {
    const { column } = this;
    const headerIssue = issueIn(lineIssues, header);
    if (headerIssue) {
      throw new InputError(`The CSV header is not text: ${headerIssue}; it starts with ${preview(header.fields.join(","))}. Is this a CSV file?`, header.line, column);
    }
    const names = header.fields.map((f) => f.trim());
    const col = names.indexOf(column);
    if (col < 0) {
      const found = names.length === 0 || names.join("") === "" ? "nothing" : preview(names.join(", "), 80, false);
      throw new InputError(`The CSV header has no \`${column}\` column (found: ${found})`, header.line, column);
    }
    this.names = names;
    this.col = col;
  }
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The text as a string of its own. A field is a slice of the whole decoded input: it keeps that input
 * alive, and shares its representation, two bytes per character as soon as one line of the file has a
 * character past U+00FF, which made the transform's regular expressions ~25% slower (10,000 rows).
 * Re-encoding gives a one-byte string where the text allows it. Lone surrogates (text given directly) stay.
 */
function ownString(text: string): string {
  return LONE_SURROGATE.test(text) ? text : Buffer.from(text, "utf8").toString("utf8");
}

/** The first problem of the lines a record spans, if any. */
function issueIn(issues: ReadonlyMap<number, string> | undefined, record: CsvRecord): string | undefined {
  if (!issues || issues.size === 0) return undefined;
  for (let line = record.line; line <= record.endLine; line++) {
    const issue = issues.get(line);
    if (issue !== undefined) return issue;
  }
  return undefined;
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
  const rows = new PlayRowReader(options);
  const result: ReadPlaysResult = { plays: [], malformed: [], warnings: [...(options.warnings ?? [])] };
  const parser = new CsvRecordParser();
  rows.take(parser.push(csvText), options.lineIssues, result);
  rows.take(parser.end(), options.lineIssues, result);
  rows.finish();
  return result;
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
    throw cannotRead(file, e);
  }
  // Bytes are decoded strictly: known mis-decodings are repaired with a warning, other bad lines quarantine their row.
  const { text, warnings, lineIssues } = decodeCsvBytes(bytes);
  return parsePlays(text, { ...options, lineIssues, warnings });
}

/** The error for an input file that cannot be read, saying why in a few words. */
export function cannotRead(file: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : toError(e).message;
  return new InputError(`Cannot read input file ${file} (${why})`, undefined, undefined, e);
}
