import { createHash } from "node:crypto";
import type OpenAI from "openai";
import { ExtractionSchema, type Extraction, type RawPlay } from "../../domain/index";
import { LlmError, OptionsError, type AbortError, type BudgetExceededError, type LlmRateLimitError } from "../../errors";
import { CostBudget, forecastCost, loadTokenCounter, requirePrice, type CostForecast, type ModelPrice, type TokenCounter } from "../../monitor/cost/index";
import { createCanonicalMapper } from "../canonical-mapper";
import { runBatches, type BatchStep, type RunnerDeps, type RunnerStats } from "./batch-runner";
import { CallLedger } from "./call-ledger";
import { createOpenAIClient, secretRedactor } from "./chat-client";
import { resolveLlmOptions, type LlmExtractorOptions, type ResolvedLlmOptions } from "./llm-options";
import { mapCanonical, type DeterministicMapper, type LlmMapResult } from "./llm-mapper";
import { readPlayAnswer } from "./play-answer";
import { EXTRACTION_PROMPT_VERSION, MAPPING_PROMPT_VERSION, extractionMessages } from "./prompts";
import { RequestLimiter } from "./request-limiter";
import { ResponseCache } from "./response-cache";
import { EXTRACTION_JSON_SCHEMA, EXTRACTION_SCHEMA_VERSION, MAPPING_SCHEMA_VERSION } from "./response-schemas";
import { RetryBudget } from "./retry-policy";
import { chunk } from "../../util/chunk";
import { checkPlausibility, runningScore } from "./plausibility-check";
import { settleByRules } from "./cascade";
import { runViaBatchApi } from "./batch-api-runner";
import { BatchStore } from "./batch-store";
import { encodeAnswerRow } from "./compact-answer";

/** One run of the LLM path: its id, and the budget all its steps share. */
export interface LlmRunContext {
  runId: string;
  /** Spending limit shared by every step of the run. Default: a fresh one of `maxCostUsd`. */
  budget?: CostBudget;
  signal?: AbortSignal;
}

/** A row the LLM path could not finish, and why. */
export interface LlmFailure {
  play_id: number;
  play_hash: string;
  reason: string;
}

export interface LlmStepStats extends RunnerStats {
  rows: number;
  /** Rows the rules settled with confidence (the cascade, settleByRules): no request, no cost. */
  settledRows: number;
  /** Rows answered from the response cache (no request). */
  cachedRows: number;
  batches: number;
  durationMs: number;
}

export interface LlmExtractResult {
  /** Extraction per play_hash. */
  records: Map<string, Extraction>;
  /** Rows that failed after retries and splits: quarantine them with the reason. */
  failures: LlmFailure[];
  /** Rows not attempted because the run stopped (`stopped` says why). */
  unfinished: Omit<LlmFailure, "reason">[];
  /** Set when the budget, an abort or a retry-after over the ceiling stopped the run; finished rows keep their results. */
  stopped?: BudgetExceededError | AbortError | LlmRateLimitError;
  stats: LlmStepStats;
}

/**
 * Structured extraction (section 9.2) through the OpenAI SDK, at a few percent of the chapter's
 * bill: a cascade first (the rule extractor settles the rows it is confident about, cascade.ts;
 * only the rest are asked), several plays per request with compact answer rows (compact-answer.ts)
 * behind a prompt prefix that never changes (cached by the provider from 1,024 tokens), bounded
 * concurrency, the declared retry policy, a budget checked before each request, optionally the
 * Batch API at half price (batch-api-runner.ts), and a content-addressed cache in the database so a
 * rerun sends nothing.
 *
 * @example
 * const llm = new LlmExtractor(llmOptionsFromConfig(config, { db, events, reference }));
 * const { records, failures, stats } = await llm.extract(plays, { runId });
 */
export class LlmExtractor {
  readonly options: ResolvedLlmOptions;
  readonly price: ModelPrice;
  protected readonly client: OpenAI;
  protected readonly limiter: RequestLimiter;
  protected readonly ledger: CallLedger;
  protected readonly redact: (s: string) => string;
  private readonly cache: ResponseCache;
  private readonly mappingCache: ResponseCache;
  private readonly batches: BatchStore;

  constructor(options: LlmExtractorOptions) {
    this.options = resolveLlmOptions(options);
    this.price = requirePrice(this.options.model, this.options.price);
    this.client = createOpenAIClient({ apiKey: this.options.apiKey, baseURL: this.options.baseURL, timeoutMs: this.options.timeoutMs });
    this.limiter = new RequestLimiter(this.options.concurrency);
    this.ledger = new CallLedger(this.options.db);
    this.redact = secretRedactor(this.options.apiKey);
    this.cache = new ResponseCache(
      { step: "extract", provider: providerHost(this.options.baseURL), model: this.options.model, promptVersion: EXTRACTION_PROMPT_VERSION, schemaVersion: EXTRACTION_SCHEMA_VERSION },
      this.options.db,
    );
    this.batches = new BatchStore(this.options.db);
    this.mappingCache = new ResponseCache(
      { step: "map", provider: providerHost(this.options.baseURL), model: this.options.model, promptVersion: MAPPING_PROMPT_VERSION, schemaVersion: MAPPING_SCHEMA_VERSION },
      this.options.db,
    );
  }

  /** What extracting `plays` will cost, counted offline before any request; cached rows and rows the rules settle cost nothing. */
  async forecast(plays: RawPlay[]): Promise<CostForecast> {
    const counter = await loadTokenCounter(this.options.model);
    const { misses } = await this.lookUp(this.cascade(this.bySize(uniqueByHash(plays), counter).fit).remaining);
    const planned = chunk(misses, this.options.batchSize).map((batch) => ({
      messages: extractionMessages(batch, this.options.reference),
      schema: EXTRACTION_JSON_SCHEMA,
      expectedTokensOut: expectedTokensOut(counter, batch.length),
      maxTokensOut: this.maxTokensOut(batch.length),
    }));
    return forecastCost(planned, this.price, counter, this.options.batchApi ? "batch" : "standard");
  }

  /** Extract every play; never throws half-way: failures and unfinished rows come back in the result. */
  async extract(plays: RawPlay[], ctx: LlmRunContext): Promise<LlmExtractResult> {
    const started = Date.now();
    const counter = await loadTokenCounter(this.options.model);
    // A row too long for the model is quarantined before any request (a 2 MB paragraph would be one huge, costly request).
    const { fit, oversized } = this.bySize(uniqueByHash(plays), counter);
    // The cascade: rows the rules settle with confidence cost nothing; the rest go to the cache, then the model.
    const { settled, remaining } = this.cascade(fit);
    const { hits, misses } = await this.lookUp(remaining);
    const records = new Map<string, Extraction>([...settled, ...hits]);
    if (hits.size > 0) await this.recordCacheHit(ctx.runId, "extract", [...hits.keys()]);
    const batches = chunk(misses, this.options.batchSize);
    const step: BatchStep<RawPlay, Extraction> = {
      step: "extract",
      schemaName: "play_extractions",
      schema: EXTRACTION_JSON_SCHEMA,
      keyOf: (p) => p.play_hash,
      messages: (batch) => extractionMessages(batch, this.options.reference),
      maxTokensOut: (batch) => this.maxTokensOut(batch.length),
      expectedTokensOut: (batch) => expectedTokensOut(counter, batch.length),
      read: (json, batch) => plausibleOnly(readPlayAnswer(json, batch.map((p) => p.play_hash)), batch),
      onResults: (ok) => {
        const byHash = new Map(misses.map((p) => [p.play_hash, p]));
        return this.cache.putMany([...ok].map(([hash, rec]) => [this.cache.keyOf(byHash.get(hash)!.playbyplay), rec]));
      },
    };
    const deps = await this.runnerDeps(ctx);
    const run = this.options.batchApi ? await this.viaBatchApi(step, batches, deps) : await runBatches(step, batches, deps);
    for (const [hash, rec] of run.results) records.set(hash, rec);
    const failedHash = new Map(run.failures.map((f) => [f.item.play_hash, f.reason]));
    const unfinishedHash = new Set(run.unfinished.map((p) => p.play_hash));
    const limit = this.options.maxRowTokens;
    const tooLong = (p: RawPlay) =>
      `row ${p.play_id} (line ${p.line}): the text is ${oversized.get(p.play_hash)!.toLocaleString("en-US")} tokens, over the limit of ${limit.toLocaleString("en-US")} (LLM_MAX_ROW_TOKENS); not sent to the model`;
    return {
      records,
      failures: [
        ...plays.filter((p) => oversized.has(p.play_hash)).map((p) => ({ play_id: p.play_id, play_hash: p.play_hash, reason: tooLong(p) })),
        ...plays.filter((p) => failedHash.has(p.play_hash)).map((p) => ({ play_id: p.play_id, play_hash: p.play_hash, reason: failedHash.get(p.play_hash)! })),
      ],
      unfinished: plays.filter((p) => unfinishedHash.has(p.play_hash)).map((p) => ({ play_id: p.play_id, play_hash: p.play_hash })),
      stopped: run.stopped,
      stats: { ...run.stats, rows: plays.length, settledRows: settled.size, cachedRows: hits.size, batches: batches.length, durationMs: Date.now() - started },
    };
  }

  /**
   * Canonical IDs for every extracted record: deterministic rules first, by distinct name;
   * one request per batch of names the rules leave unresolved (see llm-mapper.ts).
   *
   * Play analysis (key moment, excitement) is not sent to the model at all: it follows from
   * the game state the extraction already holds (score, outs, runners, result), so
   * `analyzePlays` computes it deterministically. That removes the chapter's fifth request
   * per row, about a fifth of its requests and tokens, and makes the scores reproducible.
   */
  async map(records: Map<string, Extraction>, ctx: LlmRunContext, mapper?: DeterministicMapper): Promise<LlmMapResult> {
    const reference = this.options.reference;
    if (!reference) throw new OptionsError("reference", "the reference tables (needed by `map`)", undefined);
    return mapCanonical({
      records,
      reference,
      mapper: mapper ?? createCanonicalMapper(reference),
      cache: this.mappingCache,
      deps: await this.runnerDeps(ctx),
      batchSize: this.options.mappingBatchSize,
      onCacheHit: (keys) => this.recordCacheHit(ctx.runId, "map", keys),
    });
  }

  /** A response cache for another step of this provider and model (the roster request): same table, same identity rules. */
  protected responseCache(step: string, promptVersion: string, schemaVersion: string): ResponseCache {
    return new ResponseCache({ step, provider: providerHost(this.options.baseURL), model: this.options.model, promptVersion, schemaVersion }, this.options.db);
  }

  /** The worst-case output of a batch: also its `max_tokens`, so truncation and budget agree. */
  protected maxTokensOut(rows: number): number {
    return rows * this.options.maxTokensPerPlay + 50;
  }

  protected async runnerDeps(ctx: LlmRunContext): Promise<RunnerDeps> {
    const o = this.options;
    return {
      client: this.client,
      model: o.model,
      temperature: o.temperature,
      policy: o.retry,
      retryBudget: new RetryBudget(o.retry.retryBudget),
      budget: ctx.budget ?? new CostBudget(o.maxCostUsd),
      price: this.price,
      counter: await loadTokenCounter(o.model),
      limiter: this.limiter,
      ledger: this.ledger,
      events: o.events,
      runId: ctx.runId,
      redact: this.redact,
      signal: ctx.signal,
      random: o.random,
    };
  }

  protected async recordCacheHit(runId: string, step: string, keys: string[]): Promise<void> {
    this.options.events?.emit("llm:cache-hit", { runId, step, rows: keys.length });
    const requestHash = createHash("sha256").update(keys.join("\n")).digest("hex");
    await this.ledger.record({ runId, step, model: this.options.model, requestHash, rows: keys.length, tokensIn: 0, tokensOut: 0, costUsd: 0, durationMs: 0, attempt: 1, status: "cache_hit" });
  }

  /**
   * The Batch API at half price; what it leaves unanswered (failed or expired lines, bad answers) is sent on its own
   * under the retry policy, so the result is the same as `runBatches`'.
   */
  private async viaBatchApi(step: BatchStep<RawPlay, Extraction>, batches: RawPlay[][], deps: RunnerDeps): Promise<Awaited<ReturnType<typeof runBatches<RawPlay, Extraction>>>> {
    const viaBatch = await runViaBatchApi(step, batches, { ...deps, price: this.price }, { store: this.batches, pollMs: this.options.batchPollMs });
    const rest = viaBatch.stopped ? undefined : await runBatches(step, viaBatch.retry, deps);
    const a = viaBatch.stats;
    const b = rest?.stats;
    return {
      results: new Map([...viaBatch.results, ...(rest?.results ?? [])]),
      failures: [...viaBatch.failures, ...(rest?.failures ?? [])],
      unfinished: [...viaBatch.unfinished, ...(rest?.unfinished ?? [])],
      stopped: viaBatch.stopped ?? rest?.stopped,
      stats: {
        requests: a.requests + (b?.requests ?? 0), retries: a.retries + (b?.retries ?? 0), splits: a.splits + (b?.splits ?? 0),
        tokensIn: a.tokensIn + (b?.tokensIn ?? 0), tokensOut: a.tokensOut + (b?.tokensOut ?? 0), tokensCached: a.tokensCached + (b?.tokensCached ?? 0),
        costUsd: a.costUsd + (b?.costUsd ?? 0), usageUnknown: a.usageUnknown + (b?.usageUnknown ?? 0),
      },
    };
  }

  /** The rows the rules settle (when the cascade is on and the reference tables are given), and the rest. */
  private cascade(plays: RawPlay[]): { settled: Map<string, Extraction>; remaining: RawPlay[] } {
    const reference = this.options.reference;
    if (!this.options.cascade || !reference || plays.length === 0) return { settled: new Map(), remaining: plays };
    return settleByRules(plays, reference);
  }

  /** Plays that fit `maxRowTokens`, and the token count of each that does not (by play_hash). */
  private bySize(plays: RawPlay[], counter: TokenCounter): { fit: RawPlay[]; oversized: Map<string, number> } {
    const limit = this.options.maxRowTokens;
    const fit: RawPlay[] = [];
    const oversized = new Map<string, number>();
    for (const p of plays) {
      // A token is at least one character: a text no longer than the limit needs no counting.
      const tokens = p.playbyplay.length <= limit ? 0 : counter.count(p.playbyplay);
      if (tokens > limit) oversized.set(p.play_hash, tokens);
      else fit.push(p);
    }
    return { fit, oversized };
  }

  /** Cached answers that still pass the schema and the plausibility check; one that fails is evicted and asked again. */
  private async lookUp(plays: RawPlay[]): Promise<{ hits: Map<string, Extraction>; misses: RawPlay[] }> {
    const stored = await this.cache.getMany(plays.map((p) => this.cache.keyOf(p.playbyplay)));
    const parsed = new Map<string, Extraction>();
    for (const p of plays) {
      const r = ExtractionSchema.safeParse(stored.get(this.cache.keyOf(p.playbyplay)));
      if (r.success) parsed.set(p.play_hash, r.data);
    }
    const game = runningScore(parsed.values());
    const hits = new Map<string, Extraction>();
    const misses: RawPlay[] = [];
    const evict: string[] = [];
    for (const p of plays) {
      const rec = parsed.get(p.play_hash);
      if (rec && checkPlausibility(p.playbyplay, rec, game) === null) hits.set(p.play_hash, rec);
      else {
        if (stored.has(this.cache.keyOf(p.playbyplay))) evict.push(this.cache.keyOf(p.playbyplay));
        misses.push(p);
      }
    }
    await this.cache.evict(evict);
    return { hits, misses };
  }
}

/**
 * An answer item that passes the schema but contradicts its paragraph or the game (see
 * validate/plausibility-check.ts) is a bad item: re-asked, then quarantined with the reason.
 * Only what passes reaches `onResults`, hence the cache.
 */
function plausibleOnly(answer: { ok: Map<string, Extraction>; bad: Map<string, string> }, batch: RawPlay[]): { ok: Map<string, Extraction>; bad: Map<string, string> } {
  const textOf = new Map(batch.map((p) => [p.play_hash, p.playbyplay]));
  for (const [hash, rec] of [...answer.ok]) {
    const game = runningScore([...answer.ok].filter(([h]) => h !== hash).map(([, r]) => r));
    const reason = checkPlausibility(textOf.get(hash) ?? "", rec, game);
    if (reason === null) continue;
    answer.ok.delete(hash);
    answer.bad.set(hash, `implausible answer: ${reason}`);
  }
  return answer;
}

/** Output tokens a batch of `rows` plays is expected to take: the forecast's figure, and the estimate of an answer never read. */
function expectedTokensOut(counter: TokenCounter, rows: number): number {
  return rows * (counter.count(JSON.stringify(encodeAnswerRow(rows, TYPICAL_EXTRACTION))) + 1) + 6;
}

/** A typical answer item, to estimate output tokens per play in the forecast. */
const TYPICAL_EXTRACTION: Extraction = {
  inning_number: 7, inning_half: "Bottom", outs: 1, score_home: 3, score_away: 2, pitcher_name: "Marcus Delgado",
  batter_name: "Tommy Okafor", runners_on_base: "1B,3B", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 2,
  post_pitch_strikes: 2, pitch_type: "four-seam fastball", pitch_velocity_mph: 96.4, pitch_result: "Swing and miss", ball_in_play: false,
};

/**
 * One bad row is that row's problem (it is quarantined); a batch with no answer at all is an outage
 * or a misconfiguration (wrong base URL, key or model): raise it, so the caller stops or retries.
 * `retryable`: whether trying again later may help (a scheduled task) or not (an interactive run).
 */
export function assertProviderAnswered(plays: readonly RawPlay[], result: LlmExtractResult, retryable: boolean): void {
  // Rows the rules settled were never asked: an outage shows as no answer for any row that was.
  if (plays.length > 0 && result.records.size - result.stats.settledRows === 0 && !result.stopped && result.stats.requests > 0) {
    throw new LlmError(`The LLM provider answered none of the ${plays.length} plays: ${result.failures[0]?.reason ?? "no answer"}`, retryable);
  }
}

/** The API's host and port (no credentials, no path): whose answers the cache holds. A default port is left out, as in the URL. */
function providerHost(baseURL: string | undefined): string {
  try {
    return new URL(baseURL ?? "https://api.openai.com/v1").host;
  } catch {
    return "unknown";
  }
}

/** One play per distinct text: identical commentary has one hash and gets one answer. */
function uniqueByHash(plays: RawPlay[]): RawPlay[] {
  const seen = new Set<string>();
  return plays.filter((p) => (seen.has(p.play_hash) ? false : (seen.add(p.play_hash), true)));
}
