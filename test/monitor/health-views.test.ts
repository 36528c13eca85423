import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PipelineEvents } from "../../src/events";
import { readHealth, type HealthReport } from "../../src/monitor/health";
import { RunLedger } from "../../src/monitor/run-ledger";
import { CallLedger } from "../../src/transform/llm/call-ledger";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

/** Three runs go through the ledger subscriber; the third fails in `load` after two attempts. */
async function recordRuns(t: TestDatabase): Promise<void> {
  let now = new Date("2026-03-01T06:00:00Z");
  const events = new PipelineEvents();
  const ledger = new RunLedger(t.db, { env: "staging", clock: () => now });
  const detach = ledger.attach(events);
  const calls = new CallLedger(t.db);
  const runs = [
    { runId: "r1", day: "2026-03-01T06:00:00Z", extractMs: 100, cost: 0.01, fail: false },
    { runId: "r2", day: "2026-03-02T06:00:00Z", extractMs: 200, cost: 0.02, fail: false },
    { runId: "r3", day: "2026-03-02T07:00:00Z", extractMs: 300, cost: 0.04, fail: true },
  ];
  for (const r of runs) {
    now = new Date(r.day);
    events.emit("run:start", { runId: r.runId, rows: 10, provider: "openai" });
    events.emit("task:start", { runId: r.runId, task: "extract", attempt: 1 });
    // A request's cost is recorded once, in the call ledger; the run's totals are read from it.
    await calls.record({ runId: r.runId, step: "extract", model: "m", requestHash: `h-${r.runId}`, rows: 10, tokensIn: 1000, tokensOut: 200, costUsd: r.cost, durationMs: 50, attempt: 1, status: "ok" });
    await calls.record({ runId: r.runId, step: "extract", model: "m", requestHash: `c-${r.runId}`, rows: 2, tokensIn: 0, tokensOut: 0, costUsd: 0, durationMs: 0, attempt: 1, status: "cache_hit" });
    events.emit("task:success", { runId: r.runId, task: "extract", attempt: 1, durationMs: r.extractMs });
    events.emit("task:start", { runId: r.runId, task: "load", attempt: 1 });
    const boom = new Error("connection reset");
    now = new Date(now.getTime() + 500);
    if (r.fail) {
      events.emit("task:retry", { runId: r.runId, task: "load", attempt: 1, delayMs: 10, error: boom });
      events.emit("task:start", { runId: r.runId, task: "load", attempt: 2 });
      events.emit("task:error", { runId: r.runId, task: "load", attempt: 2, durationMs: 40, error: boom });
      events.emit("run:error", { runId: r.runId, durationMs: 500, error: boom });
    } else {
      events.emit("task:success", { runId: r.runId, task: "load", attempt: 1, durationMs: 20 });
      events.emit("run:success", { runId: r.runId, durationMs: 500, loaded: 9, quarantined: 1 });
    }
  }
  // The same terminal event seen twice changes nothing (idempotent upserts).
  events.emit("task:success", { runId: "r1", task: "load", attempt: 1, durationMs: 20 });
  await ledger.flush();
  detach();
  const reasons = (checks: string[]) => JSON.stringify(checks.map((check) => ({ check, field: "outs", message: "bad" })));
  for (const [i, checks] of [["range"], ["range", "count_consistency"], ["referential"]].entries()) {
    await t.db.query(
      `INSERT INTO quarantine (run_id, play_id, play_hash, step, reasons, payload) VALUES ($1, $2, $3, 'validate', $4::jsonb, '{}'::jsonb)`,
      ["r1", i + 1, `00000000000000a${i}`, reasons(checks)],
    );
  }
}

describe.each(DB_KINDS)("health views over ledger runs (%s)", (kind) => {
  let t: TestDatabase;
  let health: HealthReport;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await recordRuns(t);
    health = await readHealth(t.db);
  });
  afterAll(() => t?.dispose());

  it("counts two of three runs as successful", () => {
    expect(health.successRate).toEqual([
      expect.objectContaining({ dag: "ingest", runs: 3, succeeded: 2, failed: 1, success_rate: 2 / 3 }),
    ]);
  });

  it("gives p50 and p95 of the extract task's durations", () => {
    const extract = health.taskDurations.find((r) => r.task === "extract")!;
    expect(extract.executions).toBe(3);
    expect(extract.p50_ms).toBe(200);
    expect(extract.p95_ms).toBeCloseTo(290, 6);
  });

  it("shows the failed load's attempts as errors and its retry", () => {
    expect(health.errorRate.find((r) => r.task === "load")).toEqual({ task: "load", attempts: 4, failed_attempts: 2, error_rate: 0.5 });
    expect(health.errorRate.find((r) => r.task === "extract")?.error_rate).toBe(0);
    expect(health.retries.find((r) => r.task === "load")).toEqual({ task: "load", executions: 3, retried: 1, retries: 1, max_attempts: 2 });
  });

  it("adds up cost per run and per day", () => {
    const r3 = health.costPerRun.find((r) => r.run_id === "r3")!;
    expect(r3).toMatchObject({ state: "failed", env: "staging", llm_requests: 1, tokens_in: 1000, tokens_out: 200, cache_hits: 2, rows_in: 10 });
    expect(r3.cost_usd).toBeCloseTo(0.04, 10);
    expect(r3.cost_per_row).toBeCloseTo(0.004, 10);
    expect(health.costPerRun.find((r) => r.run_id === "r1")).toMatchObject({ rows_loaded: 9, rows_quarantined: 1, duration_ms: 500 });
    expect(health.costPerDay.map((d) => [d.day, d.runs, Number(d.cost_usd.toFixed(4))])).toEqual([
      ["2026-03-01", 1, 0.01],
      ["2026-03-02", 2, 0.06],
    ]);
  });

  it("counts quarantined rows per check from the reasons", () => {
    expect(health.quarantineByCheck.map((r) => [r.check_name, r.rows])).toEqual([
      ["range", 2],
      ["count_consistency", 1],
      ["referential", 1],
    ]);
  });
});
