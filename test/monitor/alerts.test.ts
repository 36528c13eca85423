import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PipelineEvents, type PipelineEventMap } from "../../src/events";
import { loadConfig } from "../../src/config";
import { AlertManager, ConsoleChannel, createAlertManager, defaultRules, WebhookChannel } from "../../src/monitor/alerts";
import { RunLedger } from "../../src/monitor/run-ledger";
import { CallLedger } from "../../src/transform/llm/call-ledger";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

const NOW = new Date("2026-03-02T08:00:00Z");
const RULES = defaultRules({ errorRate: 0.05, maxCostUsd: 1, qualityMaxFailedRate: 0.05, lateAfterMs: 30 * 60_000 });

/** Record a run through the ledger subscriber; a bad run breaks every rule at once. */
async function recordRun(t: TestDatabase, runId: string, bad: boolean): Promise<void> {
  const events = new PipelineEvents();
  const ledger = new RunLedger(t.db, { clock: () => NOW });
  ledger.attach(events);
  await ledger.describeRun(runId, { trigger: "schedule", scheduledFor: new Date(NOW.getTime() - (bad ? 2 : 0.2) * 3_600_000) });
  events.emit("run:start", { runId, rows: 100, provider: "openai" });
  events.emit("task:start", { runId, task: "extract", attempt: 1 });
  // A request's cost is recorded once, in the call ledger; the run's totals are read from it.
  await new CallLedger(t.db).record({ runId, step: "extract", model: "m", requestHash: `h-${runId}`, rows: 100, tokensIn: 9e5, tokensOut: 1e5, costUsd: bad ? 3 : 0.2, durationMs: 1, attempt: 1, status: "ok" });
  events.emit("task:success", { runId, task: "extract", attempt: 1, durationMs: 10 });
  events.emit("task:start", { runId, task: "load", attempt: 1 });
  const error = new Error("connection reset");
  if (bad) {
    for (const attempt of [1, 2]) {
      events.emit("task:retry", { runId, task: "load", attempt, delayMs: 1, error });
      events.emit("task:start", { runId, task: "load", attempt: attempt + 1 });
    }
    events.emit("task:error", { runId, task: "load", attempt: 3, durationMs: 5, error });
    events.emit("run:error", { runId, durationMs: 100, error });
  } else {
    events.emit("task:success", { runId, task: "load", attempt: 1, durationMs: 5 });
    events.emit("run:success", { runId, durationMs: 100, loaded: 100, quarantined: 0 });
  }
  await ledger.flush();
  await t.db.query(`INSERT INTO quality_results (run_id, check_name, passed, failed) VALUES ($1, 'domain', $2, $3), ($1, 'schema', 100, 0)`,
    [runId, bad ? 80 : 100, bad ? 20 : 0]);
}

describe.each(DB_KINDS)("alerts (%s)", (kind) => {
  let t: TestDatabase;
  let hook: WebhookReceiver;
  const fired: PipelineEventMap["alert:fired"][] = [];
  const reports: string[] = [];
  const consoleLines: string[] = [];
  let manager: AlertManager;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    hook = await startWebhookReceiver();
    const events = new PipelineEvents();
    events.on("alert:fired", (e) => fired.push(e));
    manager = new AlertManager(t.db, {
      rules: RULES,
      channels: [new ConsoleChannel((l) => consoleLines.push(l)), new WebhookChannel({ url: hook.url, retry: { maxAttempts: 3, baseDelayMs: 1 } })],
      events,
      now: () => NOW,
      report: (l) => reports.push(l),
    });
  });
  afterAll(async () => {
    await hook?.close();
    await t?.dispose();
  });
  beforeEach(() => {
    hook.mode = 200;
  });

  it("fires each rule once for a bad run and delivers it to the webhook and the console", async () => {
    await recordRun(t, "bad-1", true);
    const result = await manager.evaluate("bad-1");
    const rules = ["task-failed", "error-rate", "cost-over-budget", "quality-gate", "run-late"];
    expect(result.fired.map((a) => a.rule)).toEqual(rules);
    expect(result.undelivered).toEqual([]);
    expect(hook.received.map((b) => b.alert.rule)).toEqual(rules);
    expect(hook.received[0]!.text).toContain("task load failed after 3 attempt(s) (connection reset)");
    expect(hook.received.find((b) => b.alert.rule === "cost-over-budget")!.text).toContain("spent $3.0000, over the budget of $1.00");
    expect(hook.received.find((b) => b.alert.rule === "quality-gate")!.text).toContain("domain failed 20 of 100 rows");
    expect(hook.received.find((b) => b.alert.rule === "run-late")!.text).toContain("finished 120 min later");
    expect(consoleLines.filter((l) => l.startsWith("[ALERT critical] task-failed"))).toHaveLength(1);
    expect(fired.map((e) => e.rule)).toEqual(rules);
  });

  it("does not storm: evaluating the same run again sends nothing", async () => {
    const again = await manager.evaluate("bad-1");
    expect(again.fired).toEqual([]);
    expect(hook.received).toHaveLength(5);
    expect(fired).toHaveLength(5);
  });

  it("sends one resolved message per rule when a later run is healthy", async () => {
    await recordRun(t, "good-2", false);
    const result = await manager.evaluate("good-2");
    expect(result.fired).toEqual([]);
    expect(result.resolved.map((a) => a.rule)).toEqual(["task-failed", "error-rate", "cost-over-budget", "quality-gate", "run-late"]);
    expect(hook.received.slice(5).every((b) => b.text.startsWith("[RESOLVED]") && b.alert.kind === "resolved")).toBe(true);
    await recordRun(t, "good-3", false);
    expect((await manager.evaluate("good-3")).resolved).toEqual([]);
    expect(hook.received).toHaveLength(10);
  });

  it("keeps an alert the webhook refused (HTTP 500) with its attempts, reports it, and delivers it on retry", async () => {
    hook.mode = 500;
    const hitsBefore = hook.hits;
    await recordRun(t, "bad-4", true);
    const result = await manager.evaluate("bad-4");
    expect(result.fired).toHaveLength(5);
    expect(result.undelivered.map((u) => [u.channel, u.attempts, u.error])).toEqual(Array(5).fill(["webhook", 3, "HTTP 500"]));
    expect(hook.hits - hitsBefore).toBe(15); // 3 tries per alert, no more
    expect(reports.filter((r) => r.includes("could not be delivered to webhook after 3 attempt(s): HTTP 500"))).toHaveLength(5);
    const kept = await t.db.query<{ state: string; attempts: number; last_error: string }>(
      `SELECT d.state, d.attempts, d.last_error FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.run_id = 'bad-4' AND d.channel = 'webhook'`);
    expect(kept).toEqual(Array(5).fill({ state: "failed", attempts: 3, last_error: "HTTP 500" }));

    hook.mode = 200;
    expect(await manager.retryUndelivered()).toEqual([]);
    expect(hook.received.filter((b) => b.alert.runId === "bad-4")).toHaveLength(5);
  });

  it("reports a scheduled run that has not finished by its deadline while it is still open", async () => {
    const ledger = new RunLedger(t.db, { clock: () => NOW });
    await ledger.describeRun("stuck-7", { trigger: "schedule", scheduledFor: new Date(NOW.getTime() - 45 * 60_000) });
    await ledger.describeRun("fresh-8", { trigger: "schedule", scheduledFor: new Date(NOW.getTime() - 5 * 60_000) });
    await ledger.flush();
    const results = await manager.evaluateOpenRuns();
    expect(results.flatMap((r) => r.fired.map((a) => [a.rule, a.runId]))).toEqual([["run-late", "stuck-7"]]);
    expect(hook.received[hook.received.length - 1]!.text).toContain("Run stuck-7 scheduled for 2026-03-02T07:15:00.000Z has not finished after 45 min (deadline 30 min)");
    expect((await manager.evaluateOpenRuns()).flatMap((r) => r.fired)).toEqual([]);
  });

  it("keeps an alert whose webhook is unreachable (closed port, hanging server)", async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    const hanging = await startWebhookReceiver();
    hanging.mode = "hang";
    const lone = (url: string) =>
      new AlertManager(t.db, {
        rules: RULES.filter((r) => r.name === "cost-over-budget"),
        channels: [new WebhookChannel({ url, timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1 } })],
        now: () => NOW,
        report: (l) => reports.push(l),
      });
    await recordRun(t, "bad-5", true);
    const refused = await lone(closed.url).evaluate("bad-5");
    expect(refused.undelivered.map((u) => [u.attempts, u.error])).toEqual([[2, "connection failed (ECONNREFUSED)"]]);
    await recordRun(t, "bad-6", true);
    const timedOut = await lone(hanging.url).evaluate("bad-6");
    expect(timedOut.undelivered.map((u) => [u.attempts, u.error])).toEqual([[2, "timed out after 200 ms"]]);
    expect(hanging.hits).toBe(2);
    hanging.mode = 404; // a wrong URL is not retried: trying again cannot help
    await recordRun(t, "bad-9", true);
    const notFound = await lone(hanging.url).evaluate("bad-9");
    expect(notFound.undelivered.map((u) => [u.attempts, u.error])).toEqual([[1, "HTTP 404"]]);
    expect(hanging.hits).toBe(3);
    await hanging.close();
    const still = await manager.listUndelivered();
    expect(still.map((u) => u.alert.runId)).toEqual(["bad-5", "bad-6", "bad-9"]);
    expect(JSON.stringify(reports)).not.toContain("/services/T1");
  });

  it("builds rules and channels from the configuration (budget, thresholds, webhook URL)", async () => {
    const config = loadConfig({ env: { APP_ENV: "staging", ALERT_CHANNELS: "webhook", ALERT_WEBHOOK_URL: hook.url, MAX_COST_USD: "2.5" }, loadDotenv: false });
    const fromConfig = createAlertManager(t.db, config, { now: () => NOW, report: (l) => reports.push(l) });
    const before = hook.received.length;
    await recordRun(t, "bad-10", true);
    const result = await fromConfig.evaluate("bad-10");
    expect(result.fired.map((a) => a.rule)).toContain("cost-over-budget");
    expect(result.undelivered).toEqual([]);
    const cost = hook.received.slice(before).find((b) => b.alert.rule === "cost-over-budget")!;
    expect(cost.text).toContain("over the budget of $2.50");
  });
});
