import type { Extraction } from "./extraction";

/**
 * Where a resolved value comes from: the paragraph says it (`text`), it stands from the rows before
 * (`carried`: the inning, the batter at the plate, the count), or it follows from the game's rules
 * (`inferred`: the count after a ball, no outs at the start of a half, the next half after "end of the 5th").
 */
export type Provenance = "text" | "carried" | "inferred";

/** The game-state fields a reader resolves beside the extraction as stated. */
export const RESOLVED_FIELDS = [
  "inning_number", "inning_half", "outs", "score_home", "score_away", "runners_on_base", "pitcher_name", "batter_name",
  "pre_pitch_balls", "pre_pitch_strikes", "post_pitch_balls", "post_pitch_strikes",
] as const satisfies readonly (keyof Extraction)[];
export type ResolvedField = (typeof RESOLVED_FIELDS)[number];

export interface ResolvedValue<T> {
  value: T | null;
  source: Provenance | null;
}

/** A contradiction between a paragraph and the running state: a quality finding, not a failure. */
export interface StateFinding {
  play_id: number;
  field: ResolvedField;
  message: string;
}

/** One row's situation as the game state reads it, keyed like the extraction, with provenance per field. */
export type ResolvedState = { [F in ResolvedField]: ResolvedValue<Extraction[F]> } & {
  /** The pitcher on the mound and the batter at the plate, as reference IDs (null when unknown). */
  pitcher_id: number | null;
  batter_id: number | null;
};
