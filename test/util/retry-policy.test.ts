import { describe, expect, it } from "vitest";
import { AbortError, HttpStatusError, LlmError, LlmRateLimitError, OptionsError } from "../../src/errors";
import { DEFAULT_RETRY_POLICY as TASK_DEFAULTS, nominalDelayMs, queueOptionsFor, toJobOptions, toRetryPolicy } from "../../src/orchestrate/retry-policy";
import { DEFAULT_RETRY_POLICY as LLM_DEFAULTS, isRetryable as isRetryableLlm, resolveRetryPolicy as resolveLlmPolicy } from "../../src/transform/llm/retry-policy";
import { WEBHOOK_RETRY_POLICY } from "../../src/monitor/alerts/channels";
import {
  backoffDelayMs,
  exceedsRetryAfterCeiling,
  isTransientFailure,
  resolveRetryPolicy,
  retryAfterFromHeaders,
  retryDelayMs,
  withRetries,
  type RetryPolicy,
} from "../../src/util/retry-policy";

/** mulberry32: a small seeded PRNG, so a jittered sequence is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sequence = (policy: RetryPolicy, random: () => number, n = 8) => Array.from({ length: n }, (_, i) => backoffDelayMs(policy, i + 1, random));
const ALMOST_ONE = () => 1 - 1e-12;

describe("backoff", () => {
  it("LLM requests: 250 ms doubling to an 8 s ceiling, full jitter below it", () => {
    expect(sequence(LLM_DEFAULTS, ALMOST_ONE)).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(sequence(LLM_DEFAULTS, () => 0)).toEqual(Array(8).fill(0));
    const jittered = sequence(LLM_DEFAULTS, seeded(42));
    expect(jittered).toEqual(sequence(LLM_DEFAULTS, seeded(42)));
    expect(jittered).not.toEqual(sequence(LLM_DEFAULTS, seeded(7)));
    const ceilings = sequence(LLM_DEFAULTS, ALMOST_ONE);
    jittered.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(ceilings[i]!);
    });
  });

  it("webhook delivery: 250 ms doubling to a 5 s cap, equal jitter in [d/2, d]", () => {
    expect(sequence(WEBHOOK_RETRY_POLICY, ALMOST_ONE, 6)).toEqual([250, 500, 1000, 2000, 4000, 5000]);
    expect(sequence(WEBHOOK_RETRY_POLICY, () => 0, 6)).toEqual([125, 250, 500, 1000, 2000, 2500]);
    const jittered = sequence(WEBHOOK_RETRY_POLICY, seeded(1), 6);
    expect(new Set(jittered).size).toBe(6);
    jittered.forEach((d, i) => {
      const ceiling = Math.min(5000, 250 * 2 ** i);
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    });
  });

  it("DAG tasks: pg-boss's formula, d = 2 s · 2^(n-1) plus up to as much again, capped at 60 s", () => {
    const task = toRetryPolicy(TASK_DEFAULTS);
    expect(sequence(task, () => 0, 7)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(sequence(task, ALMOST_ONE, 7)).toEqual([4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(Array.from({ length: 7 }, (_, i) => nominalDelayMs(TASK_DEFAULTS, i + 1))).toEqual(sequence(task, () => 0, 7));
    // Without backoff the wait is fixed and not jittered; a base of 0 counts as 1 s only with backoff.
    expect(sequence(toRetryPolicy({ ...TASK_DEFAULTS, backoff: false, delaySeconds: 3 }), seeded(3), 3)).toEqual([3000, 3000, 3000]);
    expect(nominalDelayMs({ ...TASK_DEFAULTS, delaySeconds: 0 }, 1)).toBe(1000);
    expect(nominalDelayMs({ ...TASK_DEFAULTS, delaySeconds: 0, backoff: false }, 1)).toBe(0);
  });

  it("stays at the cap however many retries (no overflow)", () => {
    expect(backoffDelayMs(LLM_DEFAULTS, 10_000, ALMOST_ONE)).toBe(8000);
    expect(backoffDelayMs(toRetryPolicy(TASK_DEFAULTS), 10_000, ALMOST_ONE)).toBe(60_000);
  });
});

describe("retry-after", () => {
  const rateLimited = (ms: number) => new LlmRateLimitError("429", ms);

  it("wins over the backoff up to the ceiling, and is cut to the ceiling above it", () => {
    expect(retryDelayMs(LLM_DEFAULTS, 1, rateLimited(20_000), ALMOST_ONE)).toBe(20_000);
    expect(retryDelayMs(LLM_DEFAULTS, 1, rateLimited(90_000), ALMOST_ONE)).toBe(60_000);
    expect(exceedsRetryAfterCeiling(LLM_DEFAULTS, rateLimited(60_000))).toBe(false);
    expect(exceedsRetryAfterCeiling(LLM_DEFAULTS, rateLimited(60_001))).toBe(true);
    expect(exceedsRetryAfterCeiling(LLM_DEFAULTS, new LlmError("500", true))).toBe(false);
    expect(retryDelayMs(LLM_DEFAULTS, 3, new LlmError("500", true), ALMOST_ONE)).toBe(1000);
  });

  it("LLM_RETRY_AFTER_MAX_S is the ceiling: resolving a policy keeps the override", () => {
    const p = resolveLlmPolicy({ maxRetryAfterMs: 3000 });
    expect(exceedsRetryAfterCeiling(p, rateLimited(5000))).toBe(true);
    expect(retryDelayMs(p, 1, rateLimited(2000))).toBe(2000);
  });

  it("is read from retry-after-ms, retry-after seconds and an HTTP date", () => {
    expect(retryAfterFromHeaders(new Headers({ "retry-after-ms": "1500", "retry-after": "9" }))).toBe(1500);
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "2" }))).toBe(2000);
    const inTenSeconds = retryAfterFromHeaders(new Headers({ "retry-after": new Date(Date.now() + 10_000).toUTCString() }))!;
    expect(inTenSeconds).toBeGreaterThan(8000);
    expect(inTenSeconds).toBeLessThanOrEqual(10_000);
    expect(retryAfterFromHeaders(new Headers())).toBeUndefined();
  });
});

describe("which failures are retried", () => {
  it("the usual predicate: 408, 409, 429, 5xx and transport faults yes; other 4xx and aborts no", () => {
    expect([408, 409, 429, 500, 503].map((s) => isTransientFailure(new HttpStatusError(s)))).toEqual([true, true, true, true, true]);
    expect([400, 401, 404, 422].map((s) => isTransientFailure(new HttpStatusError(s)))).toEqual([false, false, false, false]);
    const reset = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    expect(isTransientFailure(reset)).toBe(true);
    expect(isTransientFailure(new DOMException("timed out", "TimeoutError"))).toBe(true);
    expect(isTransientFailure(new AbortError("stop"))).toBe(false);
    expect(isTransientFailure(new LlmError("bad request", false, undefined, 400))).toBe(false);
  });

  it("the LLM predicate: only LLM errors that say so", () => {
    expect(isRetryableLlm(new LlmRateLimitError("429", undefined))).toBe(true);
    expect(isRetryableLlm(new LlmError("401", false, undefined, 401))).toBe(false);
    expect(isRetryableLlm(new AbortError("budget"))).toBe(false);
    expect(isRetryableLlm(new Error("a bug"))).toBe(false);
  });
});

describe("withRetries", () => {
  const fast: RetryPolicy = { ...WEBHOOK_RETRY_POLICY, baseDelayMs: 1, capDelayMs: 5, maxAttempts: 4 };
  const failing = (errors: Error[]) => {
    const calls: number[] = [];
    return { calls, attempt: async (n: number) => { calls.push(n); const e = errors.shift(); if (e) throw e; return `ok on ${n}`; } };
  };

  it("retries transient failures and reports the attempts it took", async () => {
    const f = failing([new HttpStatusError(503), new HttpStatusError(429)]);
    const retries: number[] = [];
    expect(await withRetries(fast, f.attempt, { onRetry: (r) => retries.push(r.attempt) })).toEqual({ ok: true, value: "ok on 3", attempts: 3 });
    expect(f.calls).toEqual([1, 2, 3]);
    expect(retries).toEqual([1, 2]);
  });

  it("stops at once on a non-retryable failure, and after maxAttempts on a transient one", async () => {
    const bad = await withRetries(fast, failing([new HttpStatusError(400)]).attempt);
    expect(bad).toMatchObject({ ok: false, attempts: 1, gaveUp: "not retryable", error: { message: "HTTP 400" } });
    const down = await withRetries(fast, failing(Array.from({ length: 9 }, () => new HttpStatusError(502))).attempt);
    expect(down).toMatchObject({ ok: false, attempts: 4, gaveUp: "out of attempts" });
  });

  it("with overRetryAfter 'stop', gives up on a retry-after over the ceiling instead of waiting", async () => {
    const started = Date.now();
    const out = await withRetries({ ...fast, maxRetryAfterMs: 100, overRetryAfter: "stop" }, failing([new HttpStatusError(429, 30_000)]).attempt);
    expect(out).toMatchObject({ ok: false, attempts: 1, gaveUp: "retry-after over the ceiling" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("an abort cuts the wait short", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const out = await withRetries({ ...fast, baseDelayMs: 60_000, capDelayMs: 60_000, jitter: "none" }, failing([new HttpStatusError(503)]).attempt, { signal: controller.signal });
    expect(out).toMatchObject({ ok: false, attempts: 1, gaveUp: "aborted" });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("resolving and mapping a policy", () => {
  it("rejects a bad field by name", () => {
    expect(() => resolveRetryPolicy(WEBHOOK_RETRY_POLICY, { maxAttempts: 0 }, "webhook")).toThrow(OptionsError);
    expect(() => resolveRetryPolicy(WEBHOOK_RETRY_POLICY, { maxAttempts: 0 }, "webhook")).toThrow("Expected `webhook.maxAttempts` to be an integer ≥ 1, got 0");
    expect(() => resolveRetryPolicy(WEBHOOK_RETRY_POLICY, { jitter: "some" as never })).toThrow("`retry.jitter`");
    expect(() => resolveLlmPolicy({ retryBudget: -1 })).toThrow("Expected `retry.retryBudget` to be an integer ≥ 0, got -1");
    // An unset override keeps the default.
    expect(resolveRetryPolicy(WEBHOOK_RETRY_POLICY, { maxAttempts: undefined }).maxAttempts).toBe(3);
  });

  it("maps a task's policy onto pg-boss's queue options", () => {
    expect(queueOptionsFor(TASK_DEFAULTS)).toEqual({ retryLimit: 2, retryDelay: 2, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 605 });
    expect(queueOptionsFor({ ...TASK_DEFAULTS, attempts: 1, backoff: false, delaySeconds: 5 })).toEqual({ retryLimit: 0, retryDelay: 5, retryBackoff: false, expireInSeconds: 605 });
  });

  it("refuses to map a policy pg-boss cannot carry out", () => {
    expect(() => toJobOptions({ ...LLM_DEFAULTS, jitter: "additive" }, 60)).toThrow("`retry.baseDelayMs` to be whole seconds");
    expect(() => toJobOptions({ ...LLM_DEFAULTS, baseDelayMs: 1000, capDelayMs: 8000 }, 60)).toThrow("`retry.jitter` to be additive with exponential backoff");
  });
});
