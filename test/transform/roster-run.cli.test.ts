import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { runCli as start } from "../support/cli";

// Another game's commentary as a new user brings it: `npm start` stops early and says what to do; `roster`
// proposes the tables; the run with `--references` loads it. The real CLI, a fresh PostgreSQL database.
const GAMES = [
  { name: "the blind Otters game (222 rows, written by another helper)", csv: "test/fixtures/blind-game-otters/playbyplay.csv", rows: 222 },
  { name: "the second blind game (71 rows: a shared surname, a two-way player, a city used as the team)", csv: "test/fixtures/blind-game-second/playbyplay.csv", rows: 71 },
  { name: "the third blind game (214 rows)", csv: "test/fixtures/blind-game-third/playbyplay.csv", rows: 214 },
  { name: "a short foreign game (30 rows)", csv: "test/transform/fixtures/foreign-game/playbyplay.csv", rows: 30 },
];


describe.each(GAMES)("npm start on $name, with no reference tables of its own", ({ csv, rows }) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await test.dispose();
  });

  it("stops before the load with one message that gives the roster command, and loads nothing", async () => {
    const { code, out } = await start(["--input", csv], { DATABASE_URL: test.url! });
    expect(code).not.toBe(0);
    expect(out).toMatch(/Error: \d+ of the \d+ players named in .* are not in the reference tables/);
    expect(out).toContain(`npm start -- roster --input ${csv} --out my-roster`);
    expect(out).not.toMatch(/\d+ quarantined/);
    const [counts] = await test.db.query<{ plays: number; quarantine: number }>(
      "SELECT (SELECT count(*)::int FROM plays) AS plays, (SELECT count(*)::int FROM quarantine) AS quarantine");
    expect(counts).toEqual({ plays: 0, quarantine: 0 });
  }, 120_000);

  it("roster proposes tables, and a run with --references loads at least 95% of the rows under the default gate", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "wb-roster-"));
    const proposed = await start(["roster", "--input", csv, "--out", out], {});
    expect(proposed.code).toBe(0);
    expect(readFileSync(path.join(out, "pitchers.csv"), "utf8")).toMatch(/^pitcher_id,name,team,throws\n\d+,/);
    const { code, out: text } = await start(["--input", csv, "--references", out], { DATABASE_URL: test.url! });
    expect(code, text).toBe(0);
    const runId = /Run (run-\S+)/.exec(text)![1]!;
    const [loaded] = await test.db.query<{ n: number; keys: number }>("SELECT count(*)::int AS n, count(DISTINCT play_hash)::int AS keys FROM plays WHERE run_id = $1", [runId]);
    const [quarantined] = await test.db.query<{ n: number }>("SELECT count(*)::int AS n FROM quarantine WHERE run_id = $1", [runId]);
    expect(loaded!.n).toBe(loaded!.keys);
    expect(loaded!.n + quarantined!.n).toBe(rows);
    expect(loaded!.n / rows).toBeGreaterThanOrEqual(0.95);
    // The players loaded are this game's, with the IDs the roster gave them.
    const [named] = await test.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM plays p JOIN batters b USING (batter_id) WHERE p.run_id = $1 AND p.batter_name IS NOT NULL", [runId]);
    expect(named!.n).toBeGreaterThan(0);
    // Beside the batter as stated, the batter at the plate as the game state carries him: on more pitch rows, never fewer.
    const [resolved] = await test.db.query<{ stated: number; at_plate: number }>(
      `SELECT count(*) FILTER (WHERE batter_id IS NOT NULL)::int AS stated, count(*) FILTER (WHERE batter_id_resolved IS NOT NULL)::int AS at_plate
       FROM plays WHERE run_id = $1 AND pitch_result IS NOT NULL`, [runId]);
    expect(resolved!.at_plate).toBeGreaterThanOrEqual(resolved!.stated);
    expect(resolved!.at_plate).toBeGreaterThan(0);
  }, 240_000);
});
