import type { RawPlay, ReferenceTables } from "../../domain/index";
import { readPlays, type MalformedRow } from "../../extract/play-reader";
import { readReferenceTables } from "../../extract/reference-reader";
import { assertRosterCovers } from "../../transform/roster/roster-coverage";

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
 * before anything is extracted or loaded.
 *
 * @example const { plays, refs } = readStep("data/playbyplay.csv", { rows: 10, referencesDir: "data" });
 */
export function readStep(input: string, options: ReadStepOptions): ReadStepResult {
  const { plays, malformed, warnings } = readPlays(input, { limit: options.rows });
  const refs = readReferenceTables(options.referencesDir);
  assertRosterCovers(plays, refs, { input, referencesDir: options.referencesDir });
  return { plays, malformed, warnings, refs };
}
