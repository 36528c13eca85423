import { OptionsError, toError } from "../../errors";
import { withDefaults } from "../with-defaults";
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
  /** Tries per delivery, the first included. Default 3. */
  attempts?: number;
  /** Give up on one try after this long. Default 5000 ms. */
  timeoutMs?: number;
  /** First backoff; doubles per retry with jitter. Default 250 ms. */
  backoffMs?: number;
  /** Cap on one backoff (and on an honoured `retry-after`). Default 5000 ms. */
  maxBackoffMs?: number;
}

const RETRYABLE_STATUS = (s: number) => s === 408 || s === 409 || s === 429 || s >= 500;

/**
 * POSTs `{ text, alert }` as JSON (Slack reads `text`), retrying timeouts, connection errors,
 * 408/409/429 and 5xx with exponential backoff and jitter; other 4xx are not retried.
 *
 * @example new WebhookChannel({ url: config.alerts.webhookUrl!, attempts: 3, timeoutMs: 5000 })
 */
export class WebhookChannel implements AlertChannel {
  readonly name = "webhook";
  private readonly o: Required<WebhookChannelOptions>;

  constructor(options: WebhookChannelOptions) {
    this.o = withDefaults({ attempts: 3, timeoutMs: 5000, backoffMs: 250, maxBackoffMs: 5000 }, options);
    if (!/^https?:\/\//.test(this.o.url ?? "")) throw new OptionsError("url", "an http(s) URL", "(not shown)");
    if (!Number.isInteger(this.o.attempts) || this.o.attempts < 1) throw new OptionsError("attempts", "an integer ≥ 1", this.o.attempts);
    if (!(this.o.timeoutMs > 0)) throw new OptionsError("timeoutMs", "a number > 0", this.o.timeoutMs);
    if (!(this.o.backoffMs >= 0)) throw new OptionsError("backoffMs", "a number ≥ 0", this.o.backoffMs);
  }

  async deliver(alert: AlertMessage): Promise<DeliveryResult> {
    const body = JSON.stringify({ text: formatAlert(alert), alert });
    let error = "";
    for (let attempt = 1; attempt <= this.o.attempts; attempt++) {
      let retryAfterMs: number | undefined;
      try {
        const res = await fetch(this.o.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
        await res.text().catch(() => "");
        if (res.ok) return { ok: true, attempts: attempt };
        error = `HTTP ${res.status}`;
        if (!RETRYABLE_STATUS(res.status)) return { ok: false, attempts: attempt, error };
        const ra = Number(res.headers.get("retry-after"));
        if (Number.isFinite(ra) && ra > 0) retryAfterMs = ra * 1000;
      } catch (e) {
        error = describeFetchError(toError(e), this.o.timeoutMs);
      }
      if (attempt < this.o.attempts) {
        const backoff = Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (attempt - 1));
        const wait = retryAfterMs !== undefined ? Math.min(this.o.maxBackoffMs, retryAfterMs) : backoff / 2 + Math.random() * (backoff / 2);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    return { ok: false, attempts: this.o.attempts, error };
  }
}

/** A reason that never includes the URL (it holds the webhook's secret token). */
function describeFetchError(e: Error, timeoutMs: number): string {
  if (e.name === "TimeoutError" || e.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  const code = (e.cause as { code?: string } | undefined)?.code;
  return code ? `connection failed (${code})` : `request failed (${e.name})`;
}
