import { describe, expect, it } from "vitest";
import type { Extraction, ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, readGame } from "./fixtures/reading";

// Round nine of the game state: who is pitching and batting, carried from row to row. Each rule is written on
// sentences of our own (several phrasings per rule, none a sentence of a test set). Larks bat in the top, Minks in
// the bottom. Tobias Quell is a two-way player of the Minks: their first baseman and one of their pitchers.
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Anselm Rudd", team: "Larks", throws: "R" },
    { pitcher_id: 2, name: "Bram Dellow", team: "Larks", throws: "L" },
    { pitcher_id: 3, name: "Hector Maune", team: "Minks", throws: "R" },
    { pitcher_id: 4, name: "Tobias Quell", team: "Minks", throws: "L" },
  ],
  batters: [
    { batter_id: 11, name: "Corin Ashby", team: "Larks", position: "CF", bats: "L" },
    { batter_id: 12, name: "Dunstan Pike", team: "Larks", position: "SS", bats: "R" },
    { batter_id: 13, name: "Emrys Tolland", team: "Larks", position: "LF", bats: "L" },
    { batter_id: 14, name: "Fenn Hartigan", team: "Larks", position: "C", bats: "R" },
    { batter_id: 21, name: "Galen Orme", team: "Minks", position: "2B", bats: "R" },
    { batter_id: 22, name: "Tobias Quell", team: "Minks", position: "1B", bats: "L" },
    { batter_id: 23, name: "Ivo Stroud", team: "Minks", position: "SS", bats: "R" },
    { batter_id: 24, name: "Jory Wexford", team: "Minks", position: "C", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const read = (texts: string[], misread: Record<number, Partial<Extraction>> = {}) =>
  readGame(refs, texts, { prefix: "r9", teams: { home: "Minks", away: "Larks" }, misread });

describe("a two-way player named on a pitch while another man of his side is on the mound plays his position", () => {
  it.each([
    "Pike chops one to second, Orme to Quell, and that is one away.",
    "Pike hits a bouncer to first, Quell picks it clean and takes the bag himself. One out.",
    "Pike bounces to short, Stroud fires across to Quell in time. One down.",
  ])("%s", (play) => {
    const { states, mappings } = read(["Top of the 3rd, and Hector Maune is on the mound.", "Corin Ashby steps in. Maune deals, swinging strike.", "Ashby grounds out to short.", "Dunstan Pike up now.", play, "Emrys Tolland digs in. Curveball, ball one."]);
    expect(states[4]).toMatchObject({ pitcher_id: 3 });
    expect(states[5]).toMatchObject({ pitcher_id: 3 });
    expect(mappings.get("r9-4")!.pitcher_id).toBeNull();
  });

  it("unless the row has him take the mound", () => {
    const { states } = read(["Top of the 3rd, and Hector Maune is on the mound.", "Corin Ashby steps in. Maune deals, swinging strike.", "Tobias Quell takes the ball from first base and comes in to pitch. Strike two on Ashby.", "Fastball, ball one."]);
    expect(states[2]).toMatchObject({ pitcher_id: 4 });
    expect(states[3]).toMatchObject({ pitcher_id: 4 });
  });
});

describe("a relieved pitcher talked about between pitches is not the row's pitcher: the man on the mound is, if named", () => {
  it.each([
    ["Here is Tolland, who took Maune deep last time. Quell will try his luck against him.", 4],
    ["Emrys Tolland now. Maune had walked him twice; Quell starts him with a look.", 4],
    ["Emrys Tolland to the plate; Maune got the better of him back in the second.", null],
  ] as const)("%s", (intro, id) => {
    const { states, mappings } = read(["Top of the 5th. Maune deals to Ashby, and Ashby flies out to left.", "That is the day for Hector Maune. Tobias Quell comes in from first to pitch.", intro, "Quell deals, called strike one."]);
    expect(states[3]).toMatchObject({ pitcher_id: 4 });
    expect(mappings.get("r9-2")!.pitcher_id).toBe(id);
  });
});

describe("a surname the man on the mound shares with a batter not at the plate, left unread, is the pitcher's", () => {
  // Osric Rudd bats for the Minks; his cousin Anselm Rudd pitches for the Larks.
  const shared: ReferenceTables = { ...refs, batters: [...refs.batters, { batter_id: 25, name: "Osric Rudd", team: "Minks", position: "RF", bats: "R" }] };
  it.each([
    "Rudd gets the comebacker, looks him back, and throws to first. One out.",
    "Rudd nibbles at the corner, a changeup away, and Orme lays off.",
    "Orme squares and bunts it right back at Rudd, who fields it and takes the sure out at first.",
  ])("%s", (play) => {
    const { states, mappings } = readGame(shared, ["Bottom of the 6th, Anselm Rudd still pitching for the Larks.", "Galen Orme steps in, and Rudd gets a called strike on the corner.", play],
      { prefix: "r9s", teams: { home: "Minks", away: "Larks" } });
    expect(states[2]).toMatchObject({ pitcher_id: 1, batter_id: 21 });
    expect(mappings.get("r9s-2")!.pitcher_id).toBe(1);
  });
});

describe("a man named on a pitch only by his place in the field, said to bat, is the side's man who plays there", () => {
  it.each([
    "Nobody on, and the left fielder lines the first pitch he sees into center for a single.",
    "The left fielder swings at a curveball in the dirt. Strike one.",
    "The shortstop grounds the first pitch to second and is thrown out.",
  ])("%s", (play) => {
    const { states } = read(["Top of the 2nd. Maune deals to Ashby, and Ashby flies out to center.", play]);
    expect(states[1]).toMatchObject({ batter_id: /shortstop/i.test(play) ? 12 : 13 });
  });

  it("but not one the ball is hit to", () => {
    const { states } = read(["Top of the 2nd. Maune deals to Ashby, and Ashby flies out to center.", "A fly ball, and the shortstop drifts back for it. One more away."]);
    expect(states[1]!.batter_id).not.toBe(23);
  });
});
