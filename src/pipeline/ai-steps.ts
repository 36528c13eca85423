import type { Config } from "../config";
import type { CanonicalMapping, Extraction, RawPlay, ReferenceTables } from "../domain/index";
import { AbortError, BudgetExceededError } from "../errors";
import type { PipelineEvents } from "../events";
import type { Database } from "../db/database";
import { addUsage, extractOffline, extractStep, type StepUsage, NO_STEP_USAGE } from "./steps/extract-step";
import { mapOffline, mapStep } from "./steps/map-step";

/** What the LLM path cost; all zeros offline. */
export type LlmUsage = StepUsage;

export interface AiStepsResult {
  records: Map<string, Extraction>;
  mappings: Map<string, CanonicalMapping>;
  /** Rows that could not be extracted, with the reason (LLM path: after retries and splits, or not reached within budget). */
  failures: { play_hash: string; reason: string }[];
  usage: LlmUsage;
  /** Set when the run stopped early (budget), with a message for the summary. */
  stoppedReason?: string;
  /** Why it stopped early: the budget (`BudgetExceededError`) or an abort. */
  stopped?: BudgetExceededError | AbortError;
  /** The budget the run had, in USD (LLM path only). */
  budgetUsd?: number;
}


/** The offline provider: rule-based extraction and deterministic mapping, no network, no cost (the DAG's extract and map steps). */
export function offlineAiSteps(plays: RawPlay[], refs: ReferenceTables, extract?: (plays: RawPlay[]) => Map<string, Extraction>): AiStepsResult {
  // `extract`: the extractor version a canary promoted (src/release/); default the roster rules.
  const records = extractOffline(plays, refs, extract);
  return { records, mappings: mapOffline(records, refs), failures: [], usage: { ...NO_STEP_USAGE } };
}

/**
 * The OpenAI provider: batched structured extraction, then deterministic-first mapping with the LLM
 * only for what stays unresolved, under one budget: the DAG's extract and map steps on all rows at once.
 */
export async function llmAiSteps(
  plays: RawPlay[],
  refs: ReferenceTables,
  options: { config: Config; db: Database; events?: PipelineEvents; runId: string; maxCostUsd?: number },
): Promise<AiStepsResult> {
  // Loaded here, not at start-up: the offline path never needs the OpenAI SDK or the tokenizer.
  const [{ CostBudget }, { LlmExtractor, llmOptionsFromConfig }] = await Promise.all([
    import("../monitor/cost/index"),
    import("../transform/llm/index"),
  ]);
  const budgetUsd = options.maxCostUsd ?? options.config.llm.maxCostUsd;
  const budget = new CostBudget(budgetUsd);
  const llm = new LlmExtractor(llmOptionsFromConfig(options.config, { db: options.db, events: options.events, reference: refs }));
  const e = await extractStep(plays, refs, { provider: "openai", llm, runId: options.runId, budget, onLongWait: "stop" });
  const m = await mapStep(new Map(e.records), refs, { provider: "openai", llm, runId: options.runId, budget });
  const stop = e.stop ?? m.stop;
  return {
    records: new Map(e.records),
    mappings: new Map(m.mappings),
    failures: e.failures,
    usage: addUsage(e.usage, m.usage),
    stoppedReason: stop?.message,
    stopped: stop ? Object.assign(stop.kind === "budget" ? new BudgetExceededError(stop.budgetUsd ?? budgetUsd, budgetUsd) : new AbortError(stop.message), { message: stop.message }) : undefined,
    budgetUsd,
  };
}
