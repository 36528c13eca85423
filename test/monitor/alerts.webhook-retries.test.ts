import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebhookChannel, type AlertMessage } from "../../src/monitor/alerts";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

const ALERT: AlertMessage = { id: 1, rule: "task-failed", severity: "critical", kind: "firing", runId: "r1", scope: "load", message: "Run r1: task load failed" };

/** Webhook delivery under the shared retry policy, against a real HTTP server on 127.0.0.1. */
describe("webhook delivery retries", () => {
  let hook: WebhookReceiver;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
  });
  afterAll(() => hook.close());
  beforeEach(() => {
    hook.received.length = 0;
    hook.hitTimes.length = 0;
    hook.hits = 0;
    hook.script = [];
    hook.mode = 200;
  });
  const channel = (retry: ConstructorParameters<typeof WebhookChannel>[0]["retry"] = {}) =>
    new WebhookChannel({ url: hook.url, timeoutMs: 2000, retry: { baseDelayMs: 1, ...retry } });
  const gapsMs = () => hook.hitTimes.slice(1).map((t, i) => t - hook.hitTimes[i]!);

  it("retries a 503 and delivers on the second attempt", async () => {
    hook.script = [503];
    expect(await channel().deliver(ALERT)).toEqual({ ok: true, attempts: 2 });
    expect(hook.hits).toBe(2);
    expect(hook.received.map((r) => r.alert.rule)).toEqual(["task-failed"]);
  });

  it("waits out a 429's retry-after before the next attempt", async () => {
    hook.script = [{ status: 429, retryAfter: "1" }];
    expect(await channel().deliver(ALERT)).toEqual({ ok: true, attempts: 2 });
    expect(hook.received).toHaveLength(1);
    // The backoff of its own would be ~1 ms; the server asked for 1 s.
    expect(gapsMs()[0]).toBeGreaterThanOrEqual(950);
  });

  it("cuts a retry-after over the channel's ceiling down to the ceiling", async () => {
    hook.script = [{ status: 429, retryAfter: "30" }];
    const started = Date.now();
    expect(await channel({ maxRetryAfterMs: 200 }).deliver(ALERT)).toEqual({ ok: true, attempts: 2 });
    expect(gapsMs()[0]).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("does not retry a 400: one attempt, the status as the reason, nothing delivered", async () => {
    hook.script = [400];
    expect(await channel().deliver(ALERT)).toEqual({ ok: false, attempts: 1, error: "HTTP 400" });
    expect(hook.hits).toBe(1);
    expect(hook.received).toEqual([]);
  });

  it("gives up after its attempts on a server that keeps failing", async () => {
    hook.mode = 503;
    expect(await channel({ maxAttempts: 4 }).deliver(ALERT)).toEqual({ ok: false, attempts: 4, error: "HTTP 503" });
    expect(hook.hits).toBe(4);
  });

  it("rejects a bad retry override at construction, naming the field", () => {
    expect(() => channel({ maxAttempts: 0 })).toThrow("Expected `retry.maxAttempts` to be an integer ≥ 1, got 0");
  });
});
