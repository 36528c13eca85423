import { existsSync } from "node:fs";
import path from "node:path";
import { PITCH_TYPE_CODES, PITCH_TYPE_NAMES, type EnrichedPlay, type PitchResult, type ReferenceTables } from "../../src/domain";
import { findProjectRoot } from "../../src/config";
import { playHash, readPlays } from "../../src/extract";
import { readGroundTruth, readReferenceTables } from "../../src/extract/reference-reader";
import { expectedPostCount } from "../../src/validate";

/** Small reference tables for hand-built plays. */
export const REFS: ReferenceTables = {
  pitchers: [
    { pitcher_id: 101, name: "Sam Rivera", team: "HOME", throws: "R" },
    { pitcher_id: 102, name: "Lee Park", team: "AWAY", throws: "L" },
    { pitcher_id: 103, name: "Jo Banks", team: "AWAY", throws: "R" },
  ],
  batters: [
    { batter_id: 201, name: "Ana Cruz", team: "AWAY", position: "SS", bats: "R" },
    { batter_id: 202, name: "Ben Holt", team: "AWAY", position: "CF", bats: "L" },
    { batter_id: 203, name: "Cy Moore", team: "HOME", position: "1B", bats: "S" },
    { batter_id: 204, name: "Dee Ward", team: "HOME", position: "C", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_CODES.map((code) => ({ code, name: PITCH_TYPE_NAMES[code] })),
};

/** A valid pitch row; override any field. */
export function makePlay(overrides: Partial<EnrichedPlay> = {}): EnrichedPlay {
  const play_id = overrides.play_id ?? 1;
  const playbyplay = overrides.playbyplay ?? `Pitch number ${play_id}: Rivera deals a slider to Cruz, taken for a ball.`;
  return {
    play_id, play_hash: playHash(playbyplay), playbyplay, line: play_id + 1,
    inning_number: 1, inning_half: "Top", outs: 0, score_home: 0, score_away: 0,
    pitcher_name: "Sam Rivera", batter_name: "Ana Cruz", runners_on_base: "None",
    pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1, post_pitch_strikes: 0,
    pitch_type: "slider", pitch_velocity_mph: 86.4, pitch_result: "Ball", ball_in_play: false,
    pitcher_id: 101, pitcher_confidence: "high", batter_id: 201, batter_confidence: "high",
    pitch_type_code: "SL", pitch_type_name: "Slider", pitch_type_confidence: "high",
    key_moment: false, excitement: 3,
    ...overrides,
  };
}

const RESULTS: PitchResult[] = ["Ball", "Ball", "Strike", "Foul", "Swing and miss", "In play - out", "In play - hit", "Hit by pitch"];

/** A deterministic synthetic game of `count` rows: at-bats with consistent counts, and an inning-start row now and then. */
export function syntheticGame(count: number, seed = 7): EnrichedPlay[] {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), Math.floor(state / 65536) % n);
  const plays: EnrichedPlay[] = [];
  let balls = 0, strikes = 0, batter = 0;
  for (let id = 1; id <= count; id++) {
    const inning = 1 + Math.floor(id / 40);
    if (id % 40 === 1) {
      plays.push(makePlay({
        play_id: id, playbyplay: `Inning ${inning} begins (row ${id}).`, inning_number: inning,
        outs: 0, pitcher_name: null, batter_name: null, runners_on_base: "None", pre_pitch_balls: null, pre_pitch_strikes: null,
        post_pitch_balls: null, post_pitch_strikes: null, pitch_type: null, pitch_velocity_mph: null, pitch_result: null,
        ball_in_play: null, pitcher_id: null, pitcher_confidence: null, batter_id: null, batter_confidence: null,
        pitch_type_code: null, pitch_type_name: null, pitch_type_confidence: null, excitement: 2,
      }));
      continue;
    }
    const pitcher = REFS.pitchers[Math.floor(id / 60) % 3]!;
    const hitter = REFS.batters[batter % 4]!;
    const code = PITCH_TYPE_CODES[rand(4) + (pitcher.pitcher_id - 101) * 2]!;
    const result = RESULTS[rand(RESULTS.length)]!;
    const post = expectedPostCount(balls, strikes, result);
    plays.push(makePlay({
      play_id: id, playbyplay: `Row ${id}: ${pitcher.name} to ${hitter.name}, ${code} ${result}.`,
      inning_number: inning, inning_half: id % 80 < 40 ? "Top" : "Bottom",
      pitcher_name: pitcher.name, pitcher_id: pitcher.pitcher_id, batter_name: hitter.name, batter_id: hitter.batter_id,
      pre_pitch_balls: balls, pre_pitch_strikes: strikes, post_pitch_balls: post.balls, post_pitch_strikes: post.strikes,
      pitch_type: PITCH_TYPE_NAMES[code].toLowerCase(), pitch_type_code: code, pitch_type_name: PITCH_TYPE_NAMES[code],
      pitch_velocity_mph: rand(7) === 0 ? null : 75 + rand(250) / 10, pitch_result: result,
      ball_in_play: result.startsWith("In play"), key_moment: result === "In play - hit", excitement: 1 + rand(10),
    }));
    const over = result.startsWith("In play") || result === "Hit by pitch" || post.balls === 4 || post.strikes === 3;
    if (over) { balls = 0; strikes = 0; batter++; } else { balls = post.balls; strikes = post.strikes; }
  }
  return plays;
}

/**
 * The project's game as enriched plays built from the ground truth (a perfect extractor's output)
 * joined with the CSV, or null when `data/` has not been generated.
 */
export function groundTruthGame(): { plays: EnrichedPlay[]; refs: ReferenceTables } | null {
  const dir = path.join(findProjectRoot(), "data");
  if (!existsSync(path.join(dir, "ground_truth.jsonl")) || !existsSync(path.join(dir, "playbyplay.csv"))) return null;
  const refs = readReferenceTables(dir);
  const truth = new Map(readGroundTruth(dir).map((row) => [row.play_id, row]));
  const names = new Map(refs.pitchTypes.map((t) => [t.code as string, t.name]));
  const plays = readPlays(path.join(dir, "playbyplay.csv")).plays.map((raw): EnrichedPlay => {
    const t = truth.get(raw.play_id)!;
    const { event_kind: _k, key_moment_reason: _r, play_id: _i, play_hash: _h, ...rest } = t;
    const confidence = (v: unknown) => (v === null ? null : ("high" as const));
    return {
      ...raw, ...rest,
      pitcher_confidence: confidence(t.pitcher_id), batter_confidence: confidence(t.batter_id),
      pitch_type_name: t.pitch_type_code === null ? null : names.get(t.pitch_type_code) ?? null,
      pitch_type_confidence: confidence(t.pitch_type_code),
    };
  });
  return { plays, refs };
}
