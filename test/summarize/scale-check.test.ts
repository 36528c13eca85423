import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replicatePlays } from "../../src/load";
import { scaleCheck } from "../../src/summarize";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { REFS, syntheticGame } from "../validate/fixtures";

describe("replicatePlays", () => {
  it("makes copies with distinct hashes and play_ids, one copy at a time or all at once", () => {
    const game = syntheticGame(50);
    const all = replicatePlays(game, 3);
    expect(new Set(all.map((p) => p.play_hash)).size).toBe(150);
    expect(all.map((p) => p.play_id)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(replicatePlays(game, 1, { firstCopy: 2 })).toEqual(all.slice(100));
  });
});

describe.each(DB_KINDS)("scaleCheck on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it("loads several copies of a game in small batches and summarises all of them", async () => {
    const game = syntheticGame(200);
    game[3] = { ...game[3]!, outs: 7 }; // one bad row per copy
    const r = await scaleCheck(t.db, game, REFS, { copies: 3, batchSize: 64 });
    expect(r).toMatchObject({ rowsIn: 600, loaded: 597, quarantined: 3, timelineRows: 597, pitchers: 3, batters: 4 });
    expect(r.peakRssMiB).toBeGreaterThan(0);
  });
});
