import type { Extraction } from "./extraction";
import type { PitchTypeCode } from "./reference";

export const EVENT_KINDS = [
  "pitch",
  "inning_start",
  /** A batter steps in: who faces whom and the situation, before the first pitch of the plate appearance. */
  "at_bat_start",
  "pitching_change",
  "mound_visit",
  "lineup_change",
  "inning_recap",
  "game_end",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One line of `data/ground_truth.jsonl`: what a perfect extractor returns for that row, plus the game's facts. */
export interface GroundTruthRow extends Extraction {
  play_id: number;
  play_hash: string;
  event_kind: EventKind;
  pitcher_id: number | null;
  batter_id: number | null;
  pitch_type_code: PitchTypeCode | null;
  key_moment: boolean;
  /** Why the row is a key moment ("lead change", "home run", …), null when it is not. */
  key_moment_reason: string | null;
  excitement: number;
  /**
   * The batter at the plate and the pitcher on the mound from the game situation (the blind sets give them;
   * `data/` does not): what the game-state reader must resolve, whatever the paragraph names.
   */
  batter_resolved_id?: number | null;
  pitcher_resolved_id?: number | null;
}
