import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

describe.each(DB_KINDS)("pipeline schema on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it("creates the tables and analysis views the loader and notebooks use", async () => {
    const rows = await t.db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    );
    const names = rows.map((r) => r.name);
    for (const n of ["raw_plays", "pitchers", "batters", "pitch_types", "plays", "quarantine", "quality_results",
      "v_excitement_timeline", "v_pitcher_stats", "v_batter_stats", "v_pitch_mix"]) {
      expect(names).toContain(n);
    }
  });
});
