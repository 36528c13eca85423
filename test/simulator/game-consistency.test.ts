import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import type { GroundTruthRow } from "../../src/domain";
import { readGroundTruth } from "../../src/extract";
import { generateDataset } from "../../scripts/simulator/dataset";
import type { PitchEvent } from "../../scripts/simulator/game-state";

const truth = readGroundTruth(path.join(findProjectRoot(), "data"));
const { events } = generateDataset();
const pitches = events.filter((e): e is PitchEvent => e.kind === "pitch");

describe("the game behind the dataset", () => {
  it("advances every count correctly: walks at ball four, strikeouts at strike three", () => {
    let balls = 0;
    let strikes = 0;
    for (const p of pitches) {
      expect([p.balls, p.strikes]).toEqual([balls, strikes]);
      if (p.outcome !== null) {
        if (p.outcome === "walk") expect([p.result, p.balls]).toEqual(["Ball", 3]);
        if (p.outcome.startsWith("strikeout")) expect(p.strikes).toBe(2);
        balls = 0;
        strikes = 0;
      } else if (p.result === "Ball") balls++;
      else if (p.result !== "Foul" || strikes < 2) strikes++;
      expect(balls).toBeLessThan(4);
      expect(strikes).toBeLessThan(3);
    }
  });

  it("ends each half-inning at three outs, with outs 0–2 before every pitch and a score that never goes down", () => {
    let prev = { home: 0, away: 0 };
    for (let i = 0; i < pitches.length; i++) {
      const p = pitches[i]!;
      expect(p.outs).toBeGreaterThanOrEqual(0);
      expect(p.outs).toBeLessThanOrEqual(2);
      expect(p.score.home).toBeGreaterThanOrEqual(prev.home);
      expect(p.score.away).toBeGreaterThanOrEqual(prev.away);
      expect(p.scoreAfter.home - p.score.home + p.scoreAfter.away - p.score.away).toBe(p.runsScored);
      prev = p.scoreAfter;
      const next = pitches[i + 1];
      if (!next) break;
      const sameHalf = next.inning === p.inning && next.half === p.half;
      expect(sameHalf, `pitch ${i}: ${p.outsAfter} outs after, next in ${next.half} ${next.inning}`).toBe(p.outsAfter < 3);
      if (sameHalf) expect(next.outs).toBe(p.outsAfter);
      if (sameHalf) expect(next.score).toEqual(p.scoreAfter);
    }
  });

  it("goes to extra innings and ends by the rules: the winner leads and the last pitch ends it", () => {
    const last = pitches[pitches.length - 1]!;
    expect(last.inning).toBeGreaterThanOrEqual(10);
    expect(last.endsGame).toBe(true);
    expect(last.scoreAfter.home).not.toBe(last.scoreAfter.away);
    if (last.half === "Bottom" && last.outsAfter < 3) expect(last.scoreAfter.home).toBe(last.scoreAfter.away + 1);
    const final = truth[truth.length - 1]!;
    expect(final.event_kind).toBe("game_end");
    expect([final.score_home, final.score_away]).toEqual([last.scoreAfter.home, last.scoreAfter.away]);
  });

  it("changes pitchers, and every pitch of a half-inning is thrown by that side's pitchers", () => {
    expect(truth.filter((r) => r.event_kind === "pitching_change").length).toBeGreaterThanOrEqual(6);
    for (const p of pitches) expect(p.pitcherId < 108).toBe(p.half === "Top");
  });
});

describe("the ground truth", () => {
  const pitchRows = truth.filter((r) => r.event_kind === "pitch");
  const others = truth.filter((r) => r.event_kind !== "pitch");

  it("has a quarter to a third of rows that are not pitches", () => {
    const share = others.length / truth.length;
    expect(share).toBeGreaterThanOrEqual(0.25);
    expect(share).toBeLessThanOrEqual(0.33);
  });

  it("derives the post-pitch count from the pre-pitch count and the result", () => {
    for (const r of pitchRows) {
      if (r.pre_pitch_balls === null || r.pre_pitch_strikes === null) {
        expect([r.post_pitch_balls, r.post_pitch_strikes]).toEqual([null, null]);
        continue;
      }
      const b = r.pre_pitch_balls;
      const s = r.pre_pitch_strikes;
      const expected: Record<string, [number, number]> = {
        Ball: [b + 1, s], Strike: [b, s + 1], "Swing and miss": [b, s + 1], Foul: [b, Math.min(2, s + 1)],
        "In play - out": [b, s], "In play - hit": [b, s], "Hit by pitch": [b, s],
      };
      expect([r.post_pitch_balls, r.post_pitch_strikes]).toEqual(expected[r.pitch_result!]);
      expect(r.post_pitch_balls!).toBeLessThanOrEqual(4);
      expect(r.post_pitch_strikes!).toBeLessThanOrEqual(3);
    }
  });

  it("marks balls in play only on pitch rows, and leaves every pitch field null elsewhere", () => {
    for (const r of pitchRows) expect(r.ball_in_play).toBe(r.pitch_result === "In play - out" || r.pitch_result === "In play - hit");
    const pitchFields: (keyof GroundTruthRow)[] = ["pre_pitch_balls", "pre_pitch_strikes", "post_pitch_balls", "post_pitch_strikes", "pitch_type", "pitch_velocity_mph", "pitch_result", "ball_in_play", "pitch_type_code"];
    for (const r of others) for (const f of pitchFields) expect(r[f], `${r.play_id} ${f}`).toBeNull();
  });

  it("agrees with the game wherever it states a fact", () => {
    truth.forEach((r, i) => {
      const e = events[i]!;
      expect(r.event_kind).toBe(e.kind);
      if (r.inning_number !== null) expect(r.inning_number).toBe(e.inning);
      if (r.inning_half !== null) expect(r.inning_half).toBe(e.half);
      if (r.outs !== null) expect(r.outs).toBe(e.outs);
      if (r.score_home !== null) expect([r.score_home, r.score_away]).toEqual([e.score.home, e.score.away]);
      if (e.kind === "pitch" && r.pre_pitch_balls !== null) expect([r.pre_pitch_balls, r.pre_pitch_strikes]).toEqual([e.balls, e.strikes]);
      if (e.kind === "pitch") expect(r.pitch_result).toBe(e.result);
    });
  });

  it("keeps excitement within 1–10 and marks the last pitch, home runs and lead changes as key moments", () => {
    for (const r of truth) expect(r.excitement >= 1 && r.excitement <= 10).toBe(true);
    const lastPitch = pitchRows[pitchRows.length - 1]!;
    expect(lastPitch.key_moment).toBe(true);
    expect(["final out", "walk-off"]).toContain(lastPitch.key_moment_reason);
    for (const r of truth) expect(r.key_moment).toBe(r.key_moment_reason !== null);
    const homers = pitches.filter((p) => p.outcome === "home_run").length;
    expect(truth.filter((r) => r.key_moment).length).toBeGreaterThanOrEqual(homers);
  });
});
