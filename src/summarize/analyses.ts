import type { Queryable } from "../db/database";
import type { BatterStatsRow, ExcitementPoint, PitcherStatsRow, PitchMixRow } from "./analysis-rows";

/**
 * The chapter's analyses (sections 9.9–9.11), read from the SQL views of migration 0006.
 * Every function returns typed rows in a stable order.
 *
 * @example
 * const top = (await pitcherStats(db)).slice(0, 5);
 */
export function excitementTimeline(db: Queryable): Promise<ExcitementPoint[]> {
  return db.query<ExcitementPoint>(
    `SELECT play_id, play_hash, inning_number, inning_half, excitement, key_moment, rolling_avg_excitement,
            game_inning, game_half
     FROM v_excitement_timeline ORDER BY play_id, play_hash COLLATE "C"`,
  );
}

/** Per pitcher: pitch count, average velocity, most frequent pitch. Most pitches first. */
export function pitcherStats(db: Queryable): Promise<PitcherStatsRow[]> {
  return db.query<PitcherStatsRow>(
    `SELECT pitcher_id, name, pitch_count, avg_velocity_mph,
            most_frequent_pitch_code, most_frequent_pitch_name, most_frequent_pitch_count
     FROM v_pitcher_stats ORDER BY pitch_count DESC, pitcher_id`,
  );
}

/** Per batter: pitches seen, balls, strikes, balls in play, contact rate. Most pitches seen first. */
export function batterStats(db: Queryable): Promise<BatterStatsRow[]> {
  return db.query<BatterStatsRow>(
    `SELECT batter_id, name, pitches_seen, balls, strikes, balls_in_play, swings, contacts, contact_rate
     FROM v_batter_stats ORDER BY pitches_seen DESC, batter_id`,
  );
}

/** Pitcher × pitch type counts and shares, by pitcher then most used type first. */
export function pitchMix(db: Queryable): Promise<PitchMixRow[]> {
  return db.query<PitchMixRow>(
    `SELECT pitcher_id, pitcher_name, pitch_type_code, pitch_type_name, pitches, share
     FROM v_pitch_mix ORDER BY pitcher_id, pitches DESC, pitch_type_code COLLATE "C"`,
  );
}
