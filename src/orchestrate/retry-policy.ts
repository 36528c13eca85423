import { OptionsError } from "../errors";

/**
 * How a task is retried. pg-boss does the retrying: these map onto its queue options
 * (`retryLimit`, `retryDelay`, `retryBackoff`, `retryDelayMax`, `expireInSeconds`).
 *
 * With backoff, the wait before retry n (1-based) is `delaySeconds · 2^(n-1)` plus a random jitter
 * of up to as much again (pg-boss's formula), and never above `maxDelaySeconds`. A base of 0
 * counts as 1 second with backoff.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 3. */
  attempts: number;
  /** Base wait before a retry, in whole seconds (pg-boss's unit). Default 2. */
  delaySeconds: number;
  /** Double the wait on each retry, with jitter. Default true. */
  backoff: boolean;
  /** Cap on one wait, in whole seconds. Default 60. */
  maxDelaySeconds: number;
  /** An attempt that runs longer than this fails with a timeout (and may be retried). Default 600. */
  timeoutSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  delaySeconds: 2,
  backoff: true,
  maxDelaySeconds: 60,
  timeoutSeconds: 600,
};

/** Fill in defaults and reject bad values, naming the field. */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}, field = "retry"): RetryPolicy {
  const p = { ...DEFAULT_RETRY_POLICY, ...partial };
  const int = (name: keyof RetryPolicy, min: number) => {
    const v = p[name];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw new OptionsError(`${field}.${name}`, `an integer ≥ ${min}`, v);
  };
  int("attempts", 1);
  int("delaySeconds", 0);
  int("maxDelaySeconds", 0);
  int("timeoutSeconds", 1);
  if (typeof p.backoff !== "boolean") throw new OptionsError(`${field}.backoff`, "a boolean", p.backoff);
  return p;
}

/** The pg-boss queue options for a policy. */
export function queueOptionsFor(policy: RetryPolicy): {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax?: number;
  expireInSeconds: number;
} {
  return {
    retryLimit: policy.attempts - 1,
    retryDelay: policy.delaySeconds,
    retryBackoff: policy.backoff,
    ...(policy.backoff ? { retryDelayMax: policy.maxDelaySeconds } : {}),
    // Our own timer stops the attempt at timeoutSeconds and records why; a worker that died holding
    // the job is caught by the queue's heartbeat (see recoveryTimings), expiry is the last backstop.
    expireInSeconds: policy.timeoutSeconds + 5,
  };
}

/** The shortest wait before retry number `retry` (1-based); pg-boss's jitter adds up to as much again. In ms. */
export function nominalDelayMs(policy: RetryPolicy, retry: number): number {
  if (!policy.backoff) return policy.delaySeconds * 1000;
  return Math.min(policy.maxDelaySeconds, Math.max(policy.delaySeconds, 1) * 2 ** Math.min(16, retry - 1)) * 1000;
}
