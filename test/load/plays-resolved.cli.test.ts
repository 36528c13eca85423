import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotPlays } from "../../src/load";
import { runCli as start } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/databases";

// `npm start` on eight rows of the project's own players: a count said after the pitch ("That makes it 1-1"),
// pitches with no count at all, and a pitch paragraph that names a runner and no batter. The loaded rows keep
// the values as stated and, beside them, the game state's resolved values with where each came from.
const INPUT = "test/load/fixtures/stated-after/playbyplay.csv";

interface Row {
  play_id: number;
  batter_id: number | null;
  batter_id_resolved: number | null;
  batter_name_resolved: string | null;
  pre_pitch_balls: number | null;
  pre_pitch_strikes: number | null;
  pre_pitch_balls_resolved: number | null;
  pre_pitch_strikes_resolved: number | null;
  post_pitch_balls_resolved: number | null;
  post_pitch_strikes_resolved: number | null;
  inning_number_resolved: number | null;
  inning_half_resolved: string | null;
  pitcher_id_resolved: number | null;
  resolved_provenance: Record<string, string>;
}

describe("npm start loads the resolved game state beside the stated values", () => {
  let test: TestDatabase;
  let first: { code: number; out: string };
  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    first = await start(["--input", INPUT], { DATABASE_URL: test.url! });
  }, 120_000);
  afterAll(async () => {
    await test.dispose();
  });

  const rows = async () =>
    new Map((await test.db.query<Row>("SELECT * FROM plays ORDER BY play_id")).map((r) => [r.play_id, r]));
  const batterId = async (name: string) =>
    (await test.db.query<{ batter_id: number }>("SELECT batter_id FROM batters WHERE name = $1", [name]))[0]!.batter_id;

  it("loads every row, each with its resolved values and their provenance", async () => {
    expect(first.code, first.out).toBe(0);
    const loaded = await rows();
    expect(loaded.size).toBe(8);
    const arreola = (await test.db.query<{ pitcher_id: number }>("SELECT pitcher_id FROM pitchers WHERE name = 'Tomás Arreola'"))[0]!.pitcher_id;
    for (const r of loaded.values()) {
      // The first row says "Top of the first"; every later row carries it.
      expect([r.inning_number_resolved, r.inning_half_resolved], `row ${r.play_id}`).toEqual([1, "Top"]);
      expect(r.resolved_provenance.inning_half, `row ${r.play_id}`).toBe(r.play_id === 1 ? "text" : "carried");
      expect(r.pitcher_id_resolved, `row ${r.play_id}`).toBe(arreola);
    }
  });

  it("a first pitch with no count said: the count before it is inferred (0-0), the count after it follows from the ball", async () => {
    const r = (await rows()).get(2)!;
    expect([r.pre_pitch_balls, r.pre_pitch_strikes]).toEqual([null, null]);
    expect([r.pre_pitch_balls_resolved, r.pre_pitch_strikes_resolved, r.post_pitch_balls_resolved, r.post_pitch_strikes_resolved]).toEqual([0, 0, 1, 0]);
    expect(r.resolved_provenance).toMatchObject({ pre_pitch_balls: "inferred", post_pitch_balls: "inferred" });
  });

  it("a count said after the pitch is the count after it; the next pitch's count is carried from it", async () => {
    const loaded = await rows();
    const said = loaded.get(3)!;
    expect([said.post_pitch_balls_resolved, said.post_pitch_strikes_resolved]).toEqual([1, 1]);
    expect([said.pre_pitch_balls_resolved, said.pre_pitch_strikes_resolved]).toEqual([1, 0]);
    expect(said.resolved_provenance.post_pitch_strikes).toBe("text");
    const next = loaded.get(4)!;
    expect([next.pre_pitch_balls, next.pre_pitch_strikes]).toEqual([null, null]);
    expect([next.pre_pitch_balls_resolved, next.pre_pitch_strikes_resolved]).toEqual([1, 1]);
    expect(next.resolved_provenance.pre_pitch_balls).toBe("carried");
  });

  it("a pitch paragraph that names only the runner: no batter as stated, the batter at the plate as resolved (carried)", async () => {
    const r = (await rows()).get(7)!;
    expect(r.batter_id).toBeNull();
    expect(r.batter_id_resolved).toBe(await batterId("Rhys Carrow"));
    expect(r.batter_name_resolved).toBe("Carrow");
    expect(r.resolved_provenance.batter_id).toBe("carried");
    expect([r.pre_pitch_balls_resolved, r.pre_pitch_strikes_resolved, r.post_pitch_balls_resolved, r.post_pitch_strikes_resolved]).toEqual([0, 1, 1, 1]);
  });

  it("a second run of the same input changes no row: the checksum (resolved columns included) stays", async () => {
    const before = await snapshotPlays(test.db);
    const again = await start(["--input", INPUT], { DATABASE_URL: test.url! });
    expect(again.code, again.out).toBe(0);
    expect(await snapshotPlays(test.db)).toEqual(before);
    const [changed] = await test.db.query<{ n: number }>("SELECT count(DISTINCT run_id)::int AS n FROM plays");
    expect(changed!.n).toBe(1);
  }, 120_000);
});
