import { describe, expect, it } from "vitest";
import { emptyExtraction, type EnrichedPlay } from "../../src/domain";
import { playHash } from "../../src/extract";
import { validatePlays } from "../../src/validate";
import { groundTruthGame, makePlay, REFS } from "./fixtures";

/** A row as the pipeline builds it when nothing at all could be read from the text. */
function emptyRow(play_id: number, playbyplay: string): EnrichedPlay {
  return makePlay({
    play_id, playbyplay, play_hash: playHash(playbyplay), ...emptyExtraction(),
    pitcher_id: null, pitcher_confidence: null, batter_id: null, batter_confidence: null,
    pitch_type_code: null, pitch_type_name: null, pitch_type_confidence: null, key_moment: false, excitement: 1,
  });
}

describe("content check: a row must say something about the game", () => {
  it("quarantines a row with no field and no baseball in its text, naming the check", () => {
    const { valid, quarantined, report } = validatePlays([makePlay({ play_id: 1 }), emptyRow(2, "Pure gibberish with no baseball in it")], REFS);
    expect(valid.map((p) => p.play_id)).toEqual([1]);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.play.play_id).toBe(2);
    expect(quarantined[0]!.reasons).toEqual([expect.objectContaining({ check: "content", field: "playbyplay" })]);
    expect(quarantined[0]!.reasons[0]!.message).toMatch(/not a play/);
    expect(report.checks.find((c) => c.check === "content")).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
  });

  it("keeps a colour paragraph between pitches that reads as baseball though no field is set", () => {
    const row = emptyRow(3, "Time out, and the catcher jogs out to the mound for a word with his pitcher.");
    const { valid, report } = validatePlays([row], REFS);
    expect(valid).toHaveLength(1);
    expect(report.checks.find((c) => c.check === "content")).toMatchObject({ passed: 0, failed: 0, skipped: 1 });
  });

  it("passes a row with a single field read, whatever its words", () => {
    const row = { ...emptyRow(4, "Lorem ipsum dolor sit amet."), outs: 1 };
    expect(validatePlays([row], REFS).quarantined).toEqual([]);
  });

  const game = groundTruthGame();
  it.runIf(game !== null)("passes all 729 rows of the ground truth, the all-null mound visit as a skip", () => {
    const { plays, refs } = game!;
    const { valid, quarantined, report } = validatePlays(plays, refs);
    expect(quarantined.map((q) => q.reasons)).toEqual([]);
    expect(valid).toHaveLength(729);
    expect(report.checks.find((c) => c.check === "content")).toMatchObject({ passed: 728, failed: 0, skipped: 1 });
  });
});
