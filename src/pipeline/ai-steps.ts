import type { Config } from "../config";
import type { CanonicalMapping, Extraction, RawPlay, ReferenceTables } from "../domain/index";
import type { AbortError, BudgetExceededError } from "../errors";
import type { PipelineEvents } from "../events";
import type { Database } from "../db/database";
import { createCanonicalMapper } from "../transform/canonical-mapper";
import { RuleExtractor } from "../transform/offline/rule-extractor";

/** What the LLM path cost; all zeros offline. */
export interface LlmUsage {
  requests: number;
  retries: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  cachedRows: number;
}

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

export const NO_USAGE: LlmUsage = { requests: 0, retries: 0, tokensIn: 0, tokensOut: 0, costUsd: 0, cachedRows: 0 };

/** The offline provider: rule-based extraction and deterministic mapping, no network, no cost. */
export function offlineAiSteps(plays: RawPlay[], refs: ReferenceTables, extract?: (plays: RawPlay[]) => Map<string, Extraction>): AiStepsResult {
  // `extract`: the extractor version a canary promoted (src/release/); default the roster rules.
  const records = extract ? extract(plays) : new RuleExtractor({ references: refs }).extract(plays);
  const mapper = createCanonicalMapper(refs);
  const mappings = new Map<string, CanonicalMapping>();
  for (const [hash, e] of records) mappings.set(hash, mapper.map(e));
  return { records, mappings, failures: [], usage: { ...NO_USAGE } };
}

/** The OpenAI provider: batched structured extraction, then deterministic-first mapping with the LLM only for what stays unresolved. */
export async function llmAiSteps(
  plays: RawPlay[],
  refs: ReferenceTables,
  options: { config: Config; db: Database; events?: PipelineEvents; runId: string; maxCostUsd?: number },
): Promise<AiStepsResult> {
  // Loaded here, not at start-up: the offline path never needs the OpenAI SDK or the tokenizer.
  const [{ CostBudget }, { LlmExtractor, assertProviderAnswered, llmOptionsFromConfig }] = await Promise.all([
    import("../monitor/cost/index"),
    import("../transform/llm/index"),
  ]);
  const budgetUsd = options.maxCostUsd ?? options.config.llm.maxCostUsd;
  const budget = new CostBudget(budgetUsd);
  const llm = new LlmExtractor(llmOptionsFromConfig(options.config, { db: options.db, events: options.events, reference: refs }));
  const extracted = await llm.extract(plays, { runId: options.runId, budget });
  assertProviderAnswered(plays, extracted, false);
  // Rules first (the canonical mapper over `refs`), the model only for names they leave unresolved.
  const mapped = await llm.map(extracted.records, { runId: options.runId, budget });
  const failures = [
    ...extracted.failures.map((f) => ({ play_hash: f.play_hash, reason: f.reason })),
    ...extracted.unfinished.map((u) => ({ play_hash: u.play_hash, reason: `not extracted: ${extracted.stopped?.message ?? "run stopped"}` })),
  ];
  const s = extracted.stats;
  const m = mapped.stats;
  return {
    records: extracted.records,
    mappings: mapped.mappings,
    failures,
    usage: {
      requests: s.requests + m.requests,
      retries: s.retries + m.retries,
      tokensIn: s.tokensIn + m.tokensIn,
      tokensOut: s.tokensOut + m.tokensOut,
      costUsd: s.costUsd + m.costUsd,
      cachedRows: s.cachedRows,
    },
    stoppedReason: (extracted.stopped ?? mapped.stopped)?.message,
    stopped: extracted.stopped ?? mapped.stopped,
    budgetUsd,
  };
}
