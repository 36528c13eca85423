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

describe("a fielder named by how he goes for the ball, or where he stands, is not the batter", () => {
  it.each([
    ["Two-one... bouncer up the middle, past a diving Kessler, and Pruitt has a base hit.", "Pruitt"],
    ["Line drive, over the leaping Kessler and into left for a hit.", null],
    ["High fly, shallow left. Kessler settles under it. Two away.", null],
    ["Chopper to the right side. Kessler was shaded that way, throws to first, one out.", null],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));

  it("a surname both sides share: the fielder settling under it is the other one", () => {
    expect(batter("Arrieta pops it up, and Joel Arrieta settles under it at short.")).toBe("Arrieta");
  });
});

describe("the catcher blocking a pitch, or standing up for an intentional ball, is not the batter", () => {
  it.each([
    "Oh-and-one, a curve in the dirt... Solberg blocks. Nobody moves.",
    "Splitter short, and Solberg blocks, keeps everybody where they are.",
    "Solberg stands and steps out to the side. Ball one, wide.",
    "They'll put him on. Solberg stands up, and the first one is lobbed way outside.",
  ])("%s", (text) => expect(batter(text)).toBeNull());
});

describe("a runner getting back to the bag, or taking his lead, is not the batter", () => {
  it.each([
    ["Quiroz spins and throws over. Pruitt back standing up. Then the 1-1 to Ocampo, a changeup low.", "Ocampo"],
    ["Two throws to first, and Pruitt's back both times. The 0-0 to Solberg, a fastball, taken for a strike.", "Solberg"],
    ["Ball two, in the dirt. Pruitt and Ocampo both with big leads.", null],
    ["Fenwick from the stretch, Kessler and Morimoto with long leads. Slider, ball.", null],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));
});

describe("the man a count is thrown to is the batter, even running on his own hit", () => {
  it.each([
    ["Two-two to Pruitt... driven into the gap! Pruitt into second with a double.", "Pruitt"],
    ["The 3-1 to Ocampo, lined to right, and Ocampo takes second on the throw home. Ocampo into second standing.", "Ocampo"],
    ["Full count to Kessler... he lines it into the corner, and Kessler slides into third with a triple!", "Kessler"],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));
});

describe("a pronoun that opens a sentence is nobody's name", () => {
  it.each([
    "Ball one. \"You cannot chase that pitch with two on.\"",
    "Fastball, fouled back. You can't sit on the heater against him.",
    "Changeup, ball. \"Everyone swings at that one with two strikes.\"",
  ])("%s", (text) => expect(batter(text)).toBeNull());
});
