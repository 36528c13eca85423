import { AbortError, LlmError, LlmRateLimitError, OptionsError } from "../../errors";

/**
 * How the LLM path retries, declared in one place rather than hand-looped.
 * The SDK's own retries are switched off (`maxRetries: 0`) so this is the only policy.
 */
export interface RetryPolicy {
  /** Tries per request for transient failures (429, 5xx, timeouts, resets), first try included. Default 5. */
  maxAttempts: number;
  /** Tries of the same batch when the answer itself is bad (malformed, truncated, schema break, refusal) before it is split. Default 2. */
  badAnswerAttempts: number;
  /** Backoff before retry n: min(capMs, baseMs · 2^(n-1)), with full jitter. Default 250 ms. */
  baseDelayMs: number;
  /** Ceiling of one backoff of our own. Default 8000 ms. */
  capDelayMs: number;
  /**
   * The longest `retry-after` waited out in place (LLM_RETRY_AFTER_MAX_S). A server asking for
   * longer stops the step with an `LlmRateLimitError`, so the caller reschedules it instead of
   * holding the run. Default 60 000 ms.
   */
  maxRetryAfterMs: number;
  /**
   * Extra requests a whole run may spend on retries and batch splits together. Bounds the
   * requests of a run to (initial batches + retryBudget) whatever the provider does. Default 60.
   */
  retryBudget: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  badAnswerAttempts: 2,
  baseDelayMs: 250,
  capDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  retryBudget: 60,
};

/** Merge and validate a partial policy; a bad field is an `OptionsError` naming it. */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const p = { ...DEFAULT_RETRY_POLICY, ...partial };
  const checkInt = (field: keyof RetryPolicy, min: number) => {
    if (!Number.isInteger(p[field]) || p[field] < min) throw new OptionsError(`retry.${field}`, `an integer ≥ ${min}`, p[field]);
  };
  checkInt("maxAttempts", 1);
  checkInt("badAnswerAttempts", 1);
  checkInt("baseDelayMs", 0);
  checkInt("capDelayMs", 0);
  checkInt("maxRetryAfterMs", 0);
  checkInt("retryBudget", 0);
  return p;
}

/** HTTP statuses worth another try: timeout, conflict, rate limit, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Delay before attempt `attempt + 1`. A server's `retry-after` wins (up to `maxRetryAfterMs`), otherwise
 * exponential backoff with full jitter so that concurrent workers do not retry in step.
 * `random` is injectable for deterministic tests.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof LlmRateLimitError && error.retryAfterMs !== undefined) {
    return Math.min(policy.maxRetryAfterMs, Math.max(0, error.retryAfterMs));
  }
  const ceiling = Math.min(policy.capDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * random());
}

/** A `retry-after` longer than the policy waits out in place: the step is to be rescheduled. */
export function exceedsRetryAfterCeiling(policy: RetryPolicy, error: unknown): error is LlmRateLimitError {
  return error instanceof LlmRateLimitError && error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs;
}

/** Whether trying the same request again may help. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof AbortError) return false;
  return error instanceof LlmError && error.retryable;
}

/** A shared counter of the extra requests a run may still spend. */
export class RetryBudget {
  private used = 0;
  constructor(readonly limit: number) {}

  /** Take `n` extra requests from the budget, all or none; false when not enough is left. */
  take(n = 1): boolean {
    if (this.used + n > this.limit) return false;
    this.used += n;
    return true;
  }

  get spent(): number {
    return this.used;
  }
}

/** Sleep that an abort signal can cut short. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError("Aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError("Aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
