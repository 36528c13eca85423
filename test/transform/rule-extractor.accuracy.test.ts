import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { PITCH_FIELDS } from "../../src/domain";
import { evaluateOffline, formatAccuracyTable } from "../../src/transform";
import path from "node:path";

describe("offline provider on the project's 729 plays", () => {
  const report = evaluateOffline(path.join(findProjectRoot(), "data"));

  it("gets every pitch field right at least 95% of the time", () => {
    console.log(formatAccuracyTable(report));
    for (const f of report.fields.filter((x) => (PITCH_FIELDS as string[]).includes(x.field))) {
      expect(f.total, f.field).toBe(729);
      expect(f.accuracy, f.field).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("maps pitchers, batters and pitch types to the reference IDs at least 98% of the time", () => {
    expect(report.mappingOverall).toBeGreaterThanOrEqual(0.98);
    for (const f of report.mapping) expect(f.accuracy, f.field).toBeGreaterThanOrEqual(0.98);
  });

  it("reads the game as consistent: the game state raises no quality warning on a game read right", () => {
    expect(report.stateFindings).toBe(0);
  });

  it("agrees with the ground truth on key moments for at least 90% of rows", () => {
    const key = report.analysis.find((f) => f.field === "key_moment")!;
    expect(key.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
