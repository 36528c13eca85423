import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { loadConfig } from "../../src/config";
import { ingestParams, listTasks, Orchestrator, workbookDag } from "../../src/orchestrate/index";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { DATA_DIR } from "../transform/llm/llm-test-kit";
import { FAULT_KEY } from "./llm-fault-kit";

// Issue 9 item 4, orchestrated: a retry-after over the ceiling fails the extract task with the wait, and the
// task is rescheduled (a later attempt), instead of its rows being quarantined or the request busy-retried.
let t: TestDatabase;
let orch: Orchestrator;
let sim: SimulatedModel;
const env = (s: SimulatedModel) => ({
  LLM_PROVIDER: "openai", OPENAI_API_KEY: FAULT_KEY, OPENAI_BASE_URL: s.baseURL, OPENAI_MODEL: s.modelId, LLM_RETRY_AFTER_MAX_S: "1", LOG_LEVEL: "silent",
});

beforeAll(async () => {
  t = await createTestDatabase("pglite");
  sim = await startSimulatedModel({ latencyMs: 0, dataDir: DATA_DIR, faults: [{ kind: "rate_limit", requests: [1], retryAfterSeconds: 2 }] });
  orch = await Orchestrator.start({ db: t.db, dags: [workbookDag(loadConfig({ env: env(sim), loadDotenv: false }))] });
  await orch.work();
});
afterAll(async () => {
  await orch?.stop();
  await sim?.close();
  await t?.dispose();
});

it("reschedules the extract task after the provider's wait; every row loads, none quarantined", async () => {
  const config = loadConfig({ env: env(sim), loadDotenv: false });
  const { run } = await orch.trigger("ingest", { inputPath: path.join(DATA_DIR, "playbyplay.csv"), params: { ...ingestParams(config, { rows: 16, batchRows: 16 }) } });
  const started = Date.now();
  const done = await orch.waitForRun(run.run_id, 120_000);
  expect(done.state).toBe("success");
  expect(done.rows_loaded).toBe(16);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  const extract = (await listTasks(t.db, run.run_id)).find((r) => r.task === "extract[0]")!;
  expect(extract.attempts).toBe(2);
  const attempts = await t.db.query<{ error: string | null }>("SELECT error FROM task_attempts WHERE run_id = $1 AND task = 'extract[0]' ORDER BY attempt", [run.run_id]);
  expect(attempts[0]!.error).toMatch(/wait 2 s .*over the 1 s ceiling.*not waited for; try again after it/);
  const [q] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM quarantine");
  expect(q!.n).toBe(0);
  // The 429 and the rescheduled request: nothing busy-retried in between.
  expect(sim.stats().extractionRequests).toBe(3);
}, 120_000);
