import { expect, it } from "vitest";
import { OptionsError } from "../../../src/errors";
import { PRICE_TABLE, costUsd, priceFor, requirePrice } from "../../../src/monitor/cost";

it("prices every model the workbook names, each with the date the price was taken", () => {
  for (const model of ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "simulated-gpt-4o-mini"]) {
    expect(priceFor(model)?.asOf, model).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  expect(PRICE_TABLE.find((p) => p.model === "simulated-gpt-4o-mini")!.note).toMatch(/SIMULATED/);
});

it("resolves dated snapshots to their family, never a mini to its big sibling", () => {
  expect(priceFor("gpt-4o-2024-08-06")!.model).toBe("gpt-4o");
  expect(priceFor("gpt-4o-mini-2024-07-18")!.model).toBe("gpt-4o-mini");
  expect(priceFor("gpt-4.1-nano")!.outputPerMTokUsd).toBe(0.4);
  expect(priceFor("llama-3-8b")).toBeUndefined();
});

it("the chapter's design costs about $5.65 at gpt-4o list prices", () => {
  // 1.56 M input tokens and ~175 k output tokens (five requests per row for 729 rows).
  expect(costUsd({ tokensIn: 1_560_000, tokensOut: 175_000 }, priceFor("gpt-4o")!)).toBeCloseTo(5.65, 2);
});

it("an unknown model without a price is refused by name before any money is spent", () => {
  expect(() => requirePrice("my-local-model")).toThrow(OptionsError);
  expect(() => requirePrice("my-local-model")).toThrow(/`price`/);
  expect(requirePrice("my-local-model", { model: "my-local-model", inputPerMTokUsd: 0, outputPerMTokUsd: 0, asOf: "2025-01-01" }).inputPerMTokUsd).toBe(0);
});
