import type { CanonicalMapping, EnrichedPlay, ReferenceTables, StateFinding } from "../domain/index";
import { toError } from "../errors";
import { readGameState } from "../transform/state/game-state-reader";
import type { CheckSummary, QualityWarning } from "./quality-report";

export const GAME_STATE_CHECK = {
  check: "game_state" as const,
  description: "the paragraph agrees with the game state carried from the rows before it (warnings, rows not failed)",
};

/**
 * The game-state check: read the batch in order with the game-state reader (`readGameState`) and report each
 * contradiction between a paragraph and the running state (a count said after the pitch, outs or a score
 * going back, a name where the batter at the plate stands) as a warning on that row. A contradiction is a
 * thing to look at, not a bad row: the row is not failed, and it loads. Works on any extraction (rules or LLM).
 *
 * @example
 * `findings`, when given, are those of a reading of the game over exactly these plays (the pipeline's
 * analyze step reads it once per run): they are reported as they are, and the game is not read again.
 *
 * @example
 * const { summary, warnings } = gameStateWarnings(plays, refs);
 * warnings[0] // { check: "game_state", play_id: 14, field: "pre_pitch_balls", message: "2-1 is the count after the pitch (it was 1-1)" }
 */
export function gameStateWarnings(
  plays: readonly EnrichedPlay[],
  refs: ReferenceTables,
  skipped = 0,
  findings?: readonly StateFinding[],
): { summary: CheckSummary; warnings: QualityWarning[] } {
  let warnings: QualityWarning[];
  try {
    const read = findings ?? readGameState(plays, new Map<string, CanonicalMapping>(plays.map((p) => [p.play_hash, p])), refs).findings;
    warnings = read.map((f) => ({ check: "game_state", play_id: f.play_id, field: f.field, message: f.message }));
  } catch (e) {
    // The reader is a second opinion: when it cannot run, the report says so and the rows stand.
    warnings = plays.length === 0 ? [] : [{ check: "game_state", play_id: plays[0]!.play_id, message: `the game state could not be read: ${toError(e).message}` }];
  }
  const flagged = new Set(warnings.map((w) => w.play_id)).size;
  return { summary: { ...GAME_STATE_CHECK, passed: plays.length - flagged, failed: 0, skipped, warned: flagged }, warnings };
}
