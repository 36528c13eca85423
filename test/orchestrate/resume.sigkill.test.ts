import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database";
import { listTasks, Orchestrator } from "../../src/orchestrate";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { numbersDag } from "./fixtures/numbers-dag";
import { spawnWorker } from "./fixtures/spawn-worker";
import { until } from "../support/until";

async function checksum(db: Database, runId: string): Promise<{ rows: number; md5: string }> {
  const r = await db.query<{ rows: number; md5: string }>(
    "SELECT count(*)::int AS rows, md5(string_agg(k || ':' || v, ',' ORDER BY k)) AS md5 FROM numbers_loaded WHERE run_id = $1",
    [runId],
  );
  return r[0]!;
}


describe("a run whose worker process is killed with SIGKILL mid-task", () => {
  let t: TestDatabase;
  let orch: Orchestrator | undefined;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await orch?.stop();
    await t?.dispose();
  });

  it("resumes from what did not finish and loads the same rows as a clean run", async () => {
    const params = { n: 30, batch: 10, slowMs: 1500 };
    const worker = spawnWorker([t.url!, "trigger", JSON.stringify(params)]);
    const runId = (await worker.waitFor(/run (\S+)/))[1]!;
    // Wait until `slow` is running in the child, then kill it without a chance to clean up.
    await until(async () => {
      const r = await t.db.query("SELECT 1 FROM task_attempts WHERE run_id = $1 AND task = 'slow' AND state = 'running'", [runId]);
      return r.length > 0 ? true : undefined;
    });
    worker.child.kill("SIGKILL");
    await new Promise((r) => worker.child.once("exit", r));
    const killed = Object.fromEntries((await listTasks(t.db, runId)).map((r) => [r.task, r.state]));
    expect(killed).toMatchObject({ plan: "success", compute: "success", slow: "running" });
    expect(killed.load).toBeUndefined();

    orch = await Orchestrator.start({ db: t.db, dags: [numbersDag()] });
    await orch.work();
    const resumed = await orch.resume(runId);
    expect(resumed.requeued).toEqual(["slow"]);
    expect((await orch.waitForRun(runId, 60_000)).state).toBe("success");

    const tasks = await listTasks(t.db, runId);
    const attempts = Object.fromEntries(tasks.map((r) => [r.task, r.attempts]));
    // Finished work was not redone; only the interrupted task ran again.
    expect(attempts).toMatchObject({ plan: 1, "compute[0]": 1, "compute[1]": 1, "compute[2]": 1, slow: 2, load: 1 });
    const slowAttempts = await t.db.query<{ state: string; error: string | null }>(
      "SELECT state, error FROM task_attempts WHERE run_id = $1 AND task = 'slow' ORDER BY attempt",
      [runId],
    );
    expect(slowAttempts).toEqual([
      { state: "failed", error: "interrupted (worker stopped or killed)" },
      { state: "success", error: null },
    ]);

    const clean = await orch.trigger("numbers", { params, force: true });
    expect((await orch.waitForRun(clean.run.run_id, 60_000)).state).toBe("success");
    const a = await checksum(t.db, runId);
    const b = await checksum(t.db, clean.run.run_id);
    expect(a.rows).toBe(30);
    expect(a).toEqual(b);
  });
});
