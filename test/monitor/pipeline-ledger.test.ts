import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { PipelineEvents } from "../../src/events";
import { AlertManager, ConsoleChannel, defaultRules } from "../../src/monitor/alerts";
import { readHealth, type HealthReport } from "../../src/monitor/health";
import { RunLedger } from "../../src/monitor/run-ledger";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run-pipeline";
import { BlueGreenRelease } from "../../src/release";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

/** The in-process pipeline, watched by the ledger subscriber, then alerted on and published. */
describe.each(DB_KINDS)("the simple pipeline's run in the ledger (%s)", (kind) => {
  let t: TestDatabase;
  let result: PipelineResult;
  let health: HealthReport;
  let manager: AlertManager;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const config = loadConfig({ env: { LLM_PROVIDER: "offline" }, loadDotenv: false });
    const events = new PipelineEvents();
    const ledger = new RunLedger(t.db, { env: config.appEnv });
    ledger.attach(events);
    manager = new AlertManager(t.db, {
      rules: defaultRules({ errorRate: 0.05, maxCostUsd: 1, qualityMaxFailedRate: 0.5, lateAfterMs: 60_000 }),
      channels: [new ConsoleChannel((l) => lines.push(l))],
    });
    manager.attach(events, { before: () => ledger.flush() });
    // Scheduled an hour ago with a one-minute deadline: this run is late.
    await ledger.describeRun("run-60", { trigger: "schedule", scheduledFor: new Date(Date.now() - 3_600_000) });
    result = await runPipeline({ config, rows: 60, provider: "offline", events, db: t.db, runId: "run-60" });
    await manager.settled();
    health = await readHealth(t.db);
  });
  afterAll(() => t?.dispose());

  it("records the run with its rows and each step as a task", async () => {
    const run = health.costPerRun.find((r) => r.run_id === "run-60")!;
    expect(run).toMatchObject({ state: "success", env: "dev", rows_in: 60, rows_loaded: result.plays.length, rows_quarantined: result.quarantine.length });
    expect(run.rows_loaded + run.rows_quarantined).toBe(60);
    const tasks = await t.db.query<{ task: string; state: string }>(`SELECT task, state FROM pipeline_tasks WHERE run_id = 'run-60' AND state <> 'skipped' AND fan_out IS NULL ORDER BY started_at, task`);
    // The in-process run is the ingest DAG: the tasks that ran (a branch not taken is skipped; a fan-out's copies count, its own row does not).
    expect(tasks.length).toBe(result.steps.length);
    expect(result.steps.map((s) => s.step)).toEqual(["load_csv", "extract[0]", "map_canonical", "analyze_plays", "validate", "load", "summarize"]);
    expect(tasks.every((x) => x.state === "success")).toBe(true);
    expect(health.successRate).toEqual([expect.objectContaining({ runs: 1, succeeded: 1, success_rate: 1 })]);
  });

  it("alerts when the run ends on what was wrong with it (it was late), then publishes its rows as a blue-green version", async () => {
    // Evaluated when the run ended: only the late-run rule fired, once (a second look adds nothing).
    expect(await t.db.query(`SELECT rule, run_id FROM alerts`)).toEqual([{ rule: "run-late", run_id: "run-60" }]);
    expect((await manager.evaluate("run-60")).fired).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/^\[ALERT warning\] run-late \(ingest\): Run run-60 scheduled for .* finished 60 min later \(deadline 1 min\)$/)]);
    const release = new BlueGreenRelease(t.db, { actor: "ci@test" });
    const staged = await release.stageFromTemplate({ runId: "run-60" });
    expect((await release.validate(staged.version)).ok).toBe(true);
    await release.switchTo(staged.version);
    const [published] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM published_plays`);
    expect(published!.n).toBe(result.plays.length);
  });
});
