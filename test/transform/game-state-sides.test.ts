import { describe, expect, it } from "vitest";
import type { Extraction, ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, readGame } from "./fixtures/reading";

// The game state's half-inning and outs when a paragraph retells the play before, or when an extractor (rules or an
// LLM) reads one out too many. New sentences, written for these tests.
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Wes Ambrose", team: "Larks", throws: "R" },
    { pitcher_id: 3, name: "Cal Hadley", team: "Moles", throws: "R" },
    { pitcher_id: 4, name: "Jun Ito", team: "Moles", throws: "R" },
  ],
  batters: [
    { batter_id: 11, name: "Jun Ito", team: "Moles", position: "DH", bats: "L" },
    { batter_id: 13, name: "Kofi Mensah", team: "Moles", position: "SS", bats: "R" },
    { batter_id: 14, name: "Eli Brandt", team: "Moles", position: "LF", bats: "L" },
    { batter_id: 21, name: "Sid Varela", team: "Larks", position: "CF", bats: "L" },
    { batter_id: 22, name: "Luca Brandt", team: "Larks", position: "C", bats: "R" },
    { batter_id: 23, name: "Abe Kowalski", team: "Larks", position: "1B", bats: "R" },
    { batter_id: 24, name: "Dev Park", team: "Larks", position: "2B", bats: "S" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
// An extractor may read a pitch's result wrong (an LLM as well as the rules): `misread` stands for that.
const read = (texts: string[], misread: Record<number, Partial<Extraction>> = {}) =>
  readGame(refs, texts, { prefix: "sides", teams: { home: "Moles", away: "Larks" }, misread });

describe("a ball in play told again is no new pitch", () => {
  it("a retold groundout or sacrifice fly after the play does not make another out", () => {
    const { full, states } = read([
      "Bottom of the 4th, one out. Ambrose deals to Mensah, and Mensah grounds out to short.",
      "Groundout for Mensah, so two down. Here's Eli Brandt.",
      "Ambrose to Brandt, called strike.",
    ]);
    expect(full[1]!.pitch_result).toBe("In play - out"); // as the extractor reads it
    expect(states[2]).toMatchObject({ inning_half: { value: "Bottom" }, outs: { value: 2 }, batter_id: 14 });
  });

  it("but a new batter's first pitch put in play is a pitch, count or no count", () => {
    const { states } = read([
      "Bottom of the 4th, nobody out. Ambrose deals to Mensah, and Mensah grounds out to short.",
      "Eli Brandt pops out to first.",
      "Ambrose to Ito, ball one.",
    ]);
    expect(states[2]).toMatchObject({ inning_half: { value: "Bottom" }, outs: { value: 2 }, batter_id: 11 });
  });

  it("but a ball in play with a count or a pitch named is a pitch", () => {
    const { states } = read([
      "Bottom of the 4th, one out. Ambrose deals to Mensah, and Mensah grounds out to short.",
      "Eli Brandt bounces the first pitch, a sinker, to second. Out number three.",
      "Top of the 5th. Hadley to Varela, ball one.",
    ]);
    expect(states[1]).toMatchObject({ inning_half: { value: "Bottom" }, outs: { value: 2 } });
    expect(states[2]).toMatchObject({ inning_number: { value: 5 }, inning_half: { value: "Top" }, batter_id: 21 });
  });
});

describe("the side at bat says which half it is", () => {
  const texts = [
    "Top of the 2nd, two out. Hadley deals to Varela, ball one.",
    "Varela lifts a towering pop up behind the plate, and it drifts into the seats.",
    "Hadley to Varela again, and Varela fouls it back.",
    "On 1-2, Varela swings through a slider for strike three.",
    "Ambrose on the mound for the Larks now, and Mensah takes ball one.",
  ];

  it("a batter of the side in the field after three counted outs: an out was miscounted, the half goes on", () => {
    // Row 2 read as an out (a foul pop into the seats is no out): the third out, by the count.
    const { states, findings } = read(texts, { 1: { pitch_result: "In play - out", ball_in_play: true } });
    expect(states[2]).toMatchObject({ inning_number: { value: 2 }, inning_half: { value: "Top" }, outs: { value: 2 }, batter_id: 21, pitcher_id: 3 });
    expect(findings.some((f) => f.play_id === 3 && f.field === "inning_half")).toBe(true);
    // The strikeout is the real third out: the bottom of the 2nd, the Larks' pitcher, a Moles batter.
    expect(states[4]).toMatchObject({ inning_number: { value: 2 }, inning_half: { value: "Bottom" }, batter_id: 13, pitcher_id: 1 });
  });

  it("a batter of the side now at bat confirms the new half", () => {
    const { states, findings } = read(["Top of the 2nd, two out. Hadley deals to Varela, and Varela grounds out to short.", "Ambrose deals to Mensah, ball one."]);
    expect(states[1]).toMatchObject({ inning_half: { value: "Bottom" }, batter_id: 13 });
    expect(findings.filter((f) => f.field === "inning_half")).toEqual([]);
  });

  it("a two-way player named after a miscounted out keeps the role of the half in play", () => {
    const { full: out } = read([
      "Bottom of the 3rd, two out. Ambrose deals to Mensah, ball one.",
      "Groundout, that will end... no, it rolls foul. Still 1-0 on Mensah.",
      "Ito leading off first. Ambrose's 1-0 pitch to Mensah is a slider, and Mensah takes it for a strike.",
    ]);
    expect(out[2]).toMatchObject({ pitcher_name: "Ambrose", batter_name: "Mensah" });
  });
});

describe("the batting order, learned from the game, says who is up when the text does not", () => {
  const texts = [
    "Top of the 1st. Hadley deals to Varela, and Varela grounds out to short.",
    "Dev Park steps in. Hadley's first pitch, and Park flies out to center.",
    "Abe Kowalski up now. Hadley deals, and Kowalski lines out to second.",
    "Bottom of the 1st. Ambrose deals to Mensah, and Mensah pops out to first.",
    "Ambrose to Eli Brandt, and Brandt grounds out to third.",
    "Ambrose deals, ball one.",
    "On 1-0, Ito grounds out to second.",
    "Top of the 2nd. Hadley to Varela, and Varela singles to left.",
    "Hadley deals, ball one.",
    "On the 1-0 pitch, Park swings and misses.",
  ];

  it("the man who followed the last batter the time before is up, until the text names him", () => {
    const { states } = read(texts);
    // Row 6: the first time through, no one has come up after Brandt yet: unknown.
    expect(states[5]!.batter_id).toBeNull();
    // Row 9: Park followed Varela the time before.
    expect(states[8]!.batter_id).toBe(24);
    expect(states[8]!.batter_name).toEqual({ value: "Dev Park", source: "inferred" });
    // Row 10 names him: the plate appearance and its count go on (1-0 after ball one, said so).
    expect(states[9]).toMatchObject({ batter_id: 24, pre_pitch_balls: { value: 1 } });
  });

  it("a batter named who is not the one the order said takes his place", () => {
    const { states } = read([...texts.slice(0, 9), "On the 1-0 pitch, Kowalski swings and misses."]);
    expect(states[9]!.batter_id).toBe(23);
  });
});
