import type { DataFrame } from "danfojs-node";
import type { EnrichedPlay, ReferenceTables } from "../domain/index";
import { loadDanfo } from "./danfo-loader";
import { batterStatsRows, excitementTimelineRows, pitcherStatsRows, pitchMixRows } from "./play-analyses";

/**
 * The analyses of `play-analyses.ts` as danfojs DataFrames, for notebooks that want to slice and
 * describe them. The numbers are computed once, in `play-analyses.ts`; this module only builds the
 * frames, so danfojs loads only where a DataFrame is asked for.
 */

async function frame<T extends object>(rows: T[], columns: (keyof T & string)[]): Promise<DataFrame> {
  const dfd = await loadDanfo();
  return rows.length === 0 ? new dfd.DataFrame([], { columns }) : new dfd.DataFrame(rows);
}

/** Rows of a DataFrame as plain objects, e.g. to compare with the SQL views. */
export async function frameRows<T>(df: DataFrame): Promise<T[]> {
  const dfd = await loadDanfo();
  return (df.shape[0] === 0 ? [] : dfd.toJSON(df)) as T[];
}

/** Excitement through the game with the rolling mean of the last 10 plays; see `excitementTimeline`. */
export function excitementTimelineFrame(plays: readonly EnrichedPlay[]): Promise<DataFrame> {
  return frame(excitementTimelineRows(plays), [
    "play_id", "play_hash", "inning_number", "inning_half", "excitement", "key_moment", "rolling_avg_excitement", "game_inning", "game_half",
  ]);
}

/** Pitcher × pitch type counts and shares; see `pitchMix`. */
export function pitchMixFrame(plays: readonly EnrichedPlay[], refs: ReferenceTables): Promise<DataFrame> {
  return frame(pitchMixRows(plays, refs), ["pitcher_id", "pitcher_name", "pitch_type_code", "pitch_type_name", "pitches", "share"]);
}

/** Per pitcher: pitch count, average velocity, most frequent pitch; see `pitcherStats`. */
export function pitcherStatsFrame(plays: readonly EnrichedPlay[], refs: ReferenceTables): Promise<DataFrame> {
  return frame(pitcherStatsRows(plays, refs), [
    "pitcher_id", "name", "pitch_count", "avg_velocity_mph", "most_frequent_pitch_code", "most_frequent_pitch_name", "most_frequent_pitch_count",
  ]);
}

/** Per batter: pitches seen, balls, strikes, balls in play, contact rate; see `batterStats`. */
export function batterStatsFrame(plays: readonly EnrichedPlay[], refs: ReferenceTables): Promise<DataFrame> {
  return frame(batterStatsRows(plays, refs), ["batter_id", "name", "pitches_seen", "balls", "strikes", "balls_in_play", "swings", "contacts", "contact_rate"]);
}
