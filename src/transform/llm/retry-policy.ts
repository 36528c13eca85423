import { AbortError, LlmError } from "../../errors";
import { checkInteger } from "../../util/option-checks";
import {
  resolveRetryPolicy as resolveSharedPolicy,
  retryDelayMs,
  type RetryPolicy as SharedRetryPolicy,
} from "../../util/retry-policy";

export { exceedsRetryAfterCeiling, isRetryableStatus } from "../../util/retry-policy";
export { sleep } from "../../util/sleep";

/**
 * How the LLM path retries: the shared `RetryPolicy` (util/retry-policy.ts) with the LLM's defaults,
 * plus what only this path has (bad-answer tries and a run-wide retry budget).
 * The SDK's own retries are switched off (`maxRetries: 0`) so this is the only policy.
 *
 * Defaults: `maxAttempts` 5 (429, 5xx, timeouts, resets; first try included), `baseDelayMs` 250,
 * `capDelayMs` 8000, full jitter, `maxRetryAfterMs` 60 000 (LLM_RETRY_AFTER_MAX_S) — a server asking
 * for longer stops the step with an `LlmRateLimitError` (`overRetryAfter: "stop"`), so the caller
 * reschedules it instead of holding the run.
 */
export interface RetryPolicy extends SharedRetryPolicy {
  /** Tries of the same batch when the answer itself is bad (malformed, truncated, schema break, refusal) before it is split. Default 2. */
  badAnswerAttempts: number;
  /**
   * Extra requests a whole run may spend on retries and batch splits together. Bounds the
   * requests of a run to (initial batches + retryBudget) whatever the provider does. Default 60.
   */
  retryBudget: number;
}

/** Whether trying the same request again may help. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof AbortError) return false;
  return error instanceof LlmError && error.retryable;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  capDelayMs: 8000,
  backoff: "exponential",
  jitter: "full",
  maxRetryAfterMs: 60_000,
  overRetryAfter: "stop",
  retryable: isRetryable,
  badAnswerAttempts: 2,
  retryBudget: 60,
};

/** Merge and validate a partial policy; a bad field is an `OptionsError` naming it. */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const p = resolveSharedPolicy(DEFAULT_RETRY_POLICY, partial, "retry");
  checkInteger("retry.badAnswerAttempts", p.badAnswerAttempts, 1);
  checkInteger("retry.retryBudget", p.retryBudget, 0);
  return p;
}

/**
 * Delay before attempt `attempt + 1`. A server's `retry-after` wins (up to `maxRetryAfterMs`), otherwise
 * the policy's backoff. `random` is injectable for deterministic tests.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, error: unknown, random: () => number = Math.random): number {
  return retryDelayMs(policy, attempt, error, random);
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
