import { expect, it } from "vitest";
import { BudgetExceededError, OptionsError } from "../../../src/errors";
import { CostBudget, forecastCost, loadTokenCounter, priceFor } from "../../../src/monitor/cost";

it("refuses the request that could exceed the budget, counting requests still in flight", () => {
  const budget = new CostBudget(1.0);
  const a = budget.reserve(0.4);
  const b = budget.reserve(0.4);
  expect(() => budget.reserve(0.3)).toThrow(BudgetExceededError);
  budget.settle(a, 0.1); // the answer was shorter than its worst case: money comes back
  budget.settle(b, 0.1);
  expect(budget.spentUsd).toBeCloseTo(0.2);
  expect(() => budget.reserve(0.3)).not.toThrow();
  expect(budget.spentUsd + budget.reservedUsd).toBeLessThanOrEqual(1.0);
});

it("rejects a budget that is not a positive number, naming the field", () => {
  expect(() => new CostBudget(0)).toThrow(OptionsError);
  expect(() => new CostBudget(-1)).toThrow(/maxCostUsd/);
});

it("counts tokens offline, the structured-output schema included, and forecasts cost before a run", async () => {
  const counter = await loadTokenCounter("gpt-4o");
  const messages = [{ role: "user", content: "A 95-mph four-seamer, fouled back. The count stays 1-2." }];
  expect(counter.count(messages[0]!.content)).toBeGreaterThan(10);
  const withSchema = counter.countRequest({ messages, schema: { type: "object", properties: { outs: { type: "integer" } } } });
  expect(withSchema).toBeGreaterThan(counter.countRequest({ messages }));
  const f = forecastCost([{ messages, expectedTokensOut: 100, maxTokensOut: 300 }], priceFor("gpt-4o")!, counter);
  expect(f.requests).toBe(1);
  expect(f.expectedCostUsd).toBeLessThan(f.worstCaseCostUsd);
  expect(f.pricesAsOf).toBe(priceFor("gpt-4o")!.asOf);
});
