import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { createTestDatabase, type TestDatabase } from "../../support/databases";
import { extractorFor, loadPlays, startSim } from "./llm-test-kit";

// Answers cached from one API host never stand in for another's: a simulated or local server's
// answers must not make a later run against OpenAI look free and perfect.
describe("the response cache is kept per provider", () => {
  let sim: SimulatedModel;
  let t: TestDatabase;
  beforeAll(async () => {
    sim = await startSim();
    t = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await sim?.close();
    await t?.dispose();
  });

  it("answers a rerun at the same host from the cache, and sends every request again to another host", async () => {
    const plays = loadPlays().slice(0, 16);
    await extractorFor(sim, { db: t.db }).extract(plays, { runId: "first" });
    const afterFirst = sim.stats().extractionRequests;
    expect(afterFirst).toBe(2);

    const rerun = await extractorFor(sim, { db: t.db }).extract(plays, { runId: "same-host" });
    expect(rerun.stats.cachedRows).toBe(16);
    expect(sim.stats().extractionRequests).toBe(afterFirst);

    // The same server under another host name (localhost instead of 127.0.0.1): another provider.
    const other = extractorFor(sim, { db: t.db, baseURL: sim.baseURL.replace("127.0.0.1", "localhost") });
    const fresh = await other.extract(plays, { runId: "other-host" });
    expect(fresh.stats.cachedRows).toBe(0);
    expect(sim.stats().extractionRequests).toBe(afterFirst + 2);
  });
});
