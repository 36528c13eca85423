import { HttpStatusError, OptionsError } from "../../errors";
import { withDefaults } from "../../util/defined";
import { checkNumber } from "../../util/option-checks";
import { isTransientFailure, resolveRetryPolicy, retryAfterFromHeaders, withRetries, type RetryPolicy } from "../../util/retry-policy";
import type { AlertSeverity } from "./rules";

/** One alert as channels see it. */
export interface AlertMessage {
  id: number;
  rule: string;
  severity: AlertSeverity;
  kind: "firing" | "resolved";
  runId: string;
  scope: string;
  message: string;
}

/** `error` says why when `ok` is false (never containing the webhook URL). */
export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  error?: string;
}

/** Where alerts go. `deliver` never throws: a failure comes back as `{ ok: false, error }`. */
export interface AlertChannel {
  readonly name: string;
  deliver(alert: AlertMessage): Promise<DeliveryResult>;
}

/** One line per alert, e.g. `[ALERT critical] task-failed: Run r3: task load failed …`. */
export function formatAlert(alert: AlertMessage): string {
  return alert.kind === "resolved"
    ? `[RESOLVED] ${alert.rule} (${alert.scope}): ${alert.message}`
    : `[ALERT ${alert.severity}] ${alert.rule} (${alert.scope}): ${alert.message}`;
}

/** Prints alerts; by default to `console.log`. */
export class ConsoleChannel implements AlertChannel {
  readonly name = "console";
  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}
  async deliver(alert: AlertMessage): Promise<DeliveryResult> {
    this.write(formatAlert(alert));
    return { ok: true, attempts: 1 };
  }
}

export interface WebhookChannelOptions {
  /** Slack-compatible incoming-webhook URL. Required; a secret: never printed. */
  url: string;
  /** Give up on one try after this long. Default 5000 ms. */
  timeoutMs?: number;
  /** Overrides of `WEBHOOK_RETRY_POLICY` (e.g. `{ maxAttempts: 5 }`). */
  retry?: Partial<RetryPolicy>;
}

/**
 * Webhook delivery's retry policy: exponential backoff from 250 ms with equal jitter, capped at 5 s,
 * a `retry-after` honoured up to the same cap; timeouts, connection errors, 408/409/429 and 5xx are
 * retried, other 4xx are not.
 */
export const WEBHOOK_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  capDelayMs: 5000,
  backoff: "exponential",
  jitter: "equal",
  maxRetryAfterMs: 5000,
  overRetryAfter: "cap",
  retryable: isTransientFailure,
};

/**
 * POSTs `{ text, alert }` as JSON (Slack reads `text`), retried under `WEBHOOK_RETRY_POLICY`
 * with the caller's `retry` overrides.
 *
 * @example new WebhookChannel({ url: config.alerts.webhookUrl!, timeoutMs: 5000, retry: { maxAttempts: 3 } })
 */
export class WebhookChannel implements AlertChannel {
  readonly name = "webhook";
  private readonly url: string;
  private readonly timeoutMs: number;
  /** The policy this channel retries under. */
  readonly retry: RetryPolicy;

  constructor(options: WebhookChannelOptions) {
    const o = withDefaults({ timeoutMs: 5000 }, options);
    if (!/^https?:\/\//.test(o.url ?? "")) throw new OptionsError("url", "an http(s) URL", "(not shown)");
    this.url = o.url;
    this.timeoutMs = checkNumber("timeoutMs", o.timeoutMs, { above: 0 });
    this.retry = resolveRetryPolicy(WEBHOOK_RETRY_POLICY, o.retry);
  }

  async deliver(alert: AlertMessage): Promise<DeliveryResult> {
    const body = JSON.stringify({ text: formatAlert(alert), alert });
    const out = await withRetries(this.retry, async () => {
      const res = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.text().catch(() => "");
      if (!res.ok) throw new HttpStatusError(res.status, retryAfterFromHeaders(res.headers), { step: "monitor" });
    });
    // `in`, not `out.ok`: the notebooks' kernel compiles without strictNullChecks, where a boolean discriminant does not narrow.
    return "error" in out ? { ok: false, attempts: out.attempts, error: describeFailure(out.error, this.timeoutMs) } : { ok: true, attempts: out.attempts };
  }
}

/** A reason that never includes the URL (it holds the webhook's secret token). */
function describeFailure(e: Error, timeoutMs: number): string {
  if (e instanceof HttpStatusError) return e.message;
  if (e.name === "TimeoutError" || e.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  const code = (e.cause as { code?: string } | undefined)?.code;
  return code ? `connection failed (${code})` : `request failed (${e.name})`;
}
