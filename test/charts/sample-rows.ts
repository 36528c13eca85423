import type {
  BatterStat,
  CostRow,
  ExcitementPoint,
  FieldAccuracy,
  PitchInningRow,
  PitchMixRow,
  PitcherStat,
  QualityCheckRow,
  TaskSpan,
} from "../../src/charts";

/** 90 plays over 9 innings; every 20th play (from the 7th) is a key moment. */
export const excitement: ExcitementPoint[] = Array.from({ length: 90 }, (_, i) => ({
  play_id: `play-${i + 1}`,
  inning_number: 1 + Math.floor(i / 10),
  inning_half: i % 10 < 5 ? "top" : "bottom",
  excitement: 0.3 + 0.25 * Math.sin(i / 8) + (i % 11 === 0 ? 0.3 : 0),
  key_moment: i % 20 === 7,
  label: `Key play ${i + 1}`,
}));
export const keyMomentCount = excitement.filter((p) => p.key_moment).length;

export const pitchers: PitcherStat[] = [
  { pitcher_id: 1, name: "A. Ace", pitches: 104, avg_velocity: 94.2, most_frequent_pitch: "Four-seam fastball" },
  { pitcher_id: 2, name: "B. Bullpen", pitches: 31, avg_velocity: 96.8, most_frequent_pitch: "Sinker" },
  { pitcher_id: 3, name: "C. Closer", pitches: 18, avg_velocity: 98.1, most_frequent_pitch: "Slider" },
];

export const batters: BatterStat[] = [
  { batter_id: 10, name: "D. Lead-off", pitches_seen: 22, balls: 9, strikes: 8, balls_in_play: 5, contact_rate: 0.81 },
  { batter_id: 11, name: "E. Slugger", pitches_seen: 18, balls: 6, strikes: 9, balls_in_play: 3, contact_rate: 0.64 },
  { batter_id: 12, name: "F. Catcher", pitches_seen: 12, balls: 4, strikes: 5, balls_in_play: 3, contact_rate: 0.7 },
  { batter_id: 13, name: "G. Rookie", pitches_seen: 9, balls: 2, strikes: 6, balls_in_play: 1, contact_rate: null },
];

export const pitchMix: PitchMixRow[] = [
  { pitcher: "A. Ace", pitch_type_code: "FF", pitch_type_name: "Four-seam fastball", pitches: 50 },
  { pitcher: "A. Ace", pitch_type_code: "SL", pitch_type_name: "Slider", pitches: 30 },
  { pitcher: "A. Ace", pitch_type_code: "CH", pitch_type_name: "Changeup", pitches: 24 },
  { pitcher: "B. Bullpen", pitch_type_code: "SI", pitch_type_name: "Sinker", pitches: 20 },
  { pitcher: "B. Bullpen", pitch_type_code: "SL", pitch_type_name: "Slider", pitches: 11 },
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
