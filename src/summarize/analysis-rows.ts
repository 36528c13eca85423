import type { InningHalf } from "../domain/index";

/** Number of plays in the excitement timeline's rolling mean (this play and the 9 before it). */
export const ROLLING_WINDOW = 10;

/** One play on the excitement timeline (view `v_excitement_timeline`), in play order. */
export interface ExcitementPoint {
  play_id: number;
  play_hash: string;
  inning_number: number | null;
  inning_half: InningHalf | null;
  excitement: number;
  key_moment: boolean;
  /** Mean excitement of this play and the 9 before it. */
  rolling_avg_excitement: number;
  /** The last inning stated at or before this play (null before the first): commentary rarely restates it. */
  game_inning: number | null;
  /** The last half stated at or before this play. */
  game_half: InningHalf | null;
}

/** Per pitcher (view `v_pitcher_stats`), over his pitches (rows with a pitch_result). */
export interface PitcherStatsRow {
  pitcher_id: number;
  name: string;
  pitch_count: number;
  /** Mean over pitches with a known speed; null when none has one. */
  avg_velocity_mph: number | null;
  /** Most frequent pitch type; ties go to the alphabetically first code. Null when no pitch has a type. */
  most_frequent_pitch_code: string | null;
  most_frequent_pitch_name: string | null;
  most_frequent_pitch_count: number | null;
}

/** Per batter (view `v_batter_stats`); see the view's comment for the exact definitions. */
export interface BatterStatsRow {
  batter_id: number;
  name: string;
  pitches_seen: number;
  balls: number;
  /** Called strikes + swinging strikes + fouls. */
  strikes: number;
  balls_in_play: number;
  /** Swinging strikes + fouls + balls put in play. */
  swings: number;
  /** Fouls + balls put in play. */
  contacts: number;
  /** contacts / swings; null when the batter never swung. */
  contact_rate: number | null;
}

/** Pitches of one type by one pitcher (view `v_pitch_mix`). */
export interface PitchMixRow {
  pitcher_id: number;
  pitcher_name: string;
  pitch_type_code: string;
  pitch_type_name: string;
  pitches: number;
  /** Share of the pitcher's pitches that have a known type. */
  share: number;
}

/** The result values that count as a swing, and those of them that made contact. */
export const SWING_RESULTS: readonly string[] = ["Swing and miss", "Foul", "In play - out", "In play - hit"];
export const CONTACT_RESULTS: readonly string[] = ["Foul", "In play - out", "In play - hit"];
export const STRIKE_RESULTS: readonly string[] = ["Strike", "Swing and miss", "Foul"];
