import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { UnknownRosterError } from "../../src/errors";
import { readGroundTruth, readPlays, readReferenceTables } from "../../src/extract";
import { foldName, surnameOf } from "../../src/transform/offline/name-parser";
import { assertRosterCovers, discoverRoster, measureRosterCoverage, rosterFiles, RuleExtractor } from "../../src/transform";
import { parseReferenceCsv } from "../../src/extract/reference-reader";
import { BatterSchema, PitcherSchema } from "../../src/domain";

const root = findProjectRoot();
const own = readPlays(path.join(root, "data", "playbyplay.csv")).plays;
const foreign = readPlays(path.join(__dirname, "fixtures", "foreign-game", "playbyplay.csv")).plays;

describe("roster discovery from the commentary alone", () => {
  it("finds the project's own 13 pitchers and 22 batters, with the team each plays for, without its tables", () => {
    const refs = readReferenceTables(path.join(root, "data"));
    const roster = discoverRoster(own);
    expect(roster.pitchers.map((p) => p.name).sort()).toEqual(refs.pitchers.map((p) => p.name).sort());
    expect(roster.batters.map((b) => b.name).sort()).toEqual(refs.batters.map((b) => b.name).sort());
    expect(roster.teams.home).toBe("Harbor Bay Herons");
    // "Red Mesa down 1-0" and "the Coyotes" are never written together: the place spoken of as a team is the side
    // without a city of its own.
    expect(roster.teams.away).toBe("Red Mesa Coyotes");
    // Every player is on the side the tables give (the Herons are home).
    const homeOf = (team: string) => team.includes("Herons");
    for (const p of roster.pitchers) expect(homeOf(p.team), p.name).toBe(homeOf(refs.pitchers.find((r) => r.name === p.name)!.team));
    for (const b of roster.batters) expect(homeOf(b.team), b.name).toBe(homeOf(refs.batters.find((r) => r.name === b.name)!.team));
    // One ID each, in the data/ ranges.
    expect(new Set(roster.pitchers.map((p) => p.pitcher_id)).size).toBe(13);
    expect(roster.pitchers.every((p) => p.pitcher_id >= 101 && p.pitcher_id < 200)).toBe(true);
    expect(roster.batters.every((b) => b.batter_id >= 201 && b.batter_id < 300)).toBe(true);
  });

  it("gives the extractor what the project's tables give it: every row of data/ reads the same (the scores too)", () => {
    const refs = readReferenceTables(path.join(root, "data"));
    const mine = new RuleExtractor({ references: discoverRoster(own), onWarning: () => {} }).extract(own);
    const theirs = new RuleExtractor({ references: refs, onWarning: () => {} }).extract(own);
    expect(own.filter((p) => JSON.stringify(mine.get(p.play_hash)) !== JSON.stringify(theirs.get(p.play_hash))).map((p) => p.play_id)).toEqual([]);
  });

  it("lists a two-way player in both tables and keeps two players who share a surname apart", () => {
    const roster = discoverRoster(foreign);
    expect(roster.teams).toMatchObject({ home: "Pelicans", away: "Bison" });
    expect(roster.pitchers.find((p) => p.name === "Ken Ishida")?.team).toBe("Pelicans");
    expect(roster.batters.find((b) => b.name === "Ken Ishida")?.team).toBe("Pelicans");
    expect(roster.batters.find((b) => b.name === "Marco Reyes")?.team).toBe("Bison");
    expect(roster.batters.find((b) => b.name === "Luis Reyes")?.team).toBe("Pelicans");
    expect(roster.pitchers.find((p) => p.name === "Arlo Sandberg")?.throws).toBe("L");
    expect(roster.pitchers.map((p) => p.name)).not.toContain("Jimmy Bautista");
  });

  it("writes files the reference reader accepts", () => {
    const files = rosterFiles(discoverRoster(foreign));
    expect(parseReferenceCsv(files["pitchers.csv"]!, "pitchers.csv", PitcherSchema).length).toBe(3);
    expect(parseReferenceCsv(files["batters.csv"]!, "batters.csv", BatterSchema).map((b) => b.name)).toContain("Tomas Grady");
    expect(files["name_variants.csv"]).toMatch(/^ids,name,variant,mentions/);
    expect(files["name_variants.csv"]).toContain("pitcher 101; batter 201,Ken Ishida,Ishida,");
  });
});

describe("a run on another game's commentary", () => {
  const projectRefs = readReferenceTables(path.join(root, "data"));

  it("passes when the tables know the names", () => {
    expect(measureRosterCoverage(own, projectRefs)).toMatchObject({ names: 35, known: 35 });
    expect(() => assertRosterCovers(own, projectRefs, { input: "data/playbyplay.csv", referencesDir: "data" })).not.toThrow();
  });

  it("stops with one message that says it is another game and gives the roster command", () => {
    let error: unknown;
    try {
      assertRosterCovers(foreign, projectRefs, { input: "game.csv", referencesDir: "data" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownRosterError);
    const message = (error as Error).message;
    expect(message).toMatch(/^\d+ of the \d+ players named in game\.csv are not in the reference tables in data/);
    expect(message).toContain("Ishida");
    expect(message).toContain("npm start -- roster --input game.csv --out my-roster");
    expect(message).toContain("--references my-roster");
    // With its own tables the same input runs.
    const mine = discoverRoster(foreign);
    expect(() => assertRosterCovers(foreign, mine, { input: "game.csv", referencesDir: "my-roster" })).not.toThrow();
  });
});

// The blind games, each written by someone who had not read these rules: the proposal against the set's own tables and
// ground truth (used only to score). Every player the truth puts on the mound or at the plate is proposed in that role,
// on his side; no one is proposed who is not in the set's tables (a surname alone counts as its player).
describe.each(["second", "third", "otters", "fourth"])("roster discovery on the blind game %s, against its own tables", (set) => {
  const dir = path.join(root, "test", "fixtures", `blind-game-${set}`);
  const refs = readReferenceTables(dir);
  const truth = readGroundTruth(dir);
  const roster = discoverRoster(readPlays(path.join(dir, "playbyplay.csv")).plays);
  const home = refs.pitchers[0]!.team; // the sets list the home team first
  const sameSide = (proposedTeam: string, truthTeam: string) => (proposedTeam === roster.teams.home) === (truthTeam === home);
  const isForm = (short: string, full: string) => foldName(short) === foldName(full) || (!short.includes(" ") && surnameOf(full) === foldName(short));

  it("gives the extractor what the set's own tables give it: every row reads the same", () => {
    const plays = readPlays(path.join(dir, "playbyplay.csv")).plays;
    const mine = new RuleExtractor({ references: roster, onWarning: () => {} }).extract(plays);
    const theirs = new RuleExtractor({ references: refs, onWarning: () => {} }).extract(plays);
    const differ = plays.filter((p) => JSON.stringify(mine.get(p.play_hash)) !== JSON.stringify(theirs.get(p.play_hash))).map((p) => p.play_id);
    expect(differ).toEqual([]);
  });

  it("names both sides as the set's tables do, the home side first", () => {
    const away = [...refs.pitchers, ...refs.batters].map((p) => p.team).find((t) => t !== home);
    expect(roster.teams).toMatchObject({ home, away });
  });

  for (const role of ["pitcher", "batter"] as const) {
    const table = role === "pitcher" ? refs.pitchers.map((p) => ({ id: p.pitcher_id, name: p.name, team: p.team })) : refs.batters.map((b) => ({ id: b.batter_id, name: b.name, team: b.team }));
    const proposed: Array<{ name: string; team: string }> = role === "pitcher" ? roster.pitchers : roster.batters;
    it(`proposes every ${role} the truth names, on his side, and no one else`, () => {
      const named = new Set(truth.map((t) => (role === "pitcher" ? t.pitcher_id : t.batter_id)).filter((id): id is number => id !== null));
      for (const id of named) {
        const player = table.find((p) => p.id === id)!;
        const found = proposed.find((p) => isForm(p.name, player.name));
        expect(found, `${player.name} is not among the proposed ${role}s`).toBeDefined();
        expect(sameSide(found!.team, player.team), `${player.name}: ${found!.team}`).toBe(true);
      }
      for (const p of proposed) expect(table.some((t) => isForm(p.name, t.name)), `${p.name} is no ${role} of ${set}`).toBe(true);
    });
  }
});
