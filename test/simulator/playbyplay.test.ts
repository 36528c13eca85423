import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { playHash, readGroundTruth, readPlays, readReferenceTables } from "../../src/extract";

const dataDir = path.join(findProjectRoot(), "data");

describe("data/playbyplay.csv and its ground truth", () => {
  const { plays, malformed } = readPlays(path.join(dataDir, "playbyplay.csv"));
  const truth = readGroundTruth(dataDir);

  it("has exactly 729 commentary paragraphs of 150–500 characters", () => {
    expect(malformed).toEqual([]);
    expect(plays).toHaveLength(729);
    const lengths = plays.map((p) => p.playbyplay.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(500);
    expect(new Set(plays.map((p) => p.playbyplay)).size).toBe(729);
  });

  it("has one truth row per play, in order, whose hash is the play's hash", () => {
    expect(truth).toHaveLength(729);
    truth.forEach((row, i) => {
      expect(row.play_id).toBe(plays[i]!.play_id);
      expect(row.play_hash).toBe(plays[i]!.play_hash);
      expect(row.play_hash).toBe(playHash(plays[i]!.playbyplay));
    });
  });

  it("names only players and pitch types that are in the reference tables, with matching IDs", () => {
    const refs = readReferenceTables(dataDir);
    const forms = (full: string) => [full, full.slice(full.indexOf(" ") + 1)];
    const codes = new Set(refs.pitchTypes.map((t) => t.code));
    for (const row of truth) {
      expect(row.pitcher_id === null).toBe(row.pitcher_name === null);
      expect(row.batter_id === null).toBe(row.batter_name === null);
      expect(row.pitch_type_code === null).toBe(row.pitch_type === null);
      if (row.pitcher_id !== null) expect(forms(refs.pitchers.find((p) => p.pitcher_id === row.pitcher_id)!.name)).toContain(row.pitcher_name);
      if (row.batter_id !== null) expect(forms(refs.batters.find((b) => b.batter_id === row.batter_id)!.name)).toContain(row.batter_name);
      if (row.pitch_type_code !== null) expect(codes.has(row.pitch_type_code)).toBe(true);
    }
  });

  it("only states in the truth what the paragraph says: names, pitch words and velocities appear in the text", () => {
    plays.forEach((play, i) => {
      const row = truth[i]!;
      for (const words of [row.pitcher_name, row.batter_name, row.pitch_type]) if (words !== null) expect(play.playbyplay).toContain(words);
      if (row.pitch_velocity_mph !== null) {
        const digits = play.playbyplay.includes(String(row.pitch_velocity_mph));
        expect(digits || /(ninety|eighty|seventy|a hundred)/.test(play.playbyplay), play.playbyplay).toBe(true);
      }
    });
  });
});
