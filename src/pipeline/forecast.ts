import type { Config } from "../config";
import type { RawPlay } from "../domain/index";
import type { Database } from "../db/database";
import type { CostForecast } from "../monitor/cost/index";
import { LlmExtractor, llmOptionsFromConfig } from "../transform/llm/index";

/**
 * What the LLM extraction of `plays` would cost with the configured model, counted offline with
 * the model's tokenizer before any request (rows already in the response cache cost nothing).
 * Works without an API key: nothing is sent.
 *
 * @example const f = await forecastLlmRun(plays, config, db); console.log(f.expectedCostUsd);
 */
export async function forecastLlmRun(plays: RawPlay[], config: Config, db?: Database): Promise<CostForecast> {
  // A placeholder key is enough to build the client; forecasting makes no request.
  const llm = new LlmExtractor(llmOptionsFromConfig(config, { apiKey: config.llm.apiKey ?? "forecast-only", db }));
  return llm.forecast(plays);
}
