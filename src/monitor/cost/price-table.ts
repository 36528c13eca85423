import { OptionsError } from "../../errors";

/** List price of one model, in US dollars per million tokens, and the day the figures were taken. */
export interface ModelPrice {
  model: string;
  inputPerMTokUsd: number;
  outputPerMTokUsd: number;
  /** Input tokens the provider served from its prompt cache (`usage.prompt_tokens_details.cached_tokens`). Default: the input price. */
  cachedInputPerMTokUsd?: number;
  /** ISO date the prices were taken from the provider's published list (standard tier, no batch discount). */
  asOf: string;
  note?: string;
}

/** The day the list prices below were copied from OpenAI's pricing page. Check it before budgeting real money. */
export const PRICES_AS_OF = "2025-06-01";

/**
 * A dated price table. Prices change; the date travels with every figure so a cost
 * report can say "at the prices of …". Snapshot names (`gpt-4o-2024-08-06`) resolve
 * to their family by the longest matching prefix.
 */
export const PRICE_TABLE: readonly ModelPrice[] = [
  { model: "gpt-4o", inputPerMTokUsd: 2.5, outputPerMTokUsd: 10, cachedInputPerMTokUsd: 1.25, asOf: PRICES_AS_OF },
  { model: "gpt-4o-mini", inputPerMTokUsd: 0.15, outputPerMTokUsd: 0.6, cachedInputPerMTokUsd: 0.075, asOf: PRICES_AS_OF },
  { model: "gpt-4.1", inputPerMTokUsd: 2, outputPerMTokUsd: 8, cachedInputPerMTokUsd: 0.5, asOf: PRICES_AS_OF },
  { model: "gpt-4.1-mini", inputPerMTokUsd: 0.4, outputPerMTokUsd: 1.6, cachedInputPerMTokUsd: 0.1, asOf: PRICES_AS_OF },
  { model: "gpt-4.1-nano", inputPerMTokUsd: 0.1, outputPerMTokUsd: 0.4, cachedInputPerMTokUsd: 0.025, asOf: PRICES_AS_OF },
  {
    model: "simulated-gpt-4o-mini",
    inputPerMTokUsd: 0.15,
    outputPerMTokUsd: 0.6,
    cachedInputPerMTokUsd: 0.075,
    asOf: PRICES_AS_OF,
    note: "SIMULATED MODEL (scripts/simulated-model): priced as gpt-4o-mini so its runs show what the real model would cost",
  },
];

/** Token counts of one response, as the API's `usage` reports them. */
export interface TokenUsage {
  tokensIn: number;
  tokensOut: number;
  /** Of `tokensIn`, those served from the provider's prompt cache (priced at `cachedInputPerMTokUsd`). Default 0. */
  tokensCached?: number;
}

/** How a request is billed: at the standard rates, or through the Batch API (half the standard input and output rates). */
export type PriceTier = "standard" | "batch";

/** The Batch API's discount on the standard rates, as OpenAI lists it. */
export const BATCH_DISCOUNT = 0.5;

/**
 * The price of `model`, or undefined when the table does not know it.
 * @example priceFor("gpt-4o-2024-08-06")?.inputPerMTokUsd // 2.5
 */
export function priceFor(model: string, table: readonly ModelPrice[] = PRICE_TABLE): ModelPrice | undefined {
  let best: ModelPrice | undefined;
  for (const entry of table) {
    const matches = model === entry.model || model.startsWith(`${entry.model}-20`);
    if (matches && (!best || entry.model.length > best.model.length)) best = entry;
  }
  return best;
}

/** Like `priceFor`, but an unknown model is an `OptionsError` naming the field to set. */
export function requirePrice(model: string, override?: ModelPrice): ModelPrice {
  const price = override ?? priceFor(model);
  if (!price) {
    throw new OptionsError("price", `a price for model ${JSON.stringify(model)} (it is not in the price table; pass \`price\`)`, undefined);
  }
  return price;
}

/**
 * Dollars for a number of tokens at a price: cached input tokens at the cached rate (standard tier); through the
 * Batch API every token at half the standard rate (cached ones included, no further cache discount counted).
 * @example costUsd({ tokensIn: 2000, tokensCached: 1024, tokensOut: 100 }, priceFor("gpt-4o")!) // 0.00472
 */
export function costUsd(usage: TokenUsage, price: ModelPrice, tier: PriceTier = "standard"): number {
  const cached = Math.min(usage.tokensCached ?? 0, usage.tokensIn);
  if (tier === "batch") return (BATCH_DISCOUNT * (usage.tokensIn * price.inputPerMTokUsd + usage.tokensOut * price.outputPerMTokUsd)) / 1_000_000;
  const cachedRate = price.cachedInputPerMTokUsd ?? price.inputPerMTokUsd;
  return ((usage.tokensIn - cached) * price.inputPerMTokUsd + cached * cachedRate + usage.tokensOut * price.outputPerMTokUsd) / 1_000_000;
}
