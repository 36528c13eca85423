import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { enrichPlays } from "../../src/pipeline";
import { analyzePlays } from "../../src/transform";
import { validatePlays } from "../../src/validate";
import { PITCH_TYPE_TABLE, readGame } from "./fixtures/reading";

// Three outs end a half even when the commentary never said which inning it is (a game joined in progress).
// New sentences, written for this test.
const refs: ReferenceTables = {
  pitchers: [{ pitcher_id: 1, name: "Wes Ambrose", team: "Larks", throws: "R" }],
  batters: [
    { batter_id: 13, name: "Kofi Mensah", team: "Moles", position: "SS", bats: "R" },
    { batter_id: 14, name: "Eli Brandt", team: "Moles", position: "LF", bats: "L" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const TEXTS = [
  "Two outs now, nobody on. Ambrose gets ahead of Mensah with a fastball at 93 for a called strike.",
  "Ambrose comes back with a slider at 84, and Mensah grounds it to short, who throws him out. That's the third out.",
  "Eli Brandt digs in. Ambrose starts him with a fastball at 92, low, ball one.",
];

describe("three outs with no inning known", () => {
  it("start the next half with no outs, and the rows after them pass the range check", () => {
    const { full, states, mappings } = readGame(refs, TEXTS, { prefix: "outs" });
    expect(full.map((r) => r.inning_number)).toEqual([null, null, null]);
    expect(states.map((s) => s.outs.value)).toEqual([2, 2, 0]);
    expect(states[2]!.outs.source).toBe("inferred");
    const enriched = enrichPlays(full, mappings, analyzePlays(full), refs);
    const outsReasons = validatePlays(enriched, refs).quarantined.flatMap((q) => q.reasons).filter((r) => r.field === "outs");
    expect(outsReasons).toEqual([]);
  });
});
