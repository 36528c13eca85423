import type { CostRow, FieldAccuracy, PitchInningRow, QualityCheckRow, TaskSpan } from "../../src/charts";
import type { BatterStatsRow, ExcitementPoint, PitchMixRow, PitcherStatsRow } from "../../src/summarize/analysis-rows";

// The player and excitement fixtures are summarize's own row types, so these
// tests also prove that analysis rows pass straight into the chart builders.

const excitementOf = (i: number) => 0.3 + 0.25 * Math.sin(i / 8) + (i % 11 === 0 ? 0.3 : 0);

/** 90 plays over 9 innings; every 20th play (from the 7th) is a key moment. */
export const excitement: ExcitementPoint[] = Array.from({ length: 90 }, (_, i) => {
  const window = Array.from({ length: Math.min(i + 1, 10) }, (_, k) => excitementOf(i - k));
  const inning = 1 + Math.floor(i / 10);
  const half = i % 10 < 5 ? "Top" : "Bottom";
  return {
    play_id: i + 1,
    play_hash: `hash-${i + 1}`,
    inning_number: inning,
    inning_half: half,
    game_inning: inning,
    game_half: half,
    excitement: excitementOf(i),
    key_moment: i % 20 === 7,
    rolling_avg_excitement: window.reduce((a, b) => a + b, 0) / window.length,
  };
});
export const keyMomentCount = excitement.filter((p) => p.key_moment).length;

/** The same game where the commentary never stated the inning of the first play nor of three plays inside inning 5. */
export const excitementWithUnknownInnings: ExcitementPoint[] = excitement.map((p, i) => {
  if (i === 0) return { ...p, inning_number: null, inning_half: null, game_inning: null, game_half: null };
  return i >= 43 && i <= 45 ? { ...p, inning_number: null, inning_half: null } : p;
});

/** Three pitchers with a speed, and a position player who pitched once with none. */
export const pitchers: PitcherStatsRow[] = [
  { pitcher_id: 1, name: "A. Ace", pitch_count: 104, avg_velocity_mph: 94.2, most_frequent_pitch_code: "FF", most_frequent_pitch_name: "Four-seam fastball", most_frequent_pitch_count: 50 },
  { pitcher_id: 2, name: "B. Bullpen", pitch_count: 31, avg_velocity_mph: 96.8, most_frequent_pitch_code: "SI", most_frequent_pitch_name: "Sinker", most_frequent_pitch_count: 20 },
  { pitcher_id: 3, name: "C. Closer", pitch_count: 18, avg_velocity_mph: 98.1, most_frequent_pitch_code: "SL", most_frequent_pitch_name: "Slider", most_frequent_pitch_count: 11 },
  { pitcher_id: 4, name: "D. Utility", pitch_count: 1, avg_velocity_mph: null, most_frequent_pitch_code: null, most_frequent_pitch_name: null, most_frequent_pitch_count: null },
];

export const batters: BatterStatsRow[] = [
  { batter_id: 10, name: "D. Lead-off", pitches_seen: 22, balls: 9, strikes: 8, balls_in_play: 5, swings: 11, contacts: 9, contact_rate: 0.82 },
  { batter_id: 11, name: "E. Slugger", pitches_seen: 18, balls: 6, strikes: 9, balls_in_play: 3, swings: 11, contacts: 7, contact_rate: 0.64 },
  { batter_id: 12, name: "F. Catcher", pitches_seen: 12, balls: 4, strikes: 5, balls_in_play: 3, swings: 6, contacts: 4, contact_rate: 0.67 },
  { batter_id: 13, name: "G. Rookie", pitches_seen: 9, balls: 3, strikes: 6, balls_in_play: 0, swings: 0, contacts: 0, contact_rate: null },
];

export const pitchMix: PitchMixRow[] = [
  { pitcher_id: 1, pitcher_name: "A. Ace", pitch_type_code: "FF", pitch_type_name: "Four-seam fastball", pitches: 50, share: 50 / 104 },
  { pitcher_id: 1, pitcher_name: "A. Ace", pitch_type_code: "SL", pitch_type_name: "Slider", pitches: 30, share: 30 / 104 },
  { pitcher_id: 1, pitcher_name: "A. Ace", pitch_type_code: "CH", pitch_type_name: "Changeup", pitches: 24, share: 24 / 104 },
  { pitcher_id: 2, pitcher_name: "B. Bullpen", pitch_type_code: "SI", pitch_type_name: "Sinker", pitches: 20, share: 20 / 31 },
  { pitcher_id: 2, pitcher_name: "B. Bullpen", pitch_type_code: "SL", pitch_type_name: "Slider", pitches: 11, share: 11 / 31 },
];

export const pitchByInning: PitchInningRow[] = [1, 2, 3, 4].flatMap((inning) => [
  { inning_number: inning, pitch_type_name: "Four-seam fastball", pitches: 10 + inning },
  { inning_number: inning, pitch_type_name: "Slider", pitches: 8 - inning },
  { inning_number: inning, pitch_type_name: "Changeup", pitches: inning * 2 },
]);

const at = (s: number) => new Date(Date.UTC(2024, 4, 1, 12, 0, s)).toISOString();
/** Five task attempts: "extract" failed once, was retried and succeeded. */
export const taskSpans: TaskSpan[] = [
  { task: "read_csv", attempt: 1, start: at(0), end: at(1), state: "success" },
  { task: "extract", attempt: 1, start: at(1), end: at(3), state: "retried" },
  { task: "extract", attempt: 2, start: at(4), end: at(9), state: "success" },
  { task: "validate", attempt: 1, start: at(9), end: at(10), state: "failed" },
  { task: "load", attempt: 1, start: new Date(Date.UTC(2024, 4, 1, 12, 0, 10)), end: at(10), state: "skipped" },
];

export const costs: CostRow[] = [
  { step: "extract", model: "gpt-4o-mini", usd: 0.042, kind: "forecast" },
  { step: "extract", model: "gpt-4o-mini", usd: 0.037, kind: "actual" },
  { step: "summarize", model: "gpt-4o", usd: 0.015, kind: "forecast" },
  { step: "summarize", model: "gpt-4o", usd: 0.021, kind: "actual" },
];

export const qualityChecks: QualityCheckRow[] = [
  { check: "play_id unique", passed: 729, failed: 0 },
  { check: "inning in 1..12", passed: 725, failed: 4 },
  { check: "speed plausible", passed: 700, failed: 29 },
];

export const fieldAccuracy: FieldAccuracy[] = [
  { field: "pitch_type", accuracy: 0.97 },
  { field: "speed_mph", accuracy: 0.99 },
  { field: "outcome", accuracy: 0.91 },
];
