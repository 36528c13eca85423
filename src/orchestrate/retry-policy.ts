import {
  AbortError, ConfigError, DatabaseConnectionError, DatabaseDiskFullError, DatabaseLockedError, InputError, LlmError, OptionsError, UnknownRosterError,
} from "../errors";
import { withDefaults } from "../util/defined";
import { checkInteger } from "../util/option-checks";
import { backoffDelayMs, type RetryPolicy as SharedRetryPolicy } from "../util/retry-policy";

/**
 * How a DAG task declares its retries, in pg-boss's units (whole seconds). pg-boss does the
 * retrying: `toRetryPolicy` turns the declaration into the shared `RetryPolicy` (util/retry-policy.ts)
 * and `toJobOptions` maps that onto pg-boss's queue options (`retryLimit`, `retryDelay`,
 * `retryBackoff`, `retryDelayMax`, `expireInSeconds`).
 *
 * With backoff, the wait before retry n (1-based) is `delaySeconds · 2^(n-1)` plus a random jitter
 * of up to as much again (pg-boss's formula, the shared policy's `additive` jitter), and never above
 * `maxDelaySeconds`. A base of 0 counts as 1 second with backoff.
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

/** The same declaration under the name that says what it is. */
export type TaskRetryOptions = RetryPolicy;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  delaySeconds: 2,
  backoff: true,
  maxDelaySeconds: 60,
  timeoutSeconds: 600,
};

/** A provider's `retry-after` longer than pg-boss's own wait is honoured by holding the job, up to this. */
export const TASK_MAX_RETRY_AFTER_MS = 120_000;

/** Fill in defaults and reject bad values, naming the field. */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}, field = "retry"): RetryPolicy {
  const p = withDefaults(DEFAULT_RETRY_POLICY, partial);
  checkInteger(`${field}.attempts`, p.attempts, 1);
  checkInteger(`${field}.delaySeconds`, p.delaySeconds, 0);
  checkInteger(`${field}.maxDelaySeconds`, p.maxDelaySeconds, 0);
  checkInteger(`${field}.timeoutSeconds`, p.timeoutSeconds, 1);
  if (typeof p.backoff !== "boolean") throw new OptionsError(`${field}.backoff`, "a boolean", p.backoff);
  return p;
}

/**
 * Whether trying the same task again may help: not for an abort (the gate, the budget), a bad
 * input or option, a roster that does not cover the input, a provider error it says is final, or the
 * pipeline's own database lost, full or locked (the run fails with the cause at once, and a re-run,
 * idempotent, continues once it is fixed: a retry would only wait on the same broken database).
 * Both executors (pg-boss and in-process) ask this one predicate.
 */
export function isRetryableTaskError(error: unknown): boolean {
  if (error instanceof AbortError || error instanceof OptionsError || error instanceof InputError) return false;
  if (error instanceof ConfigError || error instanceof UnknownRosterError) return false;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof DatabaseConnectionError || e instanceof DatabaseDiskFullError || e instanceof DatabaseLockedError) return false;
  }
  return !(error instanceof LlmError && !error.retryable);
}

/** A task's declaration as the shared retry policy (what pg-boss will do, in ms). */
export function toRetryPolicy(task: RetryPolicy): SharedRetryPolicy {
  return {
    maxAttempts: task.attempts,
    baseDelayMs: (task.backoff ? Math.max(task.delaySeconds, 1) : task.delaySeconds) * 1000,
    capDelayMs: (task.backoff ? task.maxDelaySeconds : task.delaySeconds) * 1000,
    backoff: task.backoff ? "exponential" : "fixed",
    jitter: task.backoff ? "additive" : "none",
    maxRetryAfterMs: TASK_MAX_RETRY_AFTER_MS,
    overRetryAfter: "cap",
    retryable: isRetryableTaskError,
  };
}

/** pg-boss's queue options for a job. */
export interface JobRetryOptions {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax?: number;
  expireInSeconds: number;
}

/**
 * The pg-boss queue options that carry out `policy`. pg-boss counts in whole seconds and jitters
 * exponential backoff its own way, so a policy it cannot carry out (ms that are not whole seconds,
 * exponential backoff without `additive` jitter, a fixed wait with jitter) is an `OptionsError`.
 */
export function toJobOptions(policy: SharedRetryPolicy, timeoutSeconds: number, field = "retry"): JobRetryOptions {
  const seconds = (name: "baseDelayMs" | "capDelayMs") => {
    if (policy[name] % 1000 !== 0) throw new OptionsError(`${field}.${name}`, "whole seconds (pg-boss's unit)", policy[name]);
    return policy[name] / 1000;
  };
  const exponential = policy.backoff === "exponential";
  if (policy.jitter !== (exponential ? "additive" : "none")) {
    throw new OptionsError(`${field}.jitter`, exponential ? "additive with exponential backoff (pg-boss's)" : "none with a fixed wait (pg-boss's)", policy.jitter);
  }
  return {
    retryLimit: policy.maxAttempts - 1,
    retryDelay: seconds("baseDelayMs"),
    retryBackoff: exponential,
    ...(exponential ? { retryDelayMax: seconds("capDelayMs") } : {}),
    // Our own timer stops the attempt at timeoutSeconds and records why; a worker that died holding
    // the job is caught by the queue's heartbeat (see recoveryTimings), expiry is the last backstop.
    expireInSeconds: timeoutSeconds + 5,
  };
}

/** The pg-boss queue options for a task's declared policy. */
export function queueOptionsFor(task: RetryPolicy): JobRetryOptions {
  return toJobOptions(toRetryPolicy(task), task.timeoutSeconds);
}

/** The shortest wait before retry number `retry` (1-based); pg-boss's jitter adds up to as much again. In ms. */
export function nominalDelayMs(task: RetryPolicy, retry: number): number {
  return backoffDelayMs(toRetryPolicy(task), retry, () => 0);
}
