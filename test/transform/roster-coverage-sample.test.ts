import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPlays, readReferenceTables } from "../../src/extract";
import { assertRosterCovers, ROSTER_CHECK_ROWS } from "../../src/transform/roster/roster-coverage";
import { UnknownRosterError } from "../../src/errors";

// The early stop on another game reads the first rows of a long input, and says so.
const fixtures = path.join(__dirname, "..", "fixtures");
const projectRefs = readReferenceTables(path.join(__dirname, "..", "..", "data"));
const repeat = (dir: string, n: number) => {
  const plays = readPlays(path.join(dir, "playbyplay.csv")).plays;
  return Array.from({ length: n }, (_, i) => ({ ...plays[i % plays.length]!, play_id: i + 1 }));
};

describe("the roster check on a long input", () => {
  it("stops another game from its first rows, and the message says which rows it read", () => {
    const long = repeat(path.join(fixtures, "blind-game-otters"), ROSTER_CHECK_ROWS + 500);
    const stop = (() => {
      try {
        assertRosterCovers(long, projectRefs, { input: "long.csv", referencesDir: "data" });
      } catch (e) {
        return e;
      }
    })();
    expect(stop).toBeInstanceOf(UnknownRosterError);
    expect((stop as Error).message).toMatch(/players named in the first 2,000 rows of long\.csv are not in the reference tables/);
  });

  it("lets the project's own game through however long the input, and a short input's message names the file alone", () => {
    const long = repeat(path.join(__dirname, "..", "..", "data"), ROSTER_CHECK_ROWS * 3);
    expect(assertRosterCovers(long, projectRefs, { input: "big.csv", referencesDir: "data" }).known).toBeGreaterThan(20);
    const short = repeat(path.join(fixtures, "blind-game-otters"), 200);
    expect(() => assertRosterCovers(short, projectRefs, { input: "short.csv", referencesDir: "data" })).toThrow(/players named in short\.csv are not/);
  });
});
