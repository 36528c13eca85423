import { RESOLVED_COLUMN_FIELDS, type EnrichedPlay } from "../domain/index";

/** The columns of the game state's resolved values (`<field>_resolved`, then `resolved_provenance`), as in migration 0070. */
export const RESOLVED_PLAY_COLUMNS = [
  ...RESOLVED_COLUMN_FIELDS.map((f) => `${f}_resolved` as const),
  "resolved_provenance",
] as const satisfies readonly (keyof EnrichedPlay)[];

/** The typed columns of `plays`, one per field of EnrichedPlay, in insert order (run_id is appended). */
export const PLAY_COLUMNS = [
  "play_hash", "play_id", "playbyplay", "line",
  "inning_number", "inning_half", "outs", "score_home", "score_away",
  "pitcher_name", "batter_name", "runners_on_base",
  "pre_pitch_balls", "pre_pitch_strikes", "post_pitch_balls", "post_pitch_strikes",
  "pitch_type", "pitch_velocity_mph", "pitch_result", "ball_in_play",
  "pitcher_id", "pitcher_confidence", "batter_id", "batter_confidence",
  "pitch_type_code", "pitch_type_name", "pitch_type_confidence",
  "key_moment", "excitement",
  ...RESOLVED_PLAY_COLUMNS,
] as const satisfies readonly (keyof EnrichedPlay)[];

/** Parameters per row of the plays upsert: every field plus run_id. */
export const PLAY_PARAMETERS_PER_ROW = PLAY_COLUMNS.length + 1;

/**
 * One play as the parameter list of its row (undefined becomes null). The provenance object goes as
 * JSON text, which pg and PGlite both read into the jsonb column the same way.
 */
export function playParameters(play: EnrichedPlay, runId: string): unknown[] {
  const values: unknown[] = PLAY_COLUMNS.map((c) => (c === "resolved_provenance" ? (play[c] ? JSON.stringify(play[c]) : null) : play[c] ?? null));
  values.push(runId);
  return values;
}
