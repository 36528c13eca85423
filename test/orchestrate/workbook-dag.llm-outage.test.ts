import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { loadConfig } from "../../src/config";
import { freePort } from "../../src/notebook/simulated-model-process";
import { ingestParams, listTasks, Orchestrator, workbookDag } from "../../src/orchestrate/index";
import { createTestDatabase, type TestDatabase } from "../support/databases";

// A provider that answers nothing is an outage, not bad rows: the extract task fails and is retried,
// the run fails with the reason, and `resume` finishes it once the provider is back.
describe("the workbook DAG during an LLM outage", () => {
  let t: TestDatabase;
  let orch: Orchestrator;
  let sim: SimulatedModel | undefined;
  let port: number;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    port = await freePort();
    sim = await startSimulatedModel({ port, latencyMs: 0, faults: [{ kind: "server_error", rate: 1 }] });
    const config = loadConfig({
      env: { LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-test-outage", OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_MAX_RETRIES: "1" },
    });
    orch = await Orchestrator.start({ db: t.db, dags: [workbookDag(config)] });
    await orch.work();
  });
  afterAll(async () => {
    await orch?.stop();
    await sim?.close();
    await t?.dispose();
  });

  it("fails the run after the extract task's retries, quarantining nothing, and a resume loads every row", async () => {
    const config = loadConfig({ env: { LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-test-outage", OPENAI_MODEL: "simulated-gpt-4o-mini" } });
    const params = { ...ingestParams(config, { rows: 10, batchRows: 10 }) };
    const input = path.join(config.dataDir, "playbyplay.csv");
    const { run } = await orch.trigger("ingest", { inputPath: input, params });
    const failed = await orch.waitForRun(run.run_id, 120_000);
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/extract\[0\] failed after 3 attempt\(s\).*answered none of the 10 plays/);
    const [{ n: quarantined }] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM quarantine");
    expect(quarantined).toBe(0);

    await sim!.close();
    sim = await startSimulatedModel({ port, latencyMs: 0 });
    await orch.resume(run.run_id);
    const done = await orch.waitForRun(run.run_id, 120_000);
    expect(done.state).toBe("success");
    expect(done.rows_loaded).toBe(10);
    const tasks = Object.fromEntries((await listTasks(t.db, run.run_id)).map((r) => [r.task, r]));
    expect(tasks["load_csv"]!.attempts).toBe(1); // finished before the outage: not redone
    expect(tasks["extract[0]"]!.attempts).toBeGreaterThanOrEqual(4);
  }, 180_000);
});
