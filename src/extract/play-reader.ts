import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RawPlay } from "../domain/index";
import { InputError, OptionsError, toError } from "../errors";
import { parseCsv } from "./csv-parser";

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
}

export interface ReadPlaysOptions {
  /** Keep only the first N plays (0 = all). Default 0. */
  limit?: number;
  /** Name of the text column. Default `playbyplay`. */
  column?: string;
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
  const { limit = 0, column = "playbyplay" } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new OptionsError("limit", "an integer ≥ 0", limit);
  const records = parseCsv(csvText);
  const header = records.shift();
  if (!header) throw new InputError("The CSV is empty: expected a header row with a `playbyplay` column", 1, column);
  const names = header.fields.map((f) => f.trim());
  const col = names.indexOf(column);
  if (col < 0) {
    throw new InputError(`The CSV header has no \`${column}\` column (found: ${names.join(", ") || "nothing"})`, header.line, column);
  }
  const plays: RawPlay[] = [];
  const malformed: MalformedRow[] = [];
  let position = 0;
  for (const record of records) {
    if (limit > 0 && position >= limit) break;
    position++;
    const raw = record.fields.join(",");
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
  return { plays, malformed };
}

/** Read a play-by-play CSV file from disk; see `parsePlays`. */
export function readPlays(file: string, options: ReadPlaysOptions = {}): ReadPlaysResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : toError(e).message;
    throw new InputError(`Cannot read input file ${file} (${why})`, undefined, undefined, e);
  }
  return parsePlays(text, options);
}
