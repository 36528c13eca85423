import { createHash } from "node:crypto";
import { toFile } from "openai";
import type OpenAI from "openai";
import { AbortError, BudgetExceededError, LlmError, toError } from "../../errors";
import { costUsd } from "../../monitor/cost/index";
import type { TokenUsage } from "../../monitor/cost/index";
import type { BatchStep, RunnerDeps, RunnerStats } from "./batch-runner";
import type { BatchStore } from "./batch-store";
import type { StartedCall } from "./call-ledger";
import { BilledResponseError, chatRequestBody, classifyError, readCompletion } from "./chat-client";
import { isRetryable, sleep } from "./retry-policy";

/** How the Batch API path runs. */
export interface BatchApiOptions {
  store: BatchStore;
  /** Wait between two polls of the batch, ms. */
  pollMs: number;
  /** Consecutive failed polls (connection resets, 5xx) tolerated before giving up on collecting this time. Default 20. */
  maxPollErrors?: number;
}

export interface BatchApiResult<I, R> {
  results: Map<string, R>;
  /** Requests the batch did not answer well (a failed, expired or bad line; a batch that failed): send them on their own. */
  retry: I[][];
  /** Items given up on for now (the batch could not be polled): a later run re-attaches to the batch. */
  failures: { item: I; reason: string }[];
  unfinished: I[];
  stopped?: BudgetExceededError | AbortError;
  stats: RunnerStats;
  batchId?: string;
}

interface Line<I> {
  items: I[];
  customId: string;
  requestHash: string;
  body: ReturnType<typeof chatRequestBody>;
  estimate: TokenUsage;
  worstUsd: number;
}

const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);

/**
 * Send the requests of a step through the Batch API, at half price: one JSONL file of chat requests, one batch,
 * polled until it ends, then its output and error files read line by line. Every line is in the `llm_calls` ledger
 * as `started` before the batch is created, and completed with its usage (at the batch price) when collected.
 * The batch is recorded in `llm_batches` before it is created and gets its id right after, keyed by the content of
 * its requests: a run that died while it ran (or could not poll it) finds it again and re-attaches, so nothing is
 * paid twice. What a batch leaves unanswered (a failed line, an expired batch, a bad answer, a batch that failed)
 * comes back in `retry`, for the caller to send on its own under the retry policy.
 */
export async function runViaBatchApi<I, R>(spec: BatchStep<I, R>, batches: I[][], deps: RunnerDeps, options: BatchApiOptions): Promise<BatchApiResult<I, R>> {
  const out: BatchApiResult<I, R> = {
    results: new Map(), retry: [], failures: [], unfinished: [],
    stats: { requests: 0, retries: 0, splits: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0, costUsd: 0, usageUnknown: 0 },
  };
  if (batches.length === 0) return out;
  const lines: Line<I>[] = batches.map((items, k) => {
    const messages = spec.messages(items);
    const maxTokensOut = spec.maxTokensOut(items);
    const requestHash = createHash("sha256").update(JSON.stringify(messages)).digest("hex");
    const tokensIn = deps.counter.countRequest({ messages, schema: spec.schema });
    return {
      items, requestHash, customId: `${spec.step}-${k}-${requestHash.slice(0, 12)}`,
      body: chatRequestBody({ model: deps.model, temperature: deps.temperature, messages, schemaName: spec.schemaName, schema: spec.schema, maxTokensOut }),
      estimate: { tokensIn, tokensOut: spec.expectedTokensOut?.(items) ?? maxTokensOut },
      worstUsd: costUsd({ tokensIn, tokensOut: maxTokensOut }, deps.price, "batch"),
    };
  });
  const jsonl = lines.map((l) => JSON.stringify({ custom_id: l.customId, method: "POST", url: "/v1/chat/completions", body: l.body })).join("\n") + "\n";
  const contentKey = createHash("sha256").update(`${deps.model}\n${jsonl}`).digest("hex").slice(0, 40);
  let reservation;
  try {
    reservation = deps.budget.reserve(lines.reduce((s, l) => s + l.worstUsd, 0));
  } catch (e) {
    if (!(e instanceof BudgetExceededError)) throw e;
    out.stopped = e;
    out.unfinished.push(...batches.flat());
    return out;
  }
  let spent = 0;
  try {
    const found = await options.store.find(contentKey);
    let batchId = found?.status === "submitted" ? found.batchId : null;
    // Recorded, but the run died between creating the batch and writing its id: the provider lists it with our key.
    if (found?.status === "submitting") batchId = await findByKey(deps.client, contentKey);
    let traces = await deps.ledger.findStarted(lines.map((l) => l.requestHash));
    if (!batchId) {
      traces = new Map();
      for (const l of lines) {
        deps.events?.emit("llm:request", { runId: deps.runId, step: spec.step, model: deps.model, rows: l.items.length, attempt: 1 });
        traces.set(l.requestHash, await deps.ledger.start({ runId: deps.runId, step: spec.step, model: deps.model, requestHash: l.requestHash, rows: l.items.length, ...l.estimate, costUsd: costUsd(l.estimate, deps.price, "batch"), attempt: 1 }));
      }
      await options.store.submitting({ contentKey, runId: deps.runId, step: spec.step, model: deps.model, lines: lines.length });
      try {
        const file = await deps.client.files.create({ file: await toFile(Buffer.from(jsonl, "utf8"), `${spec.step}-${contentKey.slice(0, 12)}.jsonl`), purpose: "batch" }, { signal: deps.signal });
        const batch = await deps.client.batches.create({ input_file_id: file.id, endpoint: "/v1/chat/completions", completion_window: "24h", metadata: { content_key: contentKey, step: spec.step } }, { signal: deps.signal });
        batchId = batch.id;
        out.stats.requests += lines.length;
        await options.store.submitted(contentKey, batch.id, file.id);
      } catch (e) {
        const error = classifyError(e, deps.redact);
        // Stopped, or the answer lost on the way: the batch may exist. The record stays `submitting` and the lines
        // `started`, so the next run looks for the batch by its key (its metadata) before submitting again.
        if (error instanceof AbortError) return stop(out, batches, error);
        if (!(error instanceof LlmError && error.status !== undefined)) {
          for (const item of batches.flat()) out.failures.push({ item, reason: `the Batch API did not confirm the batch (${error.message}); run again to find it or submit it` });
          return out;
        }
        // Refused (an HTTP error): nothing was run; the requests go on their own.
        await finishAll(lines, traces, deps, "error", error.message);
        await options.store.close(contentKey, "failed");
        out.retry.push(...batches);
        return out;
      }
    }
    out.batchId = batchId;
    const batch = await poll(deps, batchId, options);
    if (batch instanceof Error) {
      if (batch instanceof AbortError) return stop(out, batches, batch);
      // The batch still runs and bills: a later run re-attaches to it (llm_batches keeps its id).
      for (const item of batches.flat()) out.failures.push({ item, reason: `the Batch API could not be polled (${deps.redact(batch.message)}); run again to collect batch ${batchId}` });
      return out;
    }
    if (batch.status === "failed") {
      await finishAll(lines, traces, deps, "error", `batch ${batch.id} failed: ${deps.redact(JSON.stringify(batch.errors ?? null)).slice(0, 200)}`);
      await options.store.close(contentKey, "failed");
      out.retry.push(...batches);
      return out;
    }
    const answered = new Map<string, unknown>();
    for (const fileId of [batch.output_file_id, batch.error_file_id]) {
      if (!fileId) continue;
      const text = await (await deps.client.files.content(fileId, { signal: deps.signal })).text();
      for (const raw of text.split("\n")) {
        if (raw.trim() === "") continue;
        const line = JSON.parse(raw) as { custom_id: string };
        answered.set(line.custom_id, line);
      }
    }
    for (const l of lines) spent += await collectLine(spec, l, answered.get(l.customId), traces.get(l.requestHash), deps, out);
    await options.store.close(contentKey, "collected");
    return out;
  } catch (e) {
    const error = toError(e);
    if (error instanceof AbortError) return stop(out, batches, error);
    throw error;
  } finally {
    deps.budget.settle(reservation, spent);
  }
}

/** Read one line of the output or error file: its answer, or why its requests must be sent again. Returns its cost. */
async function collectLine<I, R>(spec: BatchStep<I, R>, l: Line<I>, line: unknown, trace: StartedCall | undefined, deps: RunnerDeps, out: BatchApiResult<I, R>): Promise<number> {
  const r = line as { response?: { status_code?: number; body?: OpenAI.Chat.Completions.ChatCompletion } | null; error?: { code?: string; message?: string } | null } | undefined;
  const finish = (usage: TokenUsage, status: "ok" | "partial" | "error", error?: string) => {
    const cost = costUsd(usage, deps.price, "batch");
    out.stats.tokensIn += usage.tokensIn;
    out.stats.tokensOut += usage.tokensOut;
    out.stats.tokensCached += usage.tokensCached ?? 0;
    out.stats.costUsd += cost;
    if (usage.tokensIn > 0) deps.events?.emit("llm:response", { runId: deps.runId, step: spec.step, model: deps.model, rows: l.items.length, tokensIn: usage.tokensIn, tokensOut: usage.tokensOut, costUsd: cost, durationMs: 0 });
    return trace
      ? deps.ledger.finish(trace, { tokensIn: usage.tokensIn, tokensOut: usage.tokensOut, tokensCached: usage.tokensCached ?? 0, costUsd: cost, durationMs: 0, status, error: error && deps.redact(error) }).then(() => cost)
      : Promise.resolve(cost);
  };
  if (!r || r.response?.status_code !== 200 || !r.response.body) {
    // A line that failed or expired was not billed: its requests go on their own.
    out.retry.push(l.items);
    const why = !r ? "no result for this line" : r.error ? `${r.error.code ?? "error"}: ${r.error.message ?? ""}` : `HTTP ${r.response?.status_code ?? "?"}`;
    return finish({ tokensIn: 0, tokensOut: 0 }, "error", `Batch API line: ${why}`);
  }
  let usage: TokenUsage = { tokensIn: 0, tokensOut: 0 };
  try {
    const response = readCompletion(r.response.body, deps.redact);
    usage = response.usage;
    const answer = spec.read(response.json, l.items);
    for (const [k, v] of answer.ok) out.results.set(k, v);
    if (answer.ok.size > 0) await spec.onResults?.(answer.ok);
    const bad = l.items.filter((item) => answer.bad.has(spec.keyOf(item)));
    if (bad.length > 0) out.retry.push(bad);
    return finish(usage, bad.length > 0 ? "partial" : "ok");
  } catch (e) {
    if (e instanceof BilledResponseError) usage = e.usage;
    out.retry.push(l.items);
    return finish(usage, "error", toError(e).message);
  }
}

/** Poll until the batch ends; a connection reset or a 5xx while polling is waited out, up to `maxPollErrors` in a row. */
async function poll(deps: RunnerDeps, batchId: string, options: BatchApiOptions): Promise<OpenAI.Batches.Batch | Error> {
  let errors = 0;
  for (;;) {
    try {
      const batch = await deps.client.batches.retrieve(batchId, { signal: deps.signal });
      errors = 0;
      if (TERMINAL.has(batch.status)) return batch;
    } catch (e) {
      const error = classifyError(e, deps.redact);
      if (error instanceof AbortError) return error;
      if (!isRetryable(error) || ++errors > (options.maxPollErrors ?? 20)) return error;
    }
    try {
      await sleep(options.pollMs, deps.signal);
    } catch (e) {
      return e instanceof AbortError ? e : new AbortError("Aborted");
    }
  }
}

/** The batch this content key created, as the provider lists it (its metadata carries the key). */
async function findByKey(client: OpenAI, contentKey: string): Promise<string | null> {
  try {
    for await (const b of client.batches.list({ limit: 100 })) {
      if (b.metadata?.content_key === contentKey && b.status !== "failed" && b.status !== "cancelled") return b.id;
    }
  } catch {
    // Cannot list: submit again (the batch, if any, was never recorded as ours).
  }
  return null;
}

async function finishAll<I>(lines: Line<I>[], traces: Map<string, StartedCall>, deps: RunnerDeps, status: "error", error: string): Promise<void> {
  for (const l of lines) {
    const t = traces.get(l.requestHash);
    if (t) await deps.ledger.finish(t, { tokensIn: 0, tokensOut: 0, costUsd: 0, durationMs: 0, status, error: deps.redact(error) });
  }
}

function stop<I, R>(out: BatchApiResult<I, R>, batches: I[][], error: AbortError): BatchApiResult<I, R> {
  out.stopped = error;
  out.unfinished.push(...batches.flat());
  return out;
}
