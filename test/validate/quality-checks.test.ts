import { describe, expect, it } from "vitest";
import { validatePlays, type CheckName } from "../../src/validate";
import type { EnrichedPlay } from "../../src/domain";
import { makePlay, REFS, syntheticGame } from "./fixtures";

function reasonsOf(play: EnrichedPlay) {
  const { quarantined } = validatePlays([play], REFS);
  return quarantined[0]?.reasons.map((r) => `${r.check}:${r.field}`) ?? [];
}

describe("validatePlays quarantines bad rows with named reasons", () => {
  it("passes a clean game and reports every check", () => {
    const plays = syntheticGame(120);
    const { valid, quarantined, report } = validatePlays(plays, REFS);
    expect(quarantined).toEqual([]);
    expect(valid).toHaveLength(120);
    expect(report.checks.map((c) => c.check)).toEqual<CheckName[]>(["schema", "content", "domain", "consistency", "referential", "uniqueness", "game_state"]);
    const consistency = report.checks.find((c) => c.check === "consistency")!;
    expect(consistency.failed).toBe(0);
    // Inning-start rows have no count, so consistency skips them instead of passing them.
    expect(consistency.skipped).toBe(plays.filter((p) => p.pitch_result === null).length);
  });

  it.each<[string, Partial<EnrichedPlay>, string[]]>([
    ["outs = 3", { outs: 3 }, ["domain:outs"]],
    ["inning 0", { inning_number: 0 }, ["domain:inning_number"]],
    ["4 balls before the pitch", { pre_pitch_balls: 4, post_pitch_balls: 4 }, ["domain:pre_pitch_balls"]],
    ["velocity 140 mph", { pitch_velocity_mph: 140 }, ["domain:pitch_velocity_mph"]],
    ["excitement 11", { excitement: 11 }, ["schema:excitement"]],
    ["ball_in_play on a ball", { ball_in_play: true }, ["domain:ball_in_play"]],
    ["runners written loosely", { runners_on_base: "first and third" }, ["domain:runners_on_base"]],
    ["a ball that does not add a ball", { post_pitch_balls: 0 }, ["consistency:post_pitch_balls"]],
    ["a two-strike foul that adds a strike", { pitch_result: "Foul", pre_pitch_strikes: 2, post_pitch_balls: 0, post_pitch_strikes: 3 }, ["consistency:post_pitch_strikes"]],
    ["an unknown pitcher_id", { pitcher_id: 999 }, ["referential:pitcher_id"]],
    ["a batter named but not mapped", { batter_id: null, batter_confidence: null }, ["referential:batter_id"]],
    ["a pitch type written but not mapped", { pitch_type_code: null, pitch_type_name: null }, ["referential:pitch_type_code"]],
    ["a pitch type name that disagrees with its code", { pitch_type_name: "Sinker" }, ["referential:pitch_type_name"]],
    ["an unknown pitch_result", { pitch_result: "Balk" as never }, ["schema:pitch_result"]],
  ])("%s", (_label, overrides, expected) => {
    expect(reasonsOf(makePlay(overrides))).toEqual(expected);
  });

  it("accepts the count rules at their edges", () => {
    const edges: Partial<EnrichedPlay>[] = [
      { pre_pitch_balls: 3, pre_pitch_strikes: 1, post_pitch_balls: 4, post_pitch_strikes: 1 }, // walk reads 4
      { pitch_result: "Swing and miss", pre_pitch_strikes: 2, post_pitch_balls: 0, post_pitch_strikes: 3 }, // strikeout reads 3
      { pitch_result: "Foul", pre_pitch_strikes: 2, post_pitch_balls: 0, post_pitch_strikes: 2 },
      { pitch_result: "In play - hit", ball_in_play: true, pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 2, post_pitch_strikes: 1 },
      { pitch_result: "Hit by pitch", pre_pitch_balls: 1, post_pitch_balls: 1 },
    ];
    const { valid, quarantined } = validatePlays(edges.map((o, i) => makePlay({ play_id: i + 1, ...o })), REFS);
    expect(quarantined.map((q) => q.reasons)).toEqual([]);
    expect(valid).toHaveLength(5);
  });

  it("lists every reason of a row that breaks several rules", () => {
    expect(reasonsOf(makePlay({ outs: 5, pitcher_id: 7, post_pitch_strikes: 2 }))).toEqual([
      "domain:outs", "consistency:post_pitch_strikes", "referential:pitcher_id",
    ]);
  });

  it("quarantines the second occurrence of a play_hash and keeps the first", () => {
    const first = makePlay({ play_id: 1 });
    const repeat = { ...first, play_id: 2, line: 3 };
    const { valid, quarantined, report } = validatePlays([first, repeat], REFS);
    expect(valid.map((p) => p.play_id)).toEqual([1]);
    expect(quarantined[0]!.play.play_id).toBe(2);
    expect(quarantined[0]!.reasons[0]).toMatchObject({ check: "uniqueness", field: "play_hash" });
    expect(report.checks.find((c) => c.check === "uniqueness")).toMatchObject({ passed: 1, failed: 1 });
  });

  it("never throws on garbage: rows in = valid + quarantined", () => {
    const garbage = [null, 42, { play_id: "x" }, makePlay({ play_id: 9 })] as unknown as EnrichedPlay[];
    const { valid, quarantined, report } = validatePlays(garbage, REFS);
    expect(valid.length + quarantined.length).toBe(4);
    expect(report).toMatchObject({ rows: 4, valid: 1, quarantined: 3 });
    expect(quarantined.every((q) => q.reasons.length > 0 && q.step === "validate")).toBe(true);
  });

  it("rejects a bad option by name", () => {
    expect(() => validatePlays([], REFS, { step: "" })).toThrow(/`step`/);
  });
});
