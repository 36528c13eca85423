import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { gameReportDag, ingestParams, listTasks, Orchestrator, workbookDag } from "../../src/orchestrate";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { until } from "../support/until";

const config = loadConfig({ env: { LLM_PROVIDER: "offline" } });
const INPUT = path.join(config.dataDir, "playbyplay.csv");

/** The first `n` data rows of the game, plus one row with empty commentary (a row that must be quarantined). */
function csvWithBadRow(n: number): string {
  const lines = readFileSync(INPUT, "utf8").split("\n");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "wb-gate-")), "plays.csv");
  writeFileSync(file, [...lines.slice(0, n + 1), '""', ""].join("\n"));
  return file;
}

const states = async (t: TestDatabase, runId: string) => Object.fromEntries((await listTasks(t.db, runId)).map((r) => [r.task, r.state]));

describe.each(DB_KINDS)("the workbook DAG on %s", (kind) => {
  let t: TestDatabase;
  let orch: Orchestrator;
  const alerts: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    orch = await Orchestrator.start({ db: t.db, dags: [workbookDag(config), gameReportDag()] });
    orch.events.on("alert:fired", (e) => alerts.push(e.message));
    await orch.work();
  });
  afterAll(async () => {
    await orch?.stop();
    await t?.dispose();
  });

  it("loads the plays through a run-time fan-out and starts the downstream game report on what it loaded", async () => {
    const params = ingestParams(config, { rows: 120, batchRows: 50 });
    const { run } = await orch.trigger("ingest", { inputPath: INPUT, params: { ...params } });
    const done = await orch.waitForRun(run.run_id, 120_000);
    expect(done.state).toBe("success");
    expect(await states(t, run.run_id)).toEqual({
      load_csv: "success", extract: "success", "extract[0]": "success", "extract[1]": "success", "extract[2]": "success",
      reuse_cache: "skipped", map_canonical: "success", analyze_plays: "success", validate: "success",
      load: "success", quarantine_report: "skipped", alert: "skipped", summarize: "success",
    });
    const loaded = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE run_id = $1", [run.run_id]);
    expect(done.rows_in).toBe(120);
    expect(loaded[0]!.n).toBe(done.rows_loaded);
    expect(done.rows_loaded! + done.rows_quarantined!).toBe(120);

    // The cross-DAG dependency: a game_report run for exactly this ingest run.
    const report = await until(async () => {
      const r = await t.db.query<{ run_id: string; plays: number }>(
        "SELECT g.run_id, g.plays FROM game_reports g JOIN pipeline_runs r USING (run_id) WHERE g.upstream_run_id = $1 AND r.state = 'success'",
        [run.run_id],
      );
      return r[0];
    });
    expect(report.plays).toBe(loaded[0]!.n);
    const downstream = await t.db.query<{ trigger: string; upstream_run_id: string }>("SELECT trigger, upstream_run_id FROM pipeline_runs WHERE run_id = $1", [report.run_id]);
    expect(downstream[0]).toEqual({ trigger: "upstream", upstream_run_id: run.run_id });
  });

  it("routes to the quarantine report and an alert instead of loading when the quality gate fails", async () => {
    const input = csvWithBadRow(20);
    const params = ingestParams(config, { rows: 0, batchRows: 50, maxQuarantineRate: 0.01 });
    const { run } = await orch.trigger("ingest", { inputPath: input, params: { ...params } });
    const done = await orch.waitForRun(run.run_id, 120_000);
    // Held rows are not a success: summarize fails the run (not retried) with the gate as the cause.
    expect(done.state).toBe("failed");
    expect(done.error).toMatch(/task summarize failed.*Quality gate: 1 of 21 rows quarantined/);
    expect(await states(t, run.run_id)).toMatchObject({ load: "skipped", quarantine_report: "success", alert: "success", summarize: "failed" });
    expect(done.rows_loaded).toBe(0);
    const held = await t.db.query<{ held: number; balanced: boolean }>("SELECT held, balanced FROM run_row_accounting WHERE run_id = $1", [run.run_id]);
    expect(held).toEqual([{ held: 20, balanced: true }]);
    const q = await t.db.query<{ reasons: { message: string }[] }>("SELECT reasons FROM quarantine WHERE run_id = $1", [run.run_id]);
    expect(q.map((r) => r.reasons[0]!.message)).toEqual(["line 22: empty commentary text"]);
    expect(alerts.some((a) => a.startsWith(`Quality gate failed for run ${run.run_id}`))).toBe(true);
  });
});

describe("the workbook DAG with the LLM provider (simulated model)", () => {
  let t: TestDatabase;
  let sim: SimulatedModel;
  let orch: Orchestrator;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    sim = await startSimulatedModel({ latencyMs: 0, dataDir: config.dataDir });
  });
  afterAll(async () => {
    await orch?.stop();
    await sim?.close();
    await t?.dispose();
  });

  it("skips the extract tasks when the response cache already covers every row", async () => {
    const llmConfig = loadConfig({
      env: { LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-test-orchestrate", OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_MAX_RETRIES: "1", LLM_CASCADE: "off" },
    });
    orch = await Orchestrator.start({ db: t.db, dags: [workbookDag(llmConfig)] });
    await orch.work();
    const params = { ...ingestParams(llmConfig, { rows: 24, batchRows: 12 }) };
    const first = await orch.trigger("ingest", { inputPath: INPUT, params });
    expect((await orch.waitForRun(first.run.run_id, 120_000)).state).toBe("success");
    expect(await states(t, first.run.run_id)).toMatchObject({ "extract[0]": "success", "extract[1]": "success", reuse_cache: "skipped" });
    const requestsAfterFirst = sim.stats().extractionRequests;
    expect(requestsAfterFirst).toBeGreaterThan(0);

    const second = await orch.trigger("ingest", { inputPath: INPUT, params, force: true });
    const done = await orch.waitForRun(second.run.run_id, 120_000);
    expect(done.state).toBe("success");
    expect(await states(t, second.run.run_id)).toMatchObject({ extract: "skipped", reuse_cache: "success", load: "success" });
    expect(sim.stats().extractionRequests).toBe(requestsAfterFirst);
    expect(done.cache_hits).toBeGreaterThanOrEqual(24);
  });
});

