import { describe, expect, it } from "vitest";
import type { Extraction, ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, readGame } from "./fixtures/reading";

// Round eight of the game state: who is pitching and batting, carried from row to row. Each rule is written on
// sentences of our own (several phrasings per rule, none a sentence of a test set). Herons bat in the top, Voles in
// the bottom.
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Nils Aberg", team: "Herons", throws: "R" },
    { pitcher_id: 2, name: "Caspar Wendt", team: "Herons", throws: "L" },
    { pitcher_id: 3, name: "Lionel Pryce", team: "Voles", throws: "R" },
    { pitcher_id: 4, name: "Gideon Farrow", team: "Voles", throws: "L" },
  ],
  batters: [
    { batter_id: 11, name: "Arlo Kettering", team: "Herons", position: "CF", bats: "L" },
    { batter_id: 12, name: "Bastian Moreau", team: "Herons", position: "SS", bats: "R" },
    { batter_id: 13, name: "Cato Lindqvist", team: "Herons", position: "1B", bats: "L" },
    { batter_id: 14, name: "Dario Fenwick", team: "Herons", position: "C", bats: "R" },
    { batter_id: 15, name: "Evander Holt", team: "Herons", position: "PH", bats: "L" },
    { batter_id: 21, name: "Jasper Oyelaran", team: "Voles", position: "2B", bats: "R" },
    { batter_id: 22, name: "Konrad Villiers", team: "Voles", position: "3B", bats: "R" },
    { batter_id: 23, name: "Lucan Brightwater", team: "Voles", position: "1B", bats: "L" },
    { batter_id: 24, name: "Milo Sarrazin", team: "Voles", position: "C", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const read = (texts: string[], misread: Record<number, Partial<Extraction>> = {}) =>
  readGame(refs, texts, { prefix: "r8", teams: { home: "Voles", away: "Herons" }, misread });

describe("a half far ahead named in the middle of a half is an aside: the game skips no half", () => {
  it.each([
    ["Cato Lindqvist steps in. He hits into the bottom ten percent of the league in hard contact.", { inning_number: 10, inning_half: "Bottom" }],
    ["Cato Lindqvist steps in. Farrow is warming, and he could close the bottom of the 9th if it stays like this.", { inning_number: 9, inning_half: "Bottom" }],
    ["Cato Lindqvist steps in. They had him in the top of the 8th plan, says the skipper.", { inning_number: 8, inning_half: "Top" }],
  ] as const)("%s", (intro, misread) => {
    const { states } = read(["Top of the 3rd. Pryce deals to Moreau, and Moreau lines a single to left.", intro, "Pryce with a curve in the dirt. Ball one.", "Called strike on the corner."], { 1: misread });
    for (const s of states.slice(1)) expect(s).toMatchObject({ inning_number: { value: 3 }, inning_half: { value: "Top" }, pitcher_id: 3 });
    expect(states[2]).toMatchObject({ batter_id: 13 });
    expect(states[3]).toMatchObject({ batter_id: 13, outs: { value: 0 } });
  });

  it("but a half named by two rows running is where the game is", () => {
    const { states } = read(["Top of the 3rd. Pryce deals to Moreau, and Moreau lines a single to left.", "We pick it up in the bottom of the 5th.", "Bottom of the 5th, Oyelaran leads off.", "Aberg with a sinker. Ball one."]);
    expect(states[3]).toMatchObject({ inning_number: { value: 5 }, inning_half: { value: "Bottom" }, batter_id: 21 });
  });
});

describe("the next half named on the pitch that makes the third out looks ahead: the pitch is of the half it ends", () => {
  it.each([
    "Two and two... a curve that freezes him, called strike three, and we go to the bottom of the 4th.",
    "Fenwick chases a slider in the dirt, strike three, and that sends us to the bottom of the 4th.",
    "Fenwick lifts a lazy fly to center, caught, and on we go to the bottom of the 4th.",
  ])("%s", (last) => {
    const { states } = read(["Top of the 4th, two outs. Dario Fenwick steps in against Pryce.", "Pryce with a sinker. Called strike.", "Slider, swung on and missed. Oh and two.", last, "Aberg deals to Oyelaran. Ball one."]);
    expect(states[3]).toMatchObject({ inning_half: { value: "Top" }, batter_id: 14, pitcher_id: 3 });
    expect(states[4]).toMatchObject({ inning_half: { value: "Bottom" }, inning_number: { value: 4 }, pitcher_id: 1 });
  });
});

describe("a man introduced by his place in the field, with no name, is the side's man who plays there", () => {
  it.each([
    "Up comes the first baseman, the big left-handed bat, two out and nobody on.",
    "Now the first baseman, a lefty, digs in. He homered yesterday.",
    "The Voles send up their first baseman, number 31, with two down.",
  ])("%s", (intro) => {
    const { states } = read(["Bottom of the 2nd. Aberg deals to Villiers, and Villiers pops out to short.", intro, "Sinker, low. Ball one.", "Called strike, one and one."]);
    expect(states[2]).toMatchObject({ batter_id: 23 });
    expect(states[3]).toMatchObject({ batter_id: 23, pre_pitch_balls: { value: 1 } });
  });
});

describe("a nickname on a batter's first name names him for the state, not for the row", () => {
  it.each([
    ["Big Lucan is up, two on.", "Big Lucan"],
    ["Here comes Lucan, with the tying run at second.", "Lucan"],
    ["Young Lucan digs in.", "Young Lucan"],
  ])("%s", (intro, said) => {
    const { states, mappings, full } = read(["Bottom of the 2nd. Aberg deals to Villiers, and Villiers pops out to short.", intro, "Sinker, low. Ball one."], { 1: { batter_name: said } });
    expect(states[2]).toMatchObject({ batter_id: 23 });
    expect(mappings.get(full[1]!.play_hash)?.batter_id ?? null).toBeNull();
  });
});

describe("a batter named at the start of a sentence opened by 'And' is at work, not a runner", () => {
  it.each([
    "And Brightwater drives the one-one sinker deep to right... caught at the wall.",
    "And Brightwater rolls the 1-1 pitch over to second, where Moreau throws him out.",
    "And Brightwater swings at the one-one curve and bounces it back to the mound.",
  ])("%s", (pitch) => {
    // The man at the plate came in under a name no batter has: the first name to read is his.
    const { states } = read(["Bottom of the 2nd. Aberg deals to Villiers, and Villiers pops out to short.", "Here's the Hammer, number 31.", "Sinker, low. Ball one.", "Called strike, one and one.", pitch], { 1: { batter_name: "Hammer" }, 4: { batter_name: "Brightwater", pitch_result: "In play - out" } });
    expect(states[4]).toMatchObject({ batter_id: 23 });
  });
});

describe("the running count said to go on is the same plate appearance: a new name on it is no new batter", () => {
  it.each([
    "One and one, curve, misses. Moreau takes a huge lead off first.",
    "One and one now. Moreau gets a good secondary lead, and the pitch is outside.",
    "One-one, and Moreau wanders off the bag again. Fastball, high, ball two.",
  ])("%s", (text) => {
    const { states } = read(["Top of the 3rd. Pryce deals to Moreau, and Moreau lines a single to left.", "Cato Lindqvist steps in.", "Pryce with a curve in the dirt. Ball one.", "Called strike on the corner, one and one.", text], { 4: { batter_name: "Moreau", pitch_result: "Ball", pre_pitch_balls: 1, pre_pitch_strikes: 1 } });
    expect(states[4]).toMatchObject({ batter_id: 13, post_pitch_balls: { value: 2 } });
  });
});

describe("a new man where another followed the last batter before took that man's place in the order", () => {
  it.each([
    "The Herons will pinch-hit: Evander Holt grabs a bat.",
    "Evander Holt comes off the bench to hit.",
    "Here's Evander Holt, batting for the catcher.",
  ])("%s", (sub) => {
    const first = ["Top of the 1st. Pryce deals to Moreau, and Moreau flies out. One out.", "Cato Lindqvist grounds out to second. Two out.", "Dario Fenwick pops up. Three outs.",
      "Bottom of the 1st. Oyelaran flies out. One out.", "Villiers grounds out. Two out.", "Brightwater lines out to short. Three down.",
      "Top of the 2nd. Arlo Kettering bounces out to third. One out.", "Moreau grounds out to short. Two out.", "Lindqvist lines a single to right.", sub, "Holt flies out to center. Three outs."];
    const { states } = read([...first, "Bottom of the 2nd. Oyelaran flies out to left. One out.", "Villiers pops out. Two out.", "Brightwater grounds out. Three down.", "Top of the 3rd. Pryce gets ahead with a strike on the corner."]);
    // Holt took Fenwick's place: Kettering, who followed Fenwick, follows Holt.
    expect(states.at(-1)).toMatchObject({ inning_number: { value: 3 }, batter_id: 11 });
  });
});

describe("a relieved pitcher named again between pitches is talked about: the man who relieved him stays on", () => {
  it.each([
    "Moreau, who doubled off Pryce back in the 2nd, steps in.",
    "Pryce's night ended at 96 pitches. Moreau steps in.",
    "Moreau steps in. He took Pryce deep last week.",
  ])("%s", (between) => {
    const { states } = read(["Top of the 5th. Pryce deals to Kettering, and Kettering singles.", "That's all for Pryce. Gideon Farrow comes in from the bullpen.", between, "Fastball, high. Ball one.", "Slider, called strike."], { 2: { pitcher_name: "Pryce" } });
    expect(states[3]).toMatchObject({ pitcher_id: 4, batter_id: 12 });
    expect(states[4]).toMatchObject({ pitcher_id: 4 });
  });
});
