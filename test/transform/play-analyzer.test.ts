import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { emptyExtraction, type Extraction, type RawPlay } from "../../src/domain";
import { readGroundTruth, readPlays, readReferenceTables } from "../../src/extract";
import { analyzePlays, RuleExtractor } from "../../src/transform";

const row = (id: number, text: string, e: Partial<Extraction>): RawPlay & Extraction => ({
  play_id: id, play_hash: `h${id}`, playbyplay: text, line: id + 1, ...emptyExtraction(), ...e,
});
const pitch = { pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1, post_pitch_strikes: 0, pitch_result: "Ball" as const, ball_in_play: false };

describe("play analyzer", () => {
  it("marks a go-ahead home run late as a key moment and scores it above a first-inning ball", () => {
    const rows = [
      row(1, "First inning, ball one.", { ...pitch, inning_number: 1, score_home: 0, score_away: 0 }),
      row(2, "Bottom of the ninth, tied 2-2... he homers to left!", {
        inning_number: 9, inning_half: "Bottom", score_home: 2, score_away: 2, pre_pitch_balls: 1, pre_pitch_strikes: 1,
        post_pitch_balls: 1, post_pitch_strikes: 1, pitch_result: "In play - hit", ball_in_play: true,
      }),
      row(3, "The Herons lead 3-2.", { score_home: 3, score_away: 2 }),
    ];
    const [first, homer, after] = analyzePlays(rows);
    expect(homer!.key_moment).toBe(true);
    expect(homer!.excitement).toBeGreaterThanOrEqual(9);
    expect(first!.key_moment).toBe(false);
    expect(first!.excitement).toBeLessThan(homer!.excitement);
    expect(after!.excitement).toBeGreaterThanOrEqual(1);
  });

  it("treats a strikeout with a runner in scoring position as key, using runners stated on an earlier row", () => {
    const rows = [
      row(1, "A man on second, one out.", { runners_on_base: "2B", outs: 1 }),
      row(2, "Swings through it, strike three.", { pre_pitch_balls: 1, pre_pitch_strikes: 2, post_pitch_balls: 1, post_pitch_strikes: 3, pitch_result: "Swing and miss", ball_in_play: false }),
    ];
    expect(analyzePlays(rows)[1]!.key_moment).toBe(true);
  });

  it("returns one analysis per row, same order, within 1–10", () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i + 1, "Ball.", pitch));
    const out = analyzePlays(rows);
    expect(out).toHaveLength(5);
    for (const a of out) expect(a.excitement).toBeGreaterThanOrEqual(1);
  });

  it("does not call the last pitch of a partial input the final out", () => {
    const rows = [
      row(1, "Top of the first, nobody out.", { inning_number: 1, inning_half: "Top", score_home: 0, score_away: 0 }),
      row(2, "He takes it low for a ball.", pitch),
    ];
    expect(analyzePlays(rows)[1]).toEqual(analyzePlays([...rows, row(3, "Ball.", pitch)])[1]);
    expect(analyzePlays(rows)[1]!.key_moment).toBe(false);
  });

  it("calls the last pitch the final out when a later paragraph says the game is over", () => {
    const out = { ...pitch, post_pitch_balls: 0, pitch_result: "In play - out" as const, ball_in_play: true };
    const rows = [
      row(1, "Grounder to short, and the throw is in time.", out),
      row(2, "A quiet word between the managers at home plate.", {}),
      row(3, "And that's the ballgame! The Herons take the series.", {}),
    ];
    const [last, , wrap] = analyzePlays(rows);
    expect(last!.key_moment).toBe(true);
    expect(last!.excitement).toBeGreaterThan(analyzePlays(rows.slice(0, 1))[0]!.excitement);
    expect(wrap!.key_moment).toBe(false);
  });

  it("does not read a game ending into colour lines about a good ballgame or past titles", () => {
    const rows = [
      row(1, "He takes it low for a ball. What a ballgame! Neither club has won it all in thirty years.", pitch),
      row(2, "That ended the inning. What a ballgame we have tonight.", {}),
    ];
    expect(analyzePlays(rows).map((a) => a.key_moment)).toEqual([false, false]);
  });
});

const dataDir = path.join(findProjectRoot(), "data");
describe.runIf(existsSync(path.join(dataDir, "ground_truth.jsonl")))("play analyzer on the project's game", () => {
  const references = readReferenceTables(dataDir);
  const truth = new Map(readGroundTruth(dataDir).map((t) => [t.play_hash, t]));
  const { plays } = readPlays(path.join(dataDir, "playbyplay.csv"));
  const extracted = new RuleExtractor({ references }).extract(plays);
  const rows = plays.map((p) => ({ ...p, ...extracted.get(p.play_hash)! }));

  it("agrees with the truth at play 10 when only the first 10 rows are read", () => {
    const tenth = analyzePlays(rows.slice(0, 10))[9]!;
    const expected = truth.get(rows[9]!.play_hash)!;
    expect(expected.key_moment).toBe(false);
    expect(tenth.key_moment).toBe(false);
    expect(Math.abs(tenth.excitement - expected.excitement)).toBeLessThanOrEqual(2);
  });

  it("still marks the game's final out as a key moment over the full game", () => {
    const analysis = analyzePlays(rows);
    const lastPitch = rows.map((r) => r.pitch_result !== null).lastIndexOf(true);
    expect(truth.get(rows[lastPitch]!.play_hash)!.key_moment).toBe(true);
    expect(analysis[lastPitch]!.key_moment).toBe(true);
  });
});
