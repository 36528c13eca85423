import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costByStep } from "../../../src/monitor/cost";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../support/databases";
import { extractionOf, extractorFor, loadPlays, recordEvents, startSim, truthByHash } from "./llm-test-kit";

describe.each(DB_KINDS)("LLM path end to end against the simulated model (%s)", (kind) => {
  let sim: SimulatedModel;
  let t: TestDatabase;
  beforeAll(async () => {
    sim = await startSim();
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await sim?.close();
    await t?.dispose();
  });

  it("extracts every row equal to the ground truth, a few plays per request, then a rerun sends nothing", async () => {
    const plays = loadPlays();
    const truth = truthByHash();
    const { events, log } = recordEvents();
    const llm = extractorFor(sim, { db: t.db, events, batchSize: 8 });

    const forecast = await llm.forecast(plays);
    const first = await llm.extract(plays, { runId: "run-1" });

    expect(first.failures).toEqual([]);
    expect(first.records.size).toBe(new Set(plays.map((p) => p.play_hash)).size);
    for (const p of plays) expect(first.records.get(p.play_hash), `play ${p.play_id}`).toEqual(extractionOf(truth.get(p.play_hash)!));
    expect(sim.stats().extractionRequests).toBe(Math.ceil(plays.length / 8));
    // The forecast counts the very tokens the server bills, offline and before the run.
    expect(forecast.tokensIn).toBe(sim.stats().tokensIn);

    const mapped = await llm.map(first.records, { runId: "run-1" });
    for (const p of plays) {
      const row = truth.get(p.play_hash)!;
      const m = mapped.mappings.get(p.play_hash)!;
      expect([m.pitcher_id, m.batter_id, m.pitch_type_code], `play ${p.play_id}`).toEqual([row.pitcher_id, row.batter_id, row.pitch_type_code]);
    }
    expect(mapped.stats.distinctNames).toBeLessThan(100);
    expect(sim.stats().mappingRequests).toBeLessThanOrEqual(1);

    const steps = await costByStep(t.db, "run-1");
    const extract = steps.find((s) => s.step === "extract")!;
    expect(extract.requests).toBe(first.stats.requests);
    expect(extract.tokensIn).toBe(sim.stats().tokensIn - (mapped.stats.tokensIn ?? 0));
    expect(extract.costUsd).toBeCloseTo(first.stats.costUsd, 9);
    expect(log.filter(([n]) => n === "llm:response")).toHaveLength(sim.stats().requests);

    const before = sim.stats().requests;
    const second = await llm.extract(plays, { runId: "run-2" });
    const secondMap = await llm.map(second.records, { runId: "run-2" });
    expect(sim.stats().requests - before).toBe(0);
    expect(second.records).toEqual(first.records);
    expect(secondMap.mappings).toEqual(mapped.mappings);
    expect(log.some(([n, e]) => n === "llm:cache-hit" && (e as { rows: number }).rows === first.records.size)).toBe(true);
    expect((await costByStep(t.db, "run-2")).reduce((s, x) => s + x.costUsd, 0)).toBe(0);
  });
});
