import type { CanonicalMapping, Extraction, ReferenceTables } from "../../domain/index";
import type { CostBudget } from "../../monitor/cost/index";
import { createCanonicalMapper } from "../../transform/canonical-mapper";
import type { LlmExtractor } from "../../transform/llm/index";
import { NO_STEP_USAGE, stopOf, type StepStop, type StepUsage } from "./extract-step";

export interface MapStepOptions {
  provider: "offline" | "openai";
  llm?: LlmExtractor;
  runId: string;
  /** LLM path: what is left of the run's spending cap. Default: none. */
  budget?: CostBudget;
  signal?: AbortSignal;
}

export interface MapStepResult {
  mappings: [string, CanonicalMapping][];
  stop?: StepStop;
  usage: StepUsage;
}

/** map: canonical IDs for every record (the rules first; the LLM only for the names they leave open). */
export async function mapStep(records: ReadonlyMap<string, Extraction>, refs: ReferenceTables, options: MapStepOptions): Promise<MapStepResult> {
  if (options.provider !== "openai") return { mappings: [...mapOffline(records, refs)], usage: { ...NO_STEP_USAGE } };
  const r = await options.llm!.map(new Map(records), { runId: options.runId, budget: options.budget, signal: options.signal });
  const s = r.stats;
  return {
    mappings: [...r.mappings],
    stop: stopOf(r.stopped),
    usage: { requests: s.requests, retries: s.retries, tokensIn: s.tokensIn, tokensOut: s.tokensOut, costUsd: s.costUsd, cachedRows: 0 },
  };
}

/** The offline map step: the canonical mapper's rules over the reference tables. */
export function mapOffline(records: ReadonlyMap<string, Extraction>, refs: ReferenceTables): Map<string, CanonicalMapping> {
  const mapper = createCanonicalMapper(refs);
  return new Map([...records].map(([hash, e]) => [hash, mapper.map(e)]));
}
