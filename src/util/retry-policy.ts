import { AbortError, toError } from "../errors";
import { withDefaults } from "./defined";
import { checkInteger, checkOneOf } from "./option-checks";
import { sleep } from "./sleep";

/** How the wait grows from one retry to the next. */
export type Backoff = "exponential" | "fixed";

/**
 * How a backoff `d` is spread so that concurrent clients do not retry in step:
 * `full` uniform in [0, d], `equal` uniform in [d/2, d], `additive` uniform in [d, 2d] (pg-boss's
 * formula), `none` exactly d.
 */
export type Jitter = "full" | "equal" | "additive" | "none";

/**
 * The one retry policy type: declared once per component (LLM requests, webhook delivery, DAG tasks)
 * and read by whoever retries. Retries are declared, not hand-looped.
 *
 * The wait before retry `n` (1-based) is the server's `retry-after` when it sent one (up to
 * `maxRetryAfterMs`), otherwise `d = baseDelayMs · 2^(n-1)` (`exponential`) or `baseDelayMs`
 * (`fixed`), spread by `jitter` and never above `capDelayMs`.
 */
export interface RetryPolicy {
  /** Tries in all, the first included (an integer ≥ 1). */
  maxAttempts: number;
  /** Backoff before the first retry, in ms. */
  baseDelayMs: number;
  /** Ceiling of one backoff of our own, in ms. */
  capDelayMs: number;
  /** Double the backoff per retry, or keep it. */
  backoff: Backoff;
  /** How the backoff is spread; see `Jitter`. */
  jitter: Jitter;
  /** The longest `retry-after` honoured, in ms. */
  maxRetryAfterMs: number;
  /**
   * A `retry-after` over `maxRetryAfterMs`: `cap` waits `maxRetryAfterMs` and tries again; `stop`
   * gives up at once, so that the caller can reschedule the work instead of holding a run.
   */
  overRetryAfter: "cap" | "stop";
  /** Whether a failure is worth another try. `isTransientFailure` is the usual answer. */
  retryable: (failure: unknown) => boolean;
}

const BACKOFFS: readonly Backoff[] = ["exponential", "fixed"];
const JITTERS: readonly Jitter[] = ["full", "equal", "additive", "none"];

/**
 * A component's policy: its `defaults` with the caller's `overrides` spread once and checked once;
 * a bad field is an `OptionsError` naming it (`retry.maxAttempts`).
 */
export function resolveRetryPolicy<P extends RetryPolicy>(defaults: P, overrides: Partial<P> = {}, field = "retry"): P {
  const p = withDefaults(defaults, overrides) as P;
  checkInteger(`${field}.maxAttempts`, p.maxAttempts, 1);
  checkInteger(`${field}.baseDelayMs`, p.baseDelayMs, 0);
  checkInteger(`${field}.capDelayMs`, p.capDelayMs, 0);
  checkInteger(`${field}.maxRetryAfterMs`, p.maxRetryAfterMs, 0);
  checkOneOf(`${field}.backoff`, p.backoff, BACKOFFS);
  checkOneOf(`${field}.jitter`, p.jitter, JITTERS);
  checkOneOf(`${field}.overRetryAfter`, p.overRetryAfter, ["cap", "stop"]);
  checkOneOf(`${field}.retryable`, typeof p.retryable, ["function"]);
  return p;
}

/**
 * Our own backoff before retry `retry` (1-based: 1 after the first failure). `random` (in [0, 1))
 * is injectable for deterministic tests; with `() => 0` this is the shortest wait.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const d = policy.backoff === "fixed" ? policy.baseDelayMs : policy.baseDelayMs * 2 ** Math.min(16, Math.max(0, retry - 1));
  const capped = Math.min(policy.capDelayMs, d);
  switch (policy.jitter) {
    case "full":
      return Math.round(capped * random());
    case "equal":
      return Math.round(capped / 2 + (capped / 2) * random());
    case "additive": // pg-boss caps after the jitter
      return Math.round(Math.min(policy.capDelayMs, d * (1 + random())));
    case "none":
      return capped;
  }
}

/** The `retry-after` a failure carries (`retryAfterMs`, as `LlmRateLimitError` and `HttpStatusError` do), if any. */
export function retryAfterOf(failure: unknown): number | undefined {
  const ms = (failure as { retryAfterMs?: unknown } | null | undefined)?.retryAfterMs;
  return typeof ms === "number" && Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** A `retry-after` longer than the policy honours: with `overRetryAfter: "stop"` the work is to be rescheduled. */
export function exceedsRetryAfterCeiling<E>(policy: RetryPolicy, failure: E): failure is E & { retryAfterMs: number } {
  const ms = retryAfterOf(failure);
  return ms !== undefined && ms > policy.maxRetryAfterMs;
}

/** The wait before retry `retry` after `failure`: its `retry-after` (capped at `maxRetryAfterMs`) or our backoff. */
export function retryDelayMs(policy: RetryPolicy, retry: number, failure: unknown, random: () => number = Math.random): number {
  const ms = retryAfterOf(failure);
  return ms !== undefined ? Math.min(policy.maxRetryAfterMs, ms) : backoffDelayMs(policy, retry, random);
}

/** HTTP statuses worth another try: timeout, conflict, rate limit, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The usual predicate: an `AbortError` never; an error with an HTTP `status` when the status is
 * retryable; an error that says `retryable` as it says; anything else (a timeout, a reset or refused
 * connection: no answer at all) yes.
 */
export function isTransientFailure(failure: unknown): boolean {
  if (failure instanceof AbortError) return false;
  const f = failure as { status?: unknown; retryable?: unknown } | null | undefined;
  if (typeof f?.retryable === "boolean") return f.retryable;
  if (typeof f?.status === "number") return isRetryableStatus(f.status);
  return true;
}

/** `retry-after-ms` (OpenAI's) or `retry-after` in seconds or as an HTTP date, in ms. */
export function retryAfterFromHeaders(headers: Pick<Headers, "get"> | undefined): number | undefined {
  const rawMs = headers?.get("retry-after-ms");
  const ms = Number(rawMs);
  if (rawMs && Number.isFinite(ms)) return ms;
  const raw = headers?.get("retry-after");
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Why `withRetries` stopped without a success. */
export type GaveUp = "not retryable" | "out of attempts" | "retry-after over the ceiling" | "aborted";

export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: Error; attempts: number; gaveUp: GaveUp };

export interface WithRetriesOptions {
  /** Stops the waiting and the trying: the outcome is `gaveUp: "aborted"`. */
  signal?: AbortSignal;
  /** Jitter source, injectable for deterministic tests. Default `Math.random`. */
  random?: () => number;
  /** Told before each wait (for events and logs). */
  onRetry?: (retry: { attempt: number; delayMs: number; error: Error }) => void;
}

/**
 * Run `attempt` (given its 1-based number) under `policy` and say how it ended; never throws what
 * `attempt` throws. For a loop that also splits work or shares a budget (the LLM batch runner), use
 * `retryDelayMs`, `exceedsRetryAfterCeiling` and `policy.retryable` directly.
 *
 * @example const out = await withRetries(policy, () => post(body)); if (!out.ok) console.warn(out.error.message, out.gaveUp);
 */
export async function withRetries<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>, options: WithRetriesOptions = {}): Promise<RetryOutcome<T>> {
  for (let n = 1; ; n++) {
    let error: Error;
    try {
      return { ok: true, value: await attempt(n), attempts: n };
    } catch (e) {
      error = toError(e);
    }
    const gaveUp: GaveUp | undefined = options.signal?.aborted
      ? "aborted"
      : !policy.retryable(error)
        ? "not retryable"
        : n >= policy.maxAttempts
          ? "out of attempts"
          : policy.overRetryAfter === "stop" && exceedsRetryAfterCeiling(policy, error)
            ? "retry-after over the ceiling"
            : undefined;
    if (gaveUp) return { ok: false, error, attempts: n, gaveUp };
    const delayMs = retryDelayMs(policy, n, error, options.random);
    options.onRetry?.({ attempt: n, delayMs, error });
    try {
      await sleep(delayMs, options.signal);
    } catch {
      return { ok: false, error, attempts: n, gaveUp: "aborted" };
    }
  }
}
