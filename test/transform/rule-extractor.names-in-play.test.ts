import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { RuleExtractor, extractPlay } from "../../src/transform";
import { PITCH_TYPE_TABLE, nameReaders, rawPlays } from "./fixtures/reading";

// Who is the pitcher and who the batter, when a call names other people too. New sentences written for these
// tests, each standing for a general way broadcasters talk (not a sentence of any test set).
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Dale Okonkwo", team: "Gulls", throws: "R" },
    { pitcher_id: 2, name: "Ray Lindgren", team: "Foxes", throws: "L" },
    { pitcher_id: 3, name: "Eli Santos", team: "Foxes", throws: "R" },
    { pitcher_id: 4, name: "Hugo Varga", team: "Gulls", throws: "R" },
  ],
  batters: [
    { batter_id: 11, name: "Hugo Varga", team: "Gulls", position: "DH", bats: "L" },
    { batter_id: 12, name: "Nick Ferris", team: "Gulls", position: "C", bats: "R" },
    { batter_id: 13, name: "Omar Santos", team: "Gulls", position: "3B", bats: "R" },
    { batter_id: 21, name: "Jude Bellamy", team: "Foxes", position: "CF", bats: "R" },
    { batter_id: 22, name: "Theo Marsh", team: "Foxes", position: "2B", bats: "S" },
    { batter_id: 23, name: "Ian Quist", team: "Foxes", position: "C", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const { roster, names } = nameReaders(refs, ["gulls", "foxes"]);
const plays = (texts: string[]) => rawPlays(texts, "names");

describe("a runner named in a pitch paragraph is not the batter", () => {
  it("a runner thrown out or safe at a base past first", () => {
    expect(names("Bellamy breaks for third! Called strike, the throw is late, Bellamy is safe at third. One and two on Marsh.").batter).toBe("Marsh");
    expect(names("Marsh goes on the pitch, a ball, and Marsh is out at second on a strong throw. Two and oh to Quist.").batter).toBe("Quist");
  });

  it("a runner made to go back", () => {
    expect(names("Sinker at 93, called strike, and Bellamy, who had a big lead, has to scramble back to second.").batter).toBeNull();
  });

  it("but the batter trotting down to first after ball four is the batter", () => {
    expect(names("Ball four, and Marsh trots down to first with the walk.").batter).toBe("Marsh");
  });
});

describe("people named around the play who are not at work in it", () => {
  it("a catcher's walk to the mound is a visit: the catcher is not the batter, the man he talks with is the pitcher", () => {
    expect(names("Ferris takes a walk out to the mound to settle Okonkwo down. Bellamy waits at the plate.")).toEqual({ pitcher: "Okonkwo", batter: "Bellamy" });
    expect(names("Pitching coach out to talk with Lindgren. Ferris at the plate, two on.").pitcher).toBe("Lindgren");
  });

  it("a reliever getting loose in a bullpen named by its team is not on the mound", () => {
    expect(names("Bellamy at the plate against Okonkwo. Varga is throwing in the Gulls bullpen.").pitcher).toBe("Okonkwo");
  });

  it("pitching decisions sum up the game and name no one at work", () => {
    expect(names("That's the ballgame. Lindgren gets the win, and Santos, who worked the ninth, earns the save.")).toEqual({ pitcher: null, batter: null });
  });

  it("a name on a sign in the stands is nobody at work", () => {
    expect(names("The crowd is up, and somebody behind the dugout holds a sign that says BELLAMY FOR PRESIDENT.").batter).toBeNull();
  });
});

describe("a surname two players share", () => {
  it("said twice, it is two people: the pitcher first in 'X to X', each one by his first name", () => {
    expect(names("Santos to Santos, a slider at 84, and it's fouled back.")).toEqual({ pitcher: "Santos", batter: "Santos" });
    expect(names("Omar Santos digs in against Eli Santos. Cousins, maybe? Nobody knows.")).toEqual({ pitcher: "Eli Santos", batter: "Omar Santos" });
  });
});

describe("his day so far, and innings that are not this one", () => {
  it("he's homered, he's walked: his day so far is no recap and no pitch", () => {
    const e = extractPlay("Here comes Jude Bellamy. He's homered, he's walked, he's struck out twice. Two on, one out.", { roster });
    expect(e).toMatchObject({ batter_name: "Jude Bellamy", pitch_result: null });
  });

  it("a span of innings, or an inning ahead, names no inning; a two-way player keeps the role of the half in play", () => {
    expect(extractPlay("He threw 40 pitches in the first three innings.").inning_number).toBeNull();
    const rows = plays([
      "Bottom of the 6th. Lindgren on the mound for the Foxes.",
      "Lindgren deals to Ferris, a 91-mph fastball, and Ferris grounds out to short.",
      "Now Hugo Varga, who could be pitching the 9th if this holds. He has been terrific on the mound.",
      "Lindgren's slider to Varga, and Varga takes it for a ball.",
    ]);
    const out = [...new RuleExtractor({ references: refs, homeTeam: "Gulls", awayTeam: "Foxes" }).extract(rows).values()];
    expect(out[2]).toMatchObject({ batter_name: "Hugo Varga", pitcher_name: null });
    expect(out[3]).toMatchObject({ batter_name: "Varga", pitcher_name: "Lindgren" });
  });
});
