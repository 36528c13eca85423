import type { Config } from "../../config";
import type { ReferenceTables } from "../../domain/index";
import { OptionsError } from "../../errors";
import type { PipelineEvents } from "../../events";
import type { Database } from "../../db/database";
import type { ModelPrice } from "../../monitor/cost/index";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy";
import { dropUndefined } from "../../util/defined";

/** Options of the LLM path (extraction and mapping). */
export interface LlmExtractorOptions {
  /** OpenAI API key (or any string for a local OpenAI-compatible server). Required; never printed or stored. */
  apiKey: string;
  /** Model id. Default "gpt-4o-mini". */
  model?: string;
  /** Base URL of an OpenAI-compatible server. Default: OpenAI's. */
  baseURL?: string;
  /** Sampling temperature. Default 0. */
  temperature?: number;
  /** Plays per extraction request. Default 8. */
  batchSize?: number;
  /** Distinct names per mapping request. Default 100. */
  mappingBatchSize?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Client timeout of one request, ms. Default 60 000. */
  timeoutMs?: number;
  /** The declared retry policy; see `RetryPolicy` for each field's default. */
  retry?: Partial<RetryPolicy>;
  /** Spending limit of a run, USD, when the run context brings no budget of its own. Default: no limit. */
  maxCostUsd?: number;
  /** Price of the model when it is not in the price table. Default: looked up by model id. */
  price?: ModelPrice;
  /** Output tokens allowed per play in an extraction answer (sets `max_tokens`). Default 240. */
  maxTokensPerPlay?: number;
  /** A play whose text is longer than this (tokens) is not sent: it fails with a reason naming its size. Default 1000. */
  maxRowTokens?: number;
  /** Holds the response cache and the `llm_calls` ledger (migrated). Default: none (memory cache, no ledger). */
  db?: Database;
  /** Where `llm:*` events go. */
  events?: PipelineEvents;
  /** Reference tables the mapping step answers from. Required for `map`. */
  reference?: ReferenceTables;
  /**
   * The cascade: rows the rule extractor settles with confidence (rule-confidence.ts) keep its record and
   * are never sent; only the rest go to the model. Needs `reference`. Default true (`LLM_CASCADE=off`: every row to the model).
   */
  cascade?: boolean;
  /**
   * Send the extraction requests through the Batch API (half price, answers within 24 h): one file, one batch, polled;
   * what it leaves unanswered is sent on its own. Needs `db` to resume a batch after a crash. Default false (`LLM_BATCH_API`).
   */
  batchApi?: boolean;
  /** Wait between two polls of a batch, ms. Default 30 000 (`LLM_BATCH_POLL_MS`). */
  batchPollMs?: number;
  /** Jitter source, for deterministic tests. Default Math.random. */
  random?: () => number;
}

export type ResolvedLlmOptions = Required<Omit<LlmExtractorOptions, "baseURL" | "price" | "db" | "events" | "reference" | "retry" | "maxCostUsd">> &
  Pick<LlmExtractorOptions, "baseURL" | "price" | "db" | "events" | "reference"> & { retry: RetryPolicy; maxCostUsd: number };

/** Defaults spread once; a bad field is an `OptionsError` that names it. */
export function resolveLlmOptions(options: LlmExtractorOptions): ResolvedLlmOptions {
  if (typeof options.apiKey !== "string" || options.apiKey === "") throw new OptionsError("apiKey", "a non-empty string", "(not set)");
  const o: ResolvedLlmOptions = {
    apiKey: options.apiKey,
    model: "gpt-4o-mini",
    temperature: 0,
    batchSize: 8,
    mappingBatchSize: 100,
    concurrency: 8,
    timeoutMs: 60_000,
    maxTokensPerPlay: 240,
    maxRowTokens: 1000,
    cascade: true,
    batchApi: false,
    batchPollMs: 30_000,
    random: Math.random,
    ...dropUndefined(options),
    retry: resolveRetryPolicy(options.retry),
    maxCostUsd: options.maxCostUsd ?? Number.POSITIVE_INFINITY,
  };
  const positiveInt = (field: "batchSize" | "mappingBatchSize" | "concurrency" | "timeoutMs" | "maxTokensPerPlay" | "maxRowTokens" | "batchPollMs") => {
    if (!Number.isInteger(o[field]) || o[field] < 1) throw new OptionsError(field, "an integer ≥ 1", o[field]);
  };
  positiveInt("batchSize");
  positiveInt("mappingBatchSize");
  positiveInt("concurrency");
  positiveInt("timeoutMs");
  positiveInt("maxTokensPerPlay");
  positiveInt("maxRowTokens");
  positiveInt("batchPollMs");
  if (!(o.temperature >= 0 && o.temperature <= 2)) throw new OptionsError("temperature", "a number from 0 to 2", o.temperature);
  if (!(o.maxCostUsd > 0)) throw new OptionsError("maxCostUsd", "a number > 0", o.maxCostUsd);
  return o;
}

/**
 * Options from the parsed configuration (`config.llm.*`), plus what config cannot hold.
 * @example new LlmExtractor(llmOptionsFromConfig(loadConfig(), { db, events, reference }))
 */
export function llmOptionsFromConfig(config: Config, extra: Partial<LlmExtractorOptions> = {}): LlmExtractorOptions {
  const { llm } = config;
  if (!llm.apiKey && !extra.apiKey) throw new OptionsError("apiKey", "set (OPENAI_API_KEY) for the OpenAI provider", "(not set)");
  return {
    apiKey: llm.apiKey ?? "",
    model: llm.model,
    baseURL: llm.baseURL,
    temperature: llm.temperature,
    batchSize: llm.batchSize,
    concurrency: llm.concurrency,
    timeoutMs: llm.timeoutMs,
    retry: { maxAttempts: llm.maxRetries + 1, maxRetryAfterMs: llm.maxRetryAfterMs },
    maxCostUsd: llm.maxCostUsd,
    maxRowTokens: llm.maxRowTokens,
    cascade: llm.cascade,
    batchApi: llm.batchApi,
    batchPollMs: llm.batchPollMs,
    ...extra,
  };
}
