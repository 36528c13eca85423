import { LlmRateLimitError, BudgetExceededError } from "../../errors";
import type { Extraction, RawPlay, ReferenceTables } from "../../domain/index";
import type { CostBudget } from "../../monitor/cost/index";
import { assertProviderAnswered, type LlmExtractor } from "../../transform/llm/index";
import { RuleExtractor } from "../../transform/offline/rule-extractor";

/** A row the AI step could not turn into a record or a mapping, with the reason. */
export interface RowFailure {
  play_hash: string;
  reason: string;
}

/** Why a step stopped before every row: the cost budget, or a provider's wait over the ceiling (or an abort). */
export interface StepStop {
  kind: "budget" | "wait" | "abort";
  message: string;
  /** For the budget: the cap that stopped it, in USD. */
  budgetUsd?: number;
}

/** What the LLM requests of a step did, from the extractor's own count (the call ledger holds each request). */
export interface StepUsage {
  requests: number;
  retries: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  cachedRows: number;
}

export const NO_STEP_USAGE: StepUsage = { requests: 0, retries: 0, tokensIn: 0, tokensOut: 0, costUsd: 0, cachedRows: 0 };

export interface ExtractStepOptions {
  provider: "offline" | "openai";
  /** Offline: the extractor to use (e.g. a canary's). Default: the rule extractor with the roster. */
  extract?: (plays: RawPlay[]) => Map<string, Extraction>;
  /**
   * Offline: the whole input `plays` is a batch of. The rules read the game as a whole (which side is
   * at home, a two-way player's half-innings), so a batch is read within it and keeps its own rows:
   * the same records however the input is split. Default: `plays` alone.
   */
  context?: RawPlay[];
  /** LLM path: the extractor (its cache, client and call ledger). */
  llm?: LlmExtractor;
  runId: string;
  /** LLM path: the spending cap of this step. Default: none. */
  budget?: CostBudget;
  signal?: AbortSignal;
  /**
   * A provider's retry-after over `LLM_RETRY_AFTER_MAX_S`: `throw` it (the task is rescheduled after
   * the wait, pg-boss) or `stop` (the rows not reached are quarantined with the reason, in-process).
   */
  onLongWait: "throw" | "stop";
}

export interface ExtractStepResult {
  /** Records by play hash, as entries (so they stage as JSON). */
  records: [string, Extraction][];
  failures: RowFailure[];
  stop?: StepStop;
  usage: StepUsage;
}

/**
 * extract: each paragraph to structured pitch data, by the rules offline or by the LLM. A provider
 * that answers none of the rows fails the step (retryable: an outage), rather than quarantining all.
 */
export async function extractStep(plays: RawPlay[], refs: ReferenceTables, options: ExtractStepOptions): Promise<ExtractStepResult> {
  if (options.provider !== "openai") {
    const whole = await (options.context ? wholeInput(options.context, refs, options.extract) : extractOfflineAsync(plays, refs, options.extract));
    const records = plays.flatMap((p): [string, Extraction][] => (whole.has(p.play_hash) ? [[p.play_hash, whole.get(p.play_hash)!]] : []));
    if (options.context) tookBatch(options.context, plays.length);
    return { records, failures: [], usage: { ...NO_STEP_USAGE } };
  }
  const r = await options.llm!.extract(plays, { runId: options.runId, budget: options.budget, signal: options.signal });
  if (r.stopped instanceof LlmRateLimitError && options.onLongWait === "throw") throw r.stopped;
  assertProviderAnswered(plays, r, true);
  const failures = [
    ...r.failures.map((f) => ({ play_hash: f.play_hash, reason: f.reason })),
    ...r.unfinished.map((u) => ({ play_hash: u.play_hash, reason: `not extracted: ${r.stopped?.message ?? "run stopped"}` })),
  ];
  const s = r.stats;
  return {
    records: [...r.records],
    failures,
    stop: stopOf(r.stopped),
    usage: { requests: s.requests, retries: s.retries, tokensIn: s.tokensIn, tokensOut: s.tokensOut, costUsd: s.costUsd, cachedRows: s.cachedRows },
  };
}

// The batches of one input in one process read it once (the in-process executor hands every batch the same array).
// Once every row of the input has been taken by its batch, the whole reading is let go (the input itself lives on
// to the validate step: a 100,000-row run would otherwise keep a second copy of every record that long).
const readInputs = new WeakMap<RawPlay[], { records: Promise<Map<string, Extraction>>; taken: number }>();
function wholeInput(context: RawPlay[], refs: ReferenceTables, extract?: (plays: RawPlay[]) => Map<string, Extraction>): Promise<Map<string, Extraction>> {
  let whole = readInputs.get(context);
  if (!whole) readInputs.set(context, (whole = { records: extractOfflineAsync(context, refs, extract), taken: 0 }));
  return whole.records;
}
function tookBatch(context: RawPlay[], rows: number): void {
  const whole = readInputs.get(context);
  if (whole && (whole.taken += rows) >= context.length) readInputs.delete(context);
}

/** The offline extract step: the rules (or a canary's extractor), no network, no cost. */
export function extractOffline(plays: RawPlay[], refs: ReferenceTables, extract?: (plays: RawPlay[]) => Map<string, Extraction>): Map<string, Extraction> {
  return extract ? extract(plays) : new RuleExtractor({ references: refs }).extract(plays);
}

/** `extractOffline`, with a large input's paragraphs read in worker threads (the same records). */
export async function extractOfflineAsync(plays: RawPlay[], refs: ReferenceTables, extract?: (plays: RawPlay[]) => Map<string, Extraction>): Promise<Map<string, Extraction>> {
  return extract ? extract(plays) : new RuleExtractor({ references: refs }).extractAsync(plays);
}

export function stopOf(stopped: Error | undefined): StepStop | undefined {
  if (!stopped) return undefined;
  if (stopped instanceof BudgetExceededError) return { kind: "budget", message: stopped.message, budgetUsd: stopped.budgetUsd };
  return { kind: stopped instanceof LlmRateLimitError ? "wait" : "abort", message: stopped.message };
}

/** Add two usages, field by field. */
export function addUsage(a: StepUsage, b: StepUsage): StepUsage {
  return {
    requests: a.requests + b.requests, retries: a.retries + b.retries, tokensIn: a.tokensIn + b.tokensIn,
    tokensOut: a.tokensOut + b.tokensOut, costUsd: a.costUsd + b.costUsd, cachedRows: a.cachedRows + b.cachedRows,
  };
}
