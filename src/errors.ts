/**
 * One rooted error hierarchy. Every error the pipeline raises on purpose is a
 * `PipelineError` carrying the step it came from and the underlying `cause`.
 *
 * @example
 * try { await run() } catch (e) { const err = toError(e); if (err instanceof PipelineError) console.log(err.step) }
 */
export type StepName =
  | "config"
  | "extract"
  | "transform"
  | "map"
  | "analyze"
  | "validate"
  | "load"
  | "summarize"
  | "orchestrate"
  | "monitor"
  | "release";

export interface PipelineErrorOptions {
  step?: StepName;
  cause?: unknown;
}

export class PipelineError extends Error {
  readonly step: StepName | undefined;
  constructor(message: string, options: PipelineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.step = options.step;
  }
}

/** A configuration value is missing or invalid; the message names the key. */
export class ConfigError extends PipelineError {
  constructor(readonly key: string, message: string) {
    super(`Invalid configuration: ${key}: ${message}`, { step: "config" });
  }
}

/** Bad options passed to a component: names the field and the value. */
export class OptionsError extends PipelineError {
  constructor(readonly field: string, expected: string, value: unknown) {
    super(`Expected \`${field}\` to be ${expected}, got ${formatValue(value)}`);
  }
}

/** Input data that cannot be read: names the row (1-based line) and the field. */
export class InputError extends PipelineError {
  constructor(message: string, readonly row?: number, readonly field?: string, cause?: unknown) {
    super(message, { step: "extract", cause });
  }
}

/** Any failure talking to an LLM provider. `retryable` says whether trying again may help. */
export class LlmError extends PipelineError {
  constructor(message: string, readonly retryable: boolean, cause?: unknown, readonly status?: number) {
    super(message, { step: "transform", cause });
  }
}

/** The provider asked us to slow down (HTTP 429); `retryAfterMs` comes from its `retry-after`. */
export class LlmRateLimitError extends LlmError {
  constructor(message: string, readonly retryAfterMs: number | undefined, cause?: unknown) {
    super(message, true, cause, 429);
  }
}

/** The model answered, but not with something we can use (bad JSON, schema break, refusal). */
export class LlmResponseError extends LlmError {
  constructor(message: string, readonly kind: "malformed" | "schema" | "refusal" | "truncated", cause?: unknown) {
    super(message, true, cause);
  }
}

/** A run would spend more than its budget; raised before the request that would exceed it. */
export class BudgetExceededError extends PipelineError {
  constructor(readonly budgetUsd: number, readonly wouldSpendUsd: number) {
    super(
      `Cost budget exceeded: the next request would bring spend to $${wouldSpendUsd.toFixed(4)}, over the budget of $${budgetUsd.toFixed(2)}`,
      { step: "transform" },
    );
  }
}

export class DatabaseError extends PipelineError {
  constructor(message: string, cause?: unknown) {
    super(message, { step: "load", cause });
  }
}

/** Raised to stop retrying early: whatever failed will not succeed by trying again. */
export class AbortError extends PipelineError {}

/** Coerce anything thrown into an `Error`, once, at the `catch` site. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === "string" ? value : formatValue(value));
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
