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
      `Cost budget exceeded: the next request would bring spend to $${formatUsd(wouldSpendUsd)}, over the budget of $${formatUsd(budgetUsd)}`,
      { step: "transform" },
    );
  }
}

export class DatabaseError extends PipelineError {
  constructor(message: string, cause?: unknown) {
    super(message, { step: "load", cause });
  }
}

/**
 * An HTTP endpoint of ours (a webhook, say) answered with a non-2xx status. `retryAfterMs` is its
 * `retry-after`, when it sent one. The message is only the status: a URL may hold a secret.
 */
export class HttpStatusError extends PipelineError {
  constructor(readonly status: number, readonly retryAfterMs?: number, options: PipelineErrorOptions = {}) {
    super(`HTTP ${status}`, options);
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

/**
 * US dollars with two decimals, or as many as keep two significant digits for small amounts:
 * `formatUsd(0.5)` is "0.50", `formatUsd(0.005)` is "0.005", `formatUsd(0.01234)` is "0.012".
 */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount) || amount === 0) return (Number.isFinite(amount) ? amount : 0).toFixed(2);
  const decimals = Math.min(8, Math.max(2, Math.ceil(-Math.log10(Math.abs(amount))) + 1));
  const s = amount.toFixed(decimals);
  return decimals > 2 ? s.replace(/(\.\d\d\d*?)0+$/, "$1") : s;
}

/** The quality gate held the run's valid rows back: too many rows failed. Not retryable (the data will not change). */
export class QualityGateError extends AbortError {
  constructor(readonly held: number, readonly quarantined: number, readonly rows: number, readonly rate: number, readonly maxRate: number) {
    super(
      `Quality gate: ${quarantined} of ${rows} rows quarantined (${(rate * 100).toFixed(1)}%, over the ${(maxRate * 100).toFixed(1)}% limit ` +
        `of ALERT_QUALITY_MAX_FAILED_RATE); nothing was loaded and ${held} valid row(s) are held`,
      { step: "validate" },
    );
  }
}

/** The cost budget stopped the run before every row was extracted. Not retryable under the same budget. */
export class BudgetStoppedError extends AbortError {
  constructor(readonly budgetUsd: number | undefined, readonly notExtracted: number, detail?: string) {
    super(
      `Stopped by the cost budget${budgetUsd === undefined ? "" : ` of $${formatUsd(budgetUsd)}`}: ${notExtracted} row(s) were not extracted` +
        (detail ? ` (${detail})` : ""),
      { step: "transform" },
    );
  }
}

/** An embedded (PGlite) database folder is in use by another process; names the holder. */
export class DatabaseLockedError extends DatabaseError {
  constructor(message: string, readonly holderPid: number, readonly folder: string) {
    super(message);
  }
}

/** The connection to the database server was lost mid-run; whatever transaction was open is rolled back. */
export class DatabaseConnectionError extends DatabaseError {}

/** The disk under the database is full; names the folder. Nothing of the failing transaction was written. */
export class DatabaseDiskFullError extends DatabaseError {
  constructor(message: string, readonly folder: string, cause?: unknown) {
    super(message, cause);
  }
}

/**
 * The input names players the reference tables do not know: most likely another game. Raised before the load,
 * instead of quarantining nearly every row; the message gives the `roster` command that proposes tables for it.
 */
export class UnknownRosterError extends PipelineError {
  constructor(message: string, readonly knownNames: number, readonly unknownNames: number) {
    super(message, { step: "map" });
  }
}
