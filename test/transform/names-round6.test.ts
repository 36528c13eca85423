import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, nameReaders } from "./fixtures/reading";

// Round six of the name readers: ways of calling a game that named the wrong man, each rule written on sentences of
// our own (several phrasings per rule, none a sentence of a test set).
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Otis Fenwick", team: "Herons", throws: "R" },
    { pitcher_id: 2, name: "Abel Quiroz", team: "Herons", throws: "L" },
    { pitcher_id: 3, name: "Lars Hegedus", team: "Stags", throws: "R" },
    { pitcher_id: 4, name: "Ken Morimoto", team: "Stags", throws: "R" },
  ],
  batters: [
    { batter_id: 11, name: "Ken Morimoto", team: "Stags", position: "DH", bats: "L" },
    { batter_id: 12, name: "Tito Arrieta", team: "Stags", position: "C", bats: "R" },
    { batter_id: 13, name: "Bram Kessler", team: "Stags", position: "SS", bats: "R" },
    { batter_id: 14, name: "Joel Arrieta", team: "Herons", position: "SS", bats: "L" },
    { batter_id: 21, name: "Dion Pruitt", team: "Herons", position: "CF", bats: "L" },
    { batter_id: 22, name: "Hank Solberg", team: "Herons", position: "C", bats: "R" },
    { batter_id: 23, name: "Rafa Ocampo", team: "Herons", position: "1B", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const { batter, pitcher } = nameReaders(refs, ["herons", "stags"]);

describe("a paragraph summing up a half or the game names no one at work", () => {
  it.each([
    "After six full, Herons 3, Stags 1. Pruitt's double did the damage. Hegedus is up to 88 pitches.",
    "Middle of the fourth, still one-nothing. Fenwick stranded two and has thrown 61.",
    "Through seven and a half it's 4-4. Quiroz gave up the tying run on a wild pitch.",
    "After eight, the Stags lead by two. Kessler walked twice; Hegedus struck out the side.",
    "Final from the lakefront: Herons 5, Stags 2. Fenwick went eight, Ocampo homered twice.",
    "Final: Stags 6, Herons 3. Morimoto pitched into the seventh and drove in two.",
  ])("%s", (text) => {
    expect(pitcher(text)).toBeNull();
    expect(batter(text)).toBeNull();
  });

  it("unless the pitcher is said to come in, or is visited on the mound", () => {
    expect(pitcher("Middle of the fifth, and Abel Quiroz comes in from the bullpen.")).toBe("Abel Quiroz");
    expect(pitcher("End of the sixth, and the pitching coach goes out to talk to Fenwick.")).toBe("Fenwick");
  });
});
