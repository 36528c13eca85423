import { afterAll, beforeAll, expect, it } from "vitest";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { readReferenceTables } from "../../../src/extract";
import { costByStep, costUsd, priceFor } from "../../../src/monitor/cost";
import { createTestDatabase, type TestDatabase } from "../../support/databases";
import { DATA_DIR, extractorFor, loadPlays, startSim } from "./llm-test-kit";

// Prompt caching: the prefix every request shares (instructions, answer format, the reference tables) comes first.
// A roster this long (a league's, not one game's) makes it longer than the 1,024 tokens OpenAI caches from.
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

it("reads cached_tokens from usage, prices them at the cached rate and shows them in the cost report", async () => {
  const base = readReferenceTables(DATA_DIR);
  const extra = Array.from({ length: 160 }, (_, k) => ({ batter_id: 900 + k, name: `Prospect Number${k} Callahan-Whitfield`, team: base.batters[0]!.team, position: "PH", bats: "R" }));
  const reference = { ...base, batters: [...base.batters, ...extra] } as typeof base;
  const llm = extractorFor(sim, { db: t.db, reference, batchSize: 4, concurrency: 1 });
  const r = await llm.extract(loadPlays().slice(0, 24), { runId: "cache" });
  const s = sim.stats();
  expect(s.extractionRequests).toBe(6);
  // The first request fills the cache; the five after it read their prefix from it.
  expect(s.tokensCached).toBeGreaterThanOrEqual(5 * 1024);
  expect(r.stats.tokensCached).toBe(s.tokensCached);
  const price = priceFor(sim.modelId)!;
  const [step] = (await costByStep(t.db, "cache")).filter((x) => x.step === "extract");
  expect(step!.tokensCached).toBe(s.tokensCached);
  expect(step!.costUsd).toBeCloseTo(costUsd({ tokensIn: s.tokensIn, tokensOut: s.tokensOut, tokensCached: s.tokensCached }, price), 10);
  expect(step!.costUsd).toBeLessThan(costUsd({ tokensIn: s.tokensIn, tokensOut: s.tokensOut }, price));
});

it("a prefix under 1,024 tokens is not cached (the game's own roster)", async () => {
  const before = sim.stats().tokensCached;
  await extractorFor(sim, { batchSize: 4, concurrency: 1 }).extract(loadPlays().slice(24, 40), { runId: "short" });
  expect(sim.stats().tokensCached - before).toBe(0);
});
