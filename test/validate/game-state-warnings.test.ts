import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnrichedPlay } from "../../src/domain";
import { readQualityResults, readQualityWarnings, writeQualityReport } from "../../src/load";
import { validatePlays } from "../../src/validate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { makePlay, REFS } from "./fixtures";

/**
 * One plate appearance, Rivera to Cruz: ball, ball, then a row whose "pre-pitch" count is the count the text
 * gave *after* the pitch (2-1 on a strike thrown at 2-0). Every row is well-formed; only the running game state
 * shows the third one contradicts the rows before it.
 */
function plateAppearance(countSaidAfter: boolean): EnrichedPlay[] {
  const pitch = (play_id: number, pre: [number, number], post: [number, number], pitch_result: EnrichedPlay["pitch_result"]) =>
    makePlay({
      play_id, playbyplay: `Pitch ${play_id} of the at-bat: Rivera to Cruz.`, pitch_result,
      pre_pitch_balls: pre[0], pre_pitch_strikes: pre[1], post_pitch_balls: post[0], post_pitch_strikes: post[1],
    });
  return [
    pitch(1, [0, 0], [1, 0], "Ball"),
    pitch(2, [1, 0], [2, 0], "Ball"),
    countSaidAfter ? pitch(3, [2, 1], [2, 2], "Strike") : pitch(3, [2, 0], [2, 1], "Strike"),
  ];
}

describe("contradictions with the running game state are quality warnings, not failures", () => {
  it("a consistent plate appearance gives no warning", () => {
    const { report } = validatePlays(plateAppearance(false), REFS);
    expect(report.warnings).toEqual([]);
    expect(report.checks.find((c) => c.check === "game_state")).toMatchObject({ passed: 3, failed: 0, warned: 0 });
  });

  it("a count said after the pitch and read as the one before is flagged on its row, and the row still loads", () => {
    const { valid, quarantined, report } = validatePlays(plateAppearance(true), REFS);
    expect(quarantined).toEqual([]);
    expect(valid).toHaveLength(3);
    expect(report.warnings).toEqual([
      { check: "game_state", play_id: 3, field: "pre_pitch_balls", message: "2-1 is the count after the pitch (it was 2-0)" },
    ]);
    expect(report.checks.find((c) => c.check === "game_state")).toMatchObject({ passed: 2, failed: 0, warned: 1 });
  });

  it("can be turned off, and rejects a bad option by name", () => {
    const { report } = validatePlays(plateAppearance(true), REFS, { gameState: false });
    expect(report.checks.map((c) => c.check)).not.toContain("game_state");
    expect(() => validatePlays([], REFS, { gameState: "yes" as never })).toThrow(/gameState/);
  });
});

describe.each(DB_KINDS)("the run's stored quality report on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it("keeps the warned rows per check and what each warning said; a rewrite replaces them", async () => {
    await writeQualityReport(t.db, "warn-1", validatePlays(plateAppearance(true), REFS).report);
    expect((await readQualityResults(t.db, "warn-1")).find((q) => q.check_name === "game_state")).toMatchObject({ passed: 2, failed: 0, warned: 1 });
    expect(await readQualityWarnings(t.db, "warn-1")).toEqual([
      { check: "game_state", play_id: 3, field: "pre_pitch_balls", message: "2-1 is the count after the pitch (it was 2-0)" },
    ]);
    await writeQualityReport(t.db, "warn-1", validatePlays(plateAppearance(false), REFS).report);
    expect(await readQualityWarnings(t.db, "warn-1")).toEqual([]);
    expect((await readQualityResults(t.db, "warn-1")).find((q) => q.check_name === "game_state")).toMatchObject({ warned: 0 });
  });
});
