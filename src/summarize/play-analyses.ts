import type { EnrichedPlay, ReferenceTables } from "../domain/index";
import {
  CONTACT_RESULTS, ROLLING_WINDOW, STRIKE_RESULTS, SWING_RESULTS,
  type BatterStatsRow, type ExcitementPoint, type PitcherStatsRow, type PitchMixRow,
} from "./analysis-rows";

/**
 * The analyses of the SQL views (`analyses.ts`), computed in plain TypeScript from enriched plays in
 * memory: same rows, same order, same numbers (a test holds them equal on PGlite and PostgreSQL).
 * `npm start` summarises a run with these; `frames.ts` wraps the same rows as danfojs DataFrames for
 * notebooks, so danfojs (and TensorFlow.js under it) loads only where a DataFrame is really built.
 * Like the views, only plays whose IDs are in the reference tables count, and a "pitch" is a play with
 * a pitch_result.
 */

const byPlayOrder = (a: EnrichedPlay, b: EnrichedPlay) =>
  a.play_id - b.play_id || (a.play_hash < b.play_hash ? -1 : a.play_hash > b.play_hash ? 1 : 0);

/** Group `items` by a key, keeping first-seen order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Excitement through the game with the rolling mean of the last 10 plays; see `excitementTimeline`. */
export function excitementTimelineRows(plays: readonly EnrichedPlay[]): ExcitementPoint[] {
  const ordered = [...plays].sort(byPlayOrder);
  let inning: number | null = null;
  let half: ExcitementPoint["game_half"] = null;
  let windowSum = 0;
  return ordered.map((p, i) => {
    windowSum += p.excitement;
    if (i >= ROLLING_WINDOW) windowSum -= ordered[i - ROLLING_WINDOW]!.excitement;
    inning = p.inning_number ?? inning;
    half = p.inning_half ?? half;
    return {
      play_id: p.play_id, play_hash: p.play_hash, inning_number: p.inning_number, inning_half: p.inning_half,
      excitement: p.excitement, key_moment: p.key_moment, rolling_avg_excitement: windowSum / Math.min(i + 1, ROLLING_WINDOW),
      game_inning: inning, game_half: half,
    };
  });
}

/** Pitcher × pitch type counts and shares; see `pitchMix`. */
export function pitchMixRows(plays: readonly EnrichedPlay[], refs: ReferenceTables): PitchMixRow[] {
  const pitchers = new Map(refs.pitchers.map((p) => [p.pitcher_id, p.name]));
  const types = new Map(refs.pitchTypes.map((t) => [t.code as string, t.name]));
  const typed = plays.filter((p) => p.pitch_result !== null && pitchers.has(p.pitcher_id ?? NaN) && types.has(p.pitch_type_code ?? ""));
  const totals = new Map([...groupBy(typed, (p) => p.pitcher_id!)].map(([id, g]) => [id, g.length]));
  const rows: PitchMixRow[] = [];
  for (const group of groupBy(typed, (p) => `${p.pitcher_id}\u0000${p.pitch_type_code}`).values()) {
    const id = group[0]!.pitcher_id!;
    const code = group[0]!.pitch_type_code!;
    rows.push({ pitcher_id: id, pitcher_name: pitchers.get(id)!, pitch_type_code: code, pitch_type_name: types.get(code)!, pitches: group.length, share: group.length / totals.get(id)! });
  }
  return rows.sort((a, b) => a.pitcher_id - b.pitcher_id || b.pitches - a.pitches || (a.pitch_type_code < b.pitch_type_code ? -1 : 1));
}

/** Per pitcher: pitch count, average velocity, most frequent pitch; see `pitcherStats`. */
export function pitcherStatsRows(plays: readonly EnrichedPlay[], refs: ReferenceTables): PitcherStatsRow[] {
  const names = new Map(refs.pitchers.map((p) => [p.pitcher_id, p.name]));
  const pitches = plays.filter((p) => p.pitch_result !== null && names.has(p.pitcher_id ?? NaN));
  const top = new Map<number, PitchMixRow>();
  for (const mix of pitchMixRows(pitches, refs)) if (!top.has(mix.pitcher_id)) top.set(mix.pitcher_id, mix);
  const rows: PitcherStatsRow[] = [];
  for (const [id, group] of groupBy(pitches, (p) => p.pitcher_id!)) {
    const timed = group.filter((p) => p.pitch_velocity_mph !== null);
    const best = top.get(id);
    rows.push({
      pitcher_id: id, name: names.get(id)!, pitch_count: group.length,
      avg_velocity_mph: timed.length === 0 ? null : timed.reduce((s, p) => s + p.pitch_velocity_mph!, 0) / timed.length,
      most_frequent_pitch_code: best?.pitch_type_code ?? null, most_frequent_pitch_name: best?.pitch_type_name ?? null,
      most_frequent_pitch_count: best?.pitches ?? null,
    });
  }
  return rows.sort((a, b) => b.pitch_count - a.pitch_count || a.pitcher_id - b.pitcher_id);
}

/** Per batter: pitches seen, balls, strikes, balls in play, contact rate; see `batterStats`. */
export function batterStatsRows(plays: readonly EnrichedPlay[], refs: ReferenceTables): BatterStatsRow[] {
  const names = new Map(refs.batters.map((b) => [b.batter_id, b.name]));
  const pitches = plays.filter((p) => p.pitch_result !== null && names.has(p.batter_id ?? NaN));
  const rows: BatterStatsRow[] = [];
  for (const [id, group] of groupBy(pitches, (p) => p.batter_id!)) {
    const count = (test: (p: EnrichedPlay) => boolean) => group.reduce((n, p) => n + (test(p) ? 1 : 0), 0);
    const swings = count((p) => SWING_RESULTS.includes(p.pitch_result as string));
    const contacts = count((p) => CONTACT_RESULTS.includes(p.pitch_result as string));
    rows.push({
      batter_id: id, name: names.get(id)!, pitches_seen: group.length,
      balls: count((p) => p.pitch_result === "Ball"), strikes: count((p) => STRIKE_RESULTS.includes(p.pitch_result as string)),
      balls_in_play: count((p) => p.ball_in_play === true), swings, contacts, contact_rate: swings === 0 ? null : contacts / swings,
    });
  }
  return rows.sort((a, b) => b.pitches_seen - a.pitches_seen || a.batter_id - b.batter_id);
}
