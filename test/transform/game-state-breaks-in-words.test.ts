import { describe, expect, it } from "vitest";
import { playHash } from "../../src/extract";
import { RuleExtractor } from "../../src/transform";
import { discoverRoster } from "../../src/transform/roster";
import { readGameState } from "../../src/transform/state/game-state-reader";

// A break between halves said in words ("end of six", "middle of the fourth", "after five full", "through seven and a
// half", an opening "After eight,") leads the game state to the next half, as "end of the 6th" does: a broadcast that
// never says "top" or "bottom" and never counts its outs aloud still has its halves. New sentences, written for this test.
const playsOf = (texts: string[]) => texts.map((t, i) => ({ play_id: i + 1, line: i + 2, playbyplay: t, play_hash: playHash(t) }));
function halvesOf(texts: string[]) {
  const plays = playsOf(texts);
  const extracted = new RuleExtractor({ onWarning: () => {} }).extract(plays);
  const rows = plays.map((p) => ({ ...p, ...extracted.get(p.play_hash)! }));
  return readGameState(rows).states.map((s) => `${s.inning_half.value} ${s.inning_number.value}`);
}

describe("a break between halves said in words leads to the next half", () => {
  it.each([
    ["End of six. Larks 4, Moles 2.", "Top 7"],
    ["Middle of the fourth, and nobody has scored.", "Bottom 4"],
    ["After five full, it's tied at one.", "Top 6"],
    ["Through seven and a half, the Moles lead by a run.", "Bottom 8"],
    ["After eight, we go to the ninth with the Larks up two.", "Top 9"],
    ["mid-fifth now, and the grounds crew drags the infield.", "Bottom 5"],
  ])("%s → %s", (breakText, next) => {
    const halves = halvesOf(["Top of the 2nd. Fastball, called strike.", breakText, "Slider, low, ball one."]);
    expect(halves[2]).toBe(next);
  });
});

// A radio call that names each half only by the break before it: which side bats comes from the halves, so the
// proposed tables put each player on his side.
const GAME = [
  "Top of the 1st from Riverbend. Lonnie Vack on the mound for the Pikes. Ezra Hollin leads off for the Cranes.",
  "Vack deals to Hollin. Fastball, called strike.",
  "Hollin grounds out to short. Vack gets Abe Turrow next, and Turrow lines out. Milo Stadd flies out to end it.",
  "End of one, nothing across. Dell Marsh takes the hill for the Cranes. Rudy Penn steps in.",
  "Marsh deals to Penn. Slider, swung on and missed.",
  "Penn grounds out. Marsh gets Otis Keele swinging. Hal Brisco pops out.",
  "Middle of the second. Vack back out there. Ezra Hollin steps in again.",
  "Vack deals to Hollin, who flies out to center. Turrow steps in and strikes out.",
  "Stadd grounds out, and that's the half. After two full, no score.",
  "Marsh deals to Penn, and Penn singles to right. Keele steps in.",
  "Marsh deals to Keele, and Keele bounces into a double play. Brisco steps in and grounds out.",
];

describe("roster discovery over halves named only by their breaks", () => {
  const roster = discoverRoster(playsOf(GAME));
  const teamOf = (name: string) => [...roster.pitchers, ...roster.batters].find((p) => p.name === name)?.team;

  it("puts each pitcher and each batter on his side", () => {
    expect(teamOf("Lonnie Vack")).toBe(teamOf("Rudy Penn"));
    expect(teamOf("Dell Marsh")).toBe(teamOf("Ezra Hollin"));
    expect(teamOf("Lonnie Vack")).not.toBe(teamOf("Dell Marsh"));
    expect(teamOf("Otis Keele")).toBe(teamOf("Rudy Penn"));
  });
});
