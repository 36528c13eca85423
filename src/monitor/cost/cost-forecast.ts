import { costUsd, type ModelPrice, type PriceTier } from "./price-table";
import type { TokenCounter } from "./token-counter";

/** One request a run plans to send, as the forecast sees it. */
export interface PlannedRequest {
  messages: { role: string; content: string }[];
  /** JSON schema of the structured output (counted: the provider adds it to the prompt). */
  schema?: unknown;
  /** Output tokens the answer is expected to take. */
  expectedTokensOut: number;
  /** The request's `max_tokens`: the most it can cost. */
  maxTokensOut: number;
}

/** What a run will cost before it starts: expected and worst case, at a dated price. */
export interface CostForecast {
  model: string;
  pricesAsOf: string;
  requests: number;
  tokensIn: number;
  expectedTokensOut: number;
  expectedCostUsd: number;
  /** Every answer as long as its `max_tokens` allows. */
  worstCaseCostUsd: number;
}

/**
 * Count the input tokens of every planned request offline and price them. Rows already in
 * the response cache are not planned, so a rerun forecasts $0. `tier` "batch": the Batch API's half price.
 * @example const f = forecastCost(planned, priceFor("gpt-4o")!, await loadTokenCounter("gpt-4o"));
 */
export function forecastCost(planned: PlannedRequest[], price: ModelPrice, counter: TokenCounter, tier: PriceTier = "standard"): CostForecast {
  let tokensIn = 0;
  let expectedOut = 0;
  let maxOut = 0;
  for (const r of planned) {
    tokensIn += counter.countRequest(r);
    expectedOut += r.expectedTokensOut;
    maxOut += r.maxTokensOut;
  }
  return {
    model: price.model,
    pricesAsOf: price.asOf,
    requests: planned.length,
    tokensIn,
    expectedTokensOut: expectedOut,
    expectedCostUsd: costUsd({ tokensIn, tokensOut: expectedOut }, price, tier),
    worstCaseCostUsd: costUsd({ tokensIn, tokensOut: maxOut }, price, tier),
  };
}

/** Add forecasts of several steps (extraction, mapping) into one for the run. */
export function addForecasts(a: CostForecast, b: CostForecast): CostForecast {
  return {
    model: a.model,
    pricesAsOf: a.pricesAsOf,
    requests: a.requests + b.requests,
    tokensIn: a.tokensIn + b.tokensIn,
    expectedTokensOut: a.expectedTokensOut + b.expectedTokensOut,
    expectedCostUsd: a.expectedCostUsd + b.expectedCostUsd,
    worstCaseCostUsd: a.worstCaseCostUsd + b.worstCaseCostUsd,
  };
}
