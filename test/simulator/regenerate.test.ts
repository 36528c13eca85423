import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { DEFAULT_SEED, generateDataset } from "../../scripts/simulator/dataset";

const dataDir = path.join(findProjectRoot(), "data");

describe("dataset generator", () => {
  const { files } = generateDataset();

  it("reproduces every committed data file byte for byte", () => {
    expect(Object.keys(files).sort()).toEqual(["batters.csv", "ground_truth.jsonl", "pitch_types.csv", "pitchers.csv", "playbyplay.csv"]);
    for (const [name, contents] of Object.entries(files)) {
      const committed = readFileSync(path.join(dataDir, name));
      expect(Buffer.from(contents, "utf8").equals(committed), `${name} differs from data/${name}: run npm run data:generate`).toBe(true);
    }
  });

  it("writes UTF-8 without BOM and with LF line ends only", () => {
    for (const [name, contents] of Object.entries(files)) {
      expect(contents.charCodeAt(0), name).not.toBe(0xfeff);
      expect(contents.includes("\r"), name).toBe(false);
      expect(contents.endsWith("\n"), name).toBe(true);
    }
  });

  it("refuses a seed whose game cannot be told in exactly 729 rows", () => {
    expect(() => generateDataset({ seed: DEFAULT_SEED + 1 })).toThrow(/does not give a game that fits 729 rows/);
  });
});
