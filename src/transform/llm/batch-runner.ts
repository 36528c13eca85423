import { createHash } from "node:crypto";
import type OpenAI from "openai";
import { AbortError, BudgetExceededError, LlmRateLimitError, LlmResponseError, toError } from "../../errors";
import type { PipelineEvents } from "../../events";
import { costUsd, type CostBudget, type ModelPrice, type TokenCounter, type TokenUsage } from "../../monitor/cost/index";
import type { CallLedger, StartedCall } from "./call-ledger";
import { BilledResponseError, LlmTransportError, completeJson, type ChatMessage } from "./chat-client";
import type { RequestLimiter } from "./request-limiter";
import { backoffDelayMs, exceedsRetryAfterCeiling, isRetryable, sleep, type RetryBudget, type RetryPolicy } from "./retry-policy";

/** What one kind of batched request (extraction, mapping) needs to tell the runner. */
export interface BatchStep<I, R> {
  step: string;
  schemaName: string;
  schema: Record<string, unknown>;
  keyOf(item: I): string;
  messages(items: I[]): ChatMessage[];
  /** `max_tokens` of a batch: also its worst case for the budget. */
  maxTokensOut(items: I[]): number;
  /** Output tokens a batch is expected to take (the forecast): the estimate recorded when usage is unknown. Default `maxTokensOut`. */
  expectedTokensOut?(items: I[]): number;
  /** Read an answer: results by key, and a reason for each item it got wrong. Throws `LlmResponseError` when the whole answer is unusable. */
  read(json: unknown, items: I[]): { ok: Map<string, R>; bad: Map<string, string> };
  /** Called with each batch of good results as they arrive (e.g. to cache them). */
  onResults?(ok: Map<string, R>): Promise<void>;
}

export interface RunnerDeps {
  client: OpenAI;
  model: string;
  temperature: number;
  policy: RetryPolicy;
  retryBudget: RetryBudget;
  budget: CostBudget;
  price: ModelPrice;
  counter: TokenCounter;
  limiter: RequestLimiter;
  ledger: CallLedger;
  events?: PipelineEvents;
  runId: string;
  redact(text: string): string;
  signal?: AbortSignal;
  random?: () => number;
}

export interface RunnerStats {
  requests: number;
  retries: number;
  splits: number;
  tokensIn: number;
  tokensOut: number;
  /** Of `tokensIn`, those the provider served from its prompt cache (billed at the cached rate). */
  tokensCached: number;
  costUsd: number;
  /** Requests whose exchange broke after they were sent: their tokens and cost above are the forecast's estimate. */
  usageUnknown: number;
}

export interface BatchRunResult<I, R> {
  results: Map<string, R>;
  /** Items that still failed after retries and splits, with the last reason. */
  failures: { item: I; reason: string }[];
  /** Items never answered because the run stopped (budget, abort, a retry-after over the ceiling). */
  unfinished: I[];
  /** Why it stopped; an `LlmRateLimitError` carries the wait the provider asked for, to reschedule after it. */
  stopped?: BudgetExceededError | AbortError | LlmRateLimitError;
  stats: RunnerStats;
}

/**
 * Send batches with bounded concurrency under the declared retry policy. Transient
 * failures are retried with backoff (`retry-after` honoured); a bad answer is retried
 * once more, then the batch is split in two so one poisoned row does not sink its
 * neighbours; items still failing come back as failures with their reason. Every extra
 * request draws on one retry budget, and every request reserves its worst-case cost
 * first, so the run stops before the budget would be exceeded. Never throws half-way.
 */
export async function runBatches<I, R>(spec: BatchStep<I, R>, batches: I[][], deps: RunnerDeps): Promise<BatchRunResult<I, R>> {
  const out: BatchRunResult<I, R> = {
    results: new Map(),
    failures: [],
    unfinished: [],
    stats: { requests: 0, retries: 0, splits: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0, costUsd: 0, usageUnknown: 0 },
  };
  const { policy, events, runId } = deps;
  const step = spec.step;

  const fail = (items: I[], reason: string) => items.forEach((item) => out.failures.push({ item, reason }));

  const badAnswer = async (items: I[], reason: string, attempt: number, badTries: number): Promise<void> => {
    if (badTries < policy.badAnswerAttempts && deps.retryBudget.take()) {
      out.stats.retries++;
      events?.emit("llm:retry", { runId, step, attempt: attempt + 1, delayMs: 0, reason });
      return send(items, attempt + 1, badTries + 1);
    }
    if (items.length > 1 && deps.retryBudget.take(2)) {
      out.stats.splits++;
      const mid = Math.ceil(items.length / 2);
      // A half of several rows splits again at its first bad answer; a single row gets its own retries.
      const triesOf = (half: I[]) => (half.length > 1 ? policy.badAnswerAttempts : 1);
      const [left, right] = [items.slice(0, mid), items.slice(mid)];
      await Promise.all([send(left, 1, triesOf(left)), send(right, 1, triesOf(right))]);
      return;
    }
    const alone = items.length === 1 && badTries >= policy.badAnswerAttempts;
    fail(items, `${reason} (${alone ? `after ${badTries} tries alone` : "retry budget spent"})`);
  };

  const send = async (items: I[], attempt: number, badTries: number): Promise<void> => {
    if (out.stopped) {
      out.unfinished.push(...items);
      return;
    }
    const messages = spec.messages(items);
    const maxTokensOut = spec.maxTokensOut(items);
    const requestHash = createHash("sha256").update(JSON.stringify(messages)).digest("hex");
    const tokensInEstimate = deps.counter.countRequest({ messages, schema: spec.schema });
    let reservation;
    try {
      reservation = deps.budget.reserve(costUsd({ tokensIn: tokensInEstimate, tokensOut: maxTokensOut }, deps.price));
    } catch (e) {
      if (!(e instanceof BudgetExceededError)) throw e;
      out.stopped = e;
      out.unfinished.push(...items);
      return;
    }
    let started = Date.now();
    let error: Error | undefined;
    let answer: { ok: Map<string, R>; bad: Map<string, string> } | undefined;
    let usage: TokenUsage = { tokensIn: 0, tokensOut: 0 };
    // The forecast of this request: recorded before it is sent, kept when the provider's usage never arrives.
    const estimate = { tokensIn: tokensInEstimate, tokensOut: spec.expectedTokensOut?.(items) ?? maxTokensOut };
    let trace: StartedCall | undefined;
    try {
      const response = await deps.limiter.run(async () => {
        // Stopped while this batch waited for a slot (an abort, a long retry-after): do not send it. Its budget was reserved, so a budget stop does not hold it back.
        if (out.stopped && !(out.stopped instanceof BudgetExceededError)) return undefined;
        events?.emit("llm:request", { runId, step, model: deps.model, rows: items.length, attempt });
        out.stats.requests++;
        started = Date.now();
        trace = await deps.ledger.start({ runId, step, model: deps.model, requestHash, rows: items.length, ...estimate, costUsd: costUsd(estimate, deps.price), attempt });
        return completeJson(deps.client, { model: deps.model, temperature: deps.temperature, messages, schemaName: spec.schemaName, schema: spec.schema, maxTokensOut, signal: deps.signal }, deps.redact);
      });
      if (response === undefined) {
        deps.budget.settle(reservation, 0);
        out.unfinished.push(...items);
        return;
      }
      usage = response.usage;
      answer = spec.read(response.json, items);
    } catch (e) {
      error = toError(e);
      if (e instanceof BilledResponseError) usage = e.usage;
    }
    const usageUnknown = error instanceof LlmTransportError && error.usageUnknown;
    if (usageUnknown) usage = estimate;
    const durationMs = Date.now() - started;
    const cost = costUsd(usage, deps.price);
    deps.budget.settle(reservation, cost);
    out.stats.tokensIn += usage.tokensIn;
    out.stats.tokensOut += usage.tokensOut;
    out.stats.tokensCached += usage.tokensCached ?? 0;
    out.stats.costUsd += cost;
    if (usageUnknown) out.stats.usageUnknown++;
    const status = usageUnknown ? "usage_unknown" : error ? "error" : answer!.bad.size > 0 ? "partial" : "ok";
    if (trace) {
      await deps.ledger.finish(trace, { tokensIn: usage.tokensIn, tokensOut: usage.tokensOut, tokensCached: usage.tokensCached ?? 0, costUsd: cost, durationMs, status, error: error ? deps.redact(error.message) : undefined });
    }
    if (usage.tokensIn > 0 || !error) {
      events?.emit("llm:response", { runId, step, model: deps.model, rows: items.length, tokensIn: usage.tokensIn, tokensOut: usage.tokensOut, costUsd: cost, durationMs });
    }

    if (answer) {
      for (const [k, v] of answer.ok) out.results.set(k, v);
      if (answer.ok.size > 0) await spec.onResults?.(answer.ok);
      if (answer.bad.size === 0) return;
      const badItems = items.filter((item) => answer!.bad.has(spec.keyOf(item)));
      const reasons = [...new Set(answer.bad.values())].join("; ");
      return badAnswer(badItems, reasons, attempt, badTries);
    }
    if (error instanceof AbortError) {
      out.stopped = error;
      out.unfinished.push(...items);
      return;
    }
    if (error instanceof LlmResponseError) return badAnswer(items, error.message, attempt, badTries);
    if (exceedsRetryAfterCeiling(policy, error)) {
      // Waiting this long in place would hold the whole run: stop, and let the caller reschedule after the wait.
      const wait = error.retryAfterMs!;
      out.stopped ??= new LlmRateLimitError(
        `The provider asked to wait ${formatSeconds(wait)} (retry-after), over the ${formatSeconds(policy.maxRetryAfterMs)} ceiling (LLM_RETRY_AFTER_MAX_S): not waited for; try again after it (the DAG reschedules the task)`,
        wait,
      );
      events?.emit("llm:retry", { runId, step, attempt: attempt + 1, delayMs: wait, reason: out.stopped.message });
      out.unfinished.push(...items);
      return;
    }
    if (isRetryable(error) && attempt < policy.maxAttempts && deps.retryBudget.take()) {
      const delayMs = backoffDelayMs(policy, attempt, error, deps.random);
      if (error && "retryAfterMs" in error) deps.limiter.pauseFor(delayMs);
      out.stats.retries++;
      events?.emit("llm:retry", { runId, step, attempt: attempt + 1, delayMs, reason: deps.redact(error!.message) });
      try {
        await sleep(delayMs, deps.signal);
      } catch (e) {
        out.stopped = e instanceof AbortError ? e : new AbortError("Aborted");
        out.unfinished.push(...items);
        return;
      }
      return send(items, attempt + 1, badTries);
    }
    const why = isRetryable(error) ? (attempt >= policy.maxAttempts ? `after ${attempt} attempts` : "retry budget spent") : "not retryable";
    fail(items, `${deps.redact(error!.message)} (${why})`);
  };

  await Promise.all(batches.map((b) => send(b, 1, 1)));
  return out;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
