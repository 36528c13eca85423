import { describe, expect, it } from "vitest";
import { BudgetExceededError, BudgetStoppedError, formatUsd } from "../../src/errors";

// Issue 9, item 8: a budget of $0.005 is printed as $0.005, not rounded to $0.01.
describe("money in messages", () => {
  it("keeps two decimals, and the significant digits of small amounts", () => {
    expect([0, 0.005, 0.0123, 0.05, 0.5, 1, 5.65, 1234.5].map(formatUsd)).toEqual(["0.00", "0.005", "0.012", "0.05", "0.50", "1.00", "5.65", "1234.50"]);
  });

  it("names the budget as given in the budget errors", () => {
    expect(new BudgetExceededError(0.005, 0.0056).message).toBe("Cost budget exceeded: the next request would bring spend to $0.0056, over the budget of $0.005");
    expect(new BudgetStoppedError(0.005, 56).message).toBe("Stopped by the cost budget of $0.005: 56 row(s) were not extracted");
  });
});
