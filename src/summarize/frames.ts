import type { DataFrame } from "danfojs-node";
import type { EnrichedPlay, ReferenceTables } from "../domain/index";
import {
  CONTACT_RESULTS, ROLLING_WINDOW, STRIKE_RESULTS, SWING_RESULTS,
  type BatterStatsRow, type ExcitementPoint, type PitcherStatsRow, type PitchMixRow,
} from "./analysis-rows";
import { loadDanfo, type Danfo } from "./danfo-loader";

/**
 * The same analyses as the SQL views, computed in JS from enriched plays as danfojs DataFrames,
 * for notebooks that have the plays in memory. Same rows, same order, same numbers as `analyses.ts`
 * (a test holds them equal on PGlite and PostgreSQL). Like the views, only plays whose IDs are in the
 * reference tables count, and a "pitch" is a play with a pitch_result.
 */

type Row = Record<string, unknown>;

function frame<T extends object>(dfd: Danfo, rows: T[], columns: (keyof T & string)[]): DataFrame {
  return rows.length === 0 ? new dfd.DataFrame([], { columns }) : new dfd.DataFrame(rows);
}

/** Rows of a DataFrame as plain objects, e.g. to compare with the SQL views. */
export async function frameRows<T>(df: DataFrame): Promise<T[]> {
  const dfd = await loadDanfo();
  return (df.shape[0] === 0 ? [] : dfd.toJSON(df)) as T[];
}

/** Group `rows` by `keys` with danfo and aggregate; returns the grouped rows. */
function groupRows(dfd: Danfo, rows: Row[], keys: string[], agg: Record<string, string>): Row[] {
  if (rows.length === 0) return [];
  const grouped = new dfd.DataFrame(rows).groupby(keys).agg(agg);
  return dfd.toJSON(grouped) as Row[];
}

const byPlayOrder = (a: EnrichedPlay, b: EnrichedPlay) =>
  a.play_id - b.play_id || (a.play_hash < b.play_hash ? -1 : a.play_hash > b.play_hash ? 1 : 0);

/** Excitement through the game with the rolling mean of the last 10 plays; see `excitementTimeline`. */
export async function excitementTimelineFrame(plays: readonly EnrichedPlay[]): Promise<DataFrame> {
  const dfd = await loadDanfo();
  const ordered = [...plays].sort(byPlayOrder);
  let inning: number | null = null;
  let half: ExcitementPoint["game_half"] = null;
  const rows: ExcitementPoint[] = ordered.map((p, i) => {
    const window = ordered.slice(Math.max(0, i - ROLLING_WINDOW + 1), i + 1);
    const mean = window.reduce((s, w) => s + w.excitement, 0) / window.length;
    inning = p.inning_number ?? inning;
    half = p.inning_half ?? half;
    return {
      play_id: p.play_id, play_hash: p.play_hash, inning_number: p.inning_number, inning_half: p.inning_half,
      excitement: p.excitement, key_moment: p.key_moment, rolling_avg_excitement: mean, game_inning: inning, game_half: half,
    };
  });
  return frame(dfd, rows, [
    "play_id", "play_hash", "inning_number", "inning_half", "excitement", "key_moment", "rolling_avg_excitement", "game_inning", "game_half",
  ]);
}

function pitchMixRows(dfd: Danfo, plays: readonly EnrichedPlay[], refs: ReferenceTables): PitchMixRow[] {
  const pitchers = new Map(refs.pitchers.map((p) => [p.pitcher_id, p.name]));
  const types = new Map(refs.pitchTypes.map((t) => [t.code as string, t.name]));
  const typed = plays
    .filter((p) => p.pitch_result !== null && pitchers.has(p.pitcher_id ?? NaN) && types.has(p.pitch_type_code ?? ""))
    .map((p) => ({ pitcher_id: p.pitcher_id, pitch_type_code: p.pitch_type_code, play_id: p.play_id }));
  const totals = new Map(groupRows(dfd, typed, ["pitcher_id"], { play_id: "count" }).map((r) => [r.pitcher_id, r.play_id_count as number]));
  return groupRows(dfd, typed, ["pitcher_id", "pitch_type_code"], { play_id: "count" })
    .map((r) => {
      const id = r.pitcher_id as number;
      const code = r.pitch_type_code as string;
      const n = r.play_id_count as number;
      return { pitcher_id: id, pitcher_name: pitchers.get(id)!, pitch_type_code: code, pitch_type_name: types.get(code)!, pitches: n, share: n / totals.get(id)! };
    })
    .sort((a, b) => a.pitcher_id - b.pitcher_id || b.pitches - a.pitches || (a.pitch_type_code < b.pitch_type_code ? -1 : 1));
}

/** Pitcher × pitch type counts and shares; see `pitchMix`. */
export async function pitchMixFrame(plays: readonly EnrichedPlay[], refs: ReferenceTables): Promise<DataFrame> {
  const dfd = await loadDanfo();
  return frame(dfd, pitchMixRows(dfd, plays, refs), ["pitcher_id", "pitcher_name", "pitch_type_code", "pitch_type_name", "pitches", "share"]);
}

/** Per pitcher: pitch count, average velocity, most frequent pitch; see `pitcherStats`. */
export async function pitcherStatsFrame(plays: readonly EnrichedPlay[], refs: ReferenceTables): Promise<DataFrame> {
  const dfd = await loadDanfo();
  const names = new Map(refs.pitchers.map((p) => [p.pitcher_id, p.name]));
  const pitches = plays.filter((p) => p.pitch_result !== null && names.has(p.pitcher_id ?? NaN));
  const counts = groupRows(dfd, pitches.map((p) => ({ pitcher_id: p.pitcher_id, play_id: p.play_id })), ["pitcher_id"], { play_id: "count" });
  // danfo counts and averages nulls as values, so pitches without a speed are left out first.
  const timed = pitches.filter((p) => p.pitch_velocity_mph !== null).map((p) => ({ pitcher_id: p.pitcher_id, mph: p.pitch_velocity_mph }));
  const speed = new Map(groupRows(dfd, timed, ["pitcher_id"], { mph: "mean" }).map((r) => [r.pitcher_id, r.mph_mean as number]));
  const top = new Map<number, PitchMixRow>();
  for (const mix of pitchMixRows(dfd, pitches, refs)) if (!top.has(mix.pitcher_id)) top.set(mix.pitcher_id, mix);
  const rows: PitcherStatsRow[] = counts
    .map((r) => {
      const id = r.pitcher_id as number;
      const best = top.get(id);
      return {
        pitcher_id: id, name: names.get(id)!, pitch_count: r.play_id_count as number, avg_velocity_mph: speed.get(id) ?? null,
        most_frequent_pitch_code: best?.pitch_type_code ?? null, most_frequent_pitch_name: best?.pitch_type_name ?? null,
        most_frequent_pitch_count: best?.pitches ?? null,
      };
    })
    .sort((a, b) => b.pitch_count - a.pitch_count || a.pitcher_id - b.pitcher_id);
  return frame(dfd, rows, ["pitcher_id", "name", "pitch_count", "avg_velocity_mph", "most_frequent_pitch_code", "most_frequent_pitch_name", "most_frequent_pitch_count"]);
}

/** Per batter: pitches seen, balls, strikes, balls in play, contact rate; see `batterStats`. */
export async function batterStatsFrame(plays: readonly EnrichedPlay[], refs: ReferenceTables): Promise<DataFrame> {
  const dfd = await loadDanfo();
  const names = new Map(refs.batters.map((b) => [b.batter_id, b.name]));
  const flags = plays
    .filter((p) => p.pitch_result !== null && names.has(p.batter_id ?? NaN))
    .map((p) => {
      const r = p.pitch_result as string;
      return {
        batter_id: p.batter_id, play_id: p.play_id, ball: r === "Ball" ? 1 : 0, strike: STRIKE_RESULTS.includes(r) ? 1 : 0,
        in_play: p.ball_in_play === true ? 1 : 0, swing: SWING_RESULTS.includes(r) ? 1 : 0, contact: CONTACT_RESULTS.includes(r) ? 1 : 0,
      };
    });
  const grouped = groupRows(dfd, flags, ["batter_id"], { play_id: "count", ball: "sum", strike: "sum", in_play: "sum", swing: "sum", contact: "sum" });
  const rows: BatterStatsRow[] = grouped
    .map((g) => {
      const swings = g.swing_sum as number;
      const contacts = g.contact_sum as number;
      return {
        batter_id: g.batter_id as number, name: names.get(g.batter_id as number)!, pitches_seen: g.play_id_count as number,
        balls: g.ball_sum as number, strikes: g.strike_sum as number, balls_in_play: g.in_play_sum as number,
        swings, contacts, contact_rate: swings === 0 ? null : contacts / swings,
      };
    })
    .sort((a, b) => b.pitches_seen - a.pitches_seen || a.batter_id - b.batter_id);
  return frame(dfd, rows, ["batter_id", "name", "pitches_seen", "balls", "strikes", "balls_in_play", "swings", "contacts", "contact_rate"]);
}
