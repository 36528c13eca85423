import type { RawPlay, ReferenceTables } from "../../domain/index";
import type { MalformedRow } from "../../extract/play-reader";
import { streamPlays } from "../../extract/play-stream";
import { readReferenceTables } from "../../extract/reference-reader";
import { assertRosterCovers } from "../../transform/roster/roster-coverage";

/**
 * The file is read 256 KiB at a time, 1,000 rows per batch: each piece's records die young, and a
 * 100,000-row input peaks ~40 MB lower than with 1 MiB pieces, for no more CPU time.
 */
const READ_PIECE = { batchSize: 1_000, chunkBytes: 256 * 1024 } as const;

export interface ReadStepOptions {
  /** First N rows only (0 = all). */
  rows: number;
  /** Folder of the reference tables the run maps names to (`--references`, REFERENCES_DIR). */
  referencesDir: string;
}

export interface ReadStepResult {
  plays: RawPlay[];
  /** Rows that could not be read (quarantined by the gate, with the line). */
  malformed: MalformedRow[];
  /** Lines whose mis-decoded text was repaired, one message each. */
  warnings: string[];
  refs: ReferenceTables;
}

/**
 * read: the input's plays and the reference tables, and the early stop on another game: when most
 * names of the input are not in the tables, `UnknownRosterError` says so (with the `roster` command)
 * before anything is extracted or loaded. The file is read in pieces (`streamPlays`: the same rows as
 * `readPlays`), so neither its bytes nor its decoded text are held whole beside the plays.
 *
 * @example const { plays, refs } = await readStep("data/playbyplay.csv", { rows: 10, referencesDir: "data" });
 */
export async function readStep(input: string, options: ReadStepOptions): Promise<ReadStepResult> {
  const plays: RawPlay[] = [];
  const malformed: MalformedRow[] = [];
  const stream = streamPlays(input, { limit: options.rows, ...READ_PIECE });
  for await (const batch of stream) {
    for (const p of batch.plays) plays.push(p);
    for (const m of batch.malformed) malformed.push(m);
  }
  const warnings = stream.warnings;
  const refs = readReferenceTables(options.referencesDir);
  assertRosterCovers(plays, refs, { input, referencesDir: options.referencesDir });
  return { plays, malformed, warnings, refs };
}
