import type { Config } from "../config";
import type { RawPlay, ReferenceTables } from "../domain/index";
import { readReferenceTables } from "../extract/reference-reader";
import type { Database } from "../db/database";
import type { CostForecast } from "../monitor/cost/index";
import { LlmExtractor, llmOptionsFromConfig } from "../transform/llm/index";

/**
 * What the LLM extraction of `plays` would cost with the configured model, counted offline with
 * the model's tokenizer before any request (rows already in the response cache cost nothing).
 * Works without an API key: nothing is sent. With the cascade on (the default), the rows the rules settle are
 * not counted, as the run would not send them: hence the reference tables (default: the configured ones).
 *
 * @example const f = await forecastLlmRun(plays, config, db); console.log(f.expectedCostUsd);
 */
export async function forecastLlmRun(
  plays: RawPlay[],
  config: Config,
  db?: Database,
  reference: ReferenceTables = readReferenceTables(config.referencesDir),
): Promise<CostForecast> {
  // A placeholder key is enough to build the client; forecasting makes no request.
  const llm = new LlmExtractor(llmOptionsFromConfig(config, { apiKey: config.llm.apiKey ?? "forecast-only", db, reference }));
  return llm.forecast(plays);
}
