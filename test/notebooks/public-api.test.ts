import { describe, expect, it } from "vitest";
import * as api from "../../src/index";

// src/index.ts is designed, not accumulated: what the notebooks, the lab and the CLI use, grouped by
// stage. Everything else is imported from its stage's module. This keeps it from growing back into a dump.
const MAX_RUNTIME_NAMES = 120;

describe("the public API (src/index.ts)", () => {
  const names = Object.keys(api);

  it(`exports at most ${MAX_RUNTIME_NAMES} runtime names`, () => {
    expect(names.length, `src/index.ts exports ${names.length} runtime names: move the least used to their stage's module`).toBeLessThanOrEqual(MAX_RUNTIME_NAMES);
  });

  it("exports each stage's entry points, ready to call", () => {
    for (const name of ["loadConfig", "readPlays", "discoverRoster", "validatePlays", "loadPlays", "pitcherStats", "runPipeline", "openOrchestrator", "RunLedger", "BlueGreenRelease", "showChart", "showTable", "checkExercise1"]) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe("function");
    }
  });
});
