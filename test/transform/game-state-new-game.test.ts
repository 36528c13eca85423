import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, readGame } from "./fixtures/reading";

// A file that holds two games (a doubleheader): the top of the 1st after the last innings of the first game is the
// next game's start, not a look back. New sentences, written for this test.
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Wes Ambrose", team: "Larks", throws: "R" },
    { pitcher_id: 3, name: "Cal Hadley", team: "Moles", throws: "R" },
  ],
  batters: [
    { batter_id: 13, name: "Kofi Mensah", team: "Moles", position: "SS", bats: "R" },
    { batter_id: 21, name: "Sid Varela", team: "Larks", position: "CF", bats: "L" },
    { batter_id: 23, name: "Abe Kowalski", team: "Larks", position: "1B", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const TEXTS = [
  "Bottom of the 9th, the Larks up 3-2, two out. Ambrose deals to Mensah, and Mensah grounds out to short. That's the ball game!",
  "The nightcap of the doubleheader is under way. Top of the first: Cal Hadley takes the ball for the Moles, and Sid Varela leads off for the Larks.",
  "Hadley deals to Varela, a fastball at 93, low, ball one.",
  "Varela lines the next one into left field for a base hit.",
  "Abe Kowalski steps in. Hadley starts him with a slider at 84, called strike.",
];

describe("a second game in the same file", () => {
  it("starts at the top of the 1st with no score carried; its batters are the men at the plate", () => {
    const { states, findings } = readGame(refs, TEXTS, { prefix: "dh", teams: { home: "Moles", away: "Larks" } });
    expect(states.slice(1).map((s) => [s.inning_number.value, s.inning_half.value])).toEqual([[1, "Top"], [1, "Top"], [1, "Top"], [1, "Top"]]);
    expect(states[2]!.score_home.value).toBeNull();
    expect(states.slice(1).map((s) => s.batter_id)).toEqual([21, 21, 21, 23]);
    expect(states[2]!.pitcher_id).toBe(3);
    expect(findings.filter((f) => f.play_id > 1 && f.field === "inning_half")).toEqual([]);
  });
});
