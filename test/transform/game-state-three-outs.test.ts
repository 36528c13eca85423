import { describe, expect, it } from "vitest";
import { PITCH_TYPE_CODES, PITCH_TYPE_NAMES, type CanonicalMapping, type RawPlay, type ReferenceTables } from "../../src/domain";
import { RuleExtractor } from "../../src/transform";
import { createCanonicalMapper } from "../../src/transform/canonical-mapper";
import { readGameState } from "../../src/transform/state/game-state-reader";
import { validatePlays } from "../../src/validate";
import { enrichPlays } from "../../src/pipeline";
import { analyzePlays } from "../../src/transform";

// Three outs end a half even when the commentary never said which inning it is (a game joined in progress).
// New sentences, written for this test.
const refs: ReferenceTables = {
  pitchers: [{ pitcher_id: 1, name: "Wes Ambrose", team: "Larks", throws: "R" }],
  batters: [
    { batter_id: 13, name: "Kofi Mensah", team: "Moles", position: "SS", bats: "R" },
    { batter_id: 14, name: "Eli Brandt", team: "Moles", position: "LF", bats: "L" },
  ],
  pitchTypes: PITCH_TYPE_CODES.map((code) => ({ code, name: PITCH_TYPE_NAMES[code] })),
};
const TEXTS = [
  "Two outs now, nobody on. Ambrose gets ahead of Mensah with a fastball at 93 for a called strike.",
  "Ambrose comes back with a slider at 84, and Mensah grounds it to short, who throws him out. That's the third out.",
  "Eli Brandt digs in. Ambrose starts him with a fastball at 92, low, ball one.",
];

describe("three outs with no inning known", () => {
  it("start the next half with no outs, and the rows after them pass the range check", () => {
    const rows: RawPlay[] = TEXTS.map((t, i) => ({ play_id: i + 1, play_hash: `outs-${i}`, playbyplay: t, line: i + 2 }));
    const extracted = new RuleExtractor({ references: refs, onWarning: () => {} }).extract(rows);
    const full = rows.map((p) => ({ ...p, ...extracted.get(p.play_hash)! }));
    expect(full.map((r) => r.inning_number)).toEqual([null, null, null]);
    const mapper = createCanonicalMapper(refs);
    const mappings = new Map<string, CanonicalMapping>(full.map((r) => [r.play_hash, mapper.map(r)]));
    const { states } = readGameState(full, mappings, refs);
    expect(states.map((s) => s.outs.value)).toEqual([2, 2, 0]);
    expect(states[2]!.outs.source).toBe("inferred");
    const enriched = enrichPlays(full, mappings, analyzePlays(full), refs);
    const outsReasons = validatePlays(enriched, refs).quarantined.flatMap((q) => q.reasons).filter((r) => r.field === "outs");
    expect(outsReasons).toEqual([]);
  });
});
