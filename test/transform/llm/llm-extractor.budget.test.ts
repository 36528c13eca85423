import { afterEach, expect, it } from "vitest";
import { BudgetExceededError } from "../../../src/errors";
import { CostBudget, priceFor } from "../../../src/monitor/cost";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { extractionOf, extractorFor, loadPlays, startSim, truthByHash } from "./llm-test-kit";

let sim: SimulatedModel | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

it("stops before the budget is exceeded: finished rows keep their results, the rest are reported unfinished", async () => {
  const plays = loadPlays().slice(0, 40);
  const truth = truthByHash();
  sim = await startSim();
  const llm = extractorFor(sim, { batchSize: 8, concurrency: 1 });
  const forecast = await llm.forecast(plays);
  // Enough for two of the five batches at their worst case: the run must stop part-way.
  const budget = new CostBudget((forecast.worstCaseCostUsd / forecast.requests) * 2);
  const result = await llm.extract(plays, { runId: "budget", budget });

  expect(result.stopped).toBeInstanceOf(BudgetExceededError);
  const sent = result.stats.requests;
  expect(sent).toBeGreaterThanOrEqual(1);
  expect(sent).toBeLessThan(5);
  expect(sim.stats().requests).toBe(sent);
  expect(result.records.size).toBe(8 * sent);
  for (const [hash, rec] of result.records) expect(rec).toEqual(extractionOf(truth.get(hash)!));
  expect(result.unfinished.map((u) => u.play_id)).toEqual(plays.slice(8 * sent).map((p) => p.play_id));
  expect(budget.spentUsd).toBeLessThanOrEqual(budget.maxCostUsd);
  // What was spent is what the server billed, at the model's dated price.
  const price = priceFor(sim.modelId)!;
  const billed = (sim.stats().tokensIn * price.inputPerMTokUsd + sim.stats().tokensOut * price.outputPerMTokUsd) / 1e6;
  expect(budget.spentUsd).toBeCloseTo(billed, 10);
});

it("a run whose first request could exceed the budget sends nothing", async () => {
  const plays = loadPlays().slice(0, 8);
  sim = await startSim();
  const result = await extractorFor(sim, { maxCostUsd: 1e-7 }).extract(plays, { runId: "tiny" });
  expect(result.stopped).toBeInstanceOf(BudgetExceededError);
  expect(sim.stats().requests).toBe(0);
  expect(result.unfinished).toHaveLength(8);
});
