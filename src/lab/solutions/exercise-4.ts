import * as wb from "../../index";

/**
 * Ten plays per request (4 requests instead of 40), four requests in flight (all at once here),
 * and the response cache in the run's database so a rerun sends nothing.
 */
export function tuneLlm(db: wb.Database): Partial<wb.LlmExtractorOptions> {
  return { batchSize: 10, concurrency: 4, db: db };
}
