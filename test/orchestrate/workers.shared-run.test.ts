import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTasks, Orchestrator } from "../../src/orchestrate";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { numbersDag } from "./fixtures/numbers-dag";
import { spawnWorker, type WorkerProcess } from "./fixtures/spawn-worker";

describe("two worker processes on one server database", () => {
  let t: TestDatabase;
  let workers: WorkerProcess[] = [];
  let orch: Orchestrator | undefined;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await orch?.stop();
    await t?.dispose();
  });

  it("share a run: every task runs exactly once, and the result equals a single-worker run", async () => {
    workers = [spawnWorker([t.url!, "work"]), spawnWorker([t.url!, "work"])];
    const pids = (await Promise.all(workers.map((w) => w.waitFor(/ready (\d+)/)))).map((m) => m[1]!);
    // This process only triggers; the two workers do the work.
    orch = await Orchestrator.start({ db: t.db, dags: [numbersDag()] });
    const params = { n: 48, batch: 6, copyMs: 400, slowMs: 0 };
    const { run } = await orch.trigger("numbers", { params });
    expect((await orch.waitForRun(run.run_id, 90_000)).state).toBe("success");

    const tasks = await listTasks(t.db, run.run_id);
    expect(tasks.filter((r) => r.parent === "compute")).toHaveLength(8);
    const perTask = await t.db.query<{ task: string; n: number }>(
      "SELECT task, count(*)::int AS n FROM task_attempts WHERE run_id = $1 GROUP BY task",
      [run.run_id],
    );
    expect(perTask).toHaveLength(tasks.filter((r) => r.fan_out === null).length);
    expect(perTask.every((r) => r.n === 1)).toBe(true);
    const byWorker = await t.db.query<{ worker: string; n: number }>(
      "SELECT worker, count(*)::int AS n FROM task_attempts WHERE run_id = $1 AND task LIKE 'compute[%' GROUP BY worker",
      [run.run_id],
    );
    // Both processes took copies of the fan-out.
    expect(byWorker.map((r) => r.worker.split(":")[1]).sort()).toEqual(pids.sort());

    // The same input on one worker (this process alone, after the others stop).
    await Promise.all(workers.map((w) => w.stop()));
    await orch.work();
    const single = await orch.trigger("numbers", { params, force: true });
    expect((await orch.waitForRun(single.run.run_id, 90_000)).state).toBe("success");
    const sums = await t.db.query<{ run_id: string; rows: number; md5: string }>(
      "SELECT run_id, count(*)::int AS rows, md5(string_agg(k || ':' || v, ',' ORDER BY k)) AS md5 FROM numbers_loaded GROUP BY run_id",
    );
    expect(sums).toHaveLength(2);
    expect(sums[0]!.rows).toBe(48);
    expect(sums[0]!.md5).toBe(sums[1]!.md5);
  });
});
