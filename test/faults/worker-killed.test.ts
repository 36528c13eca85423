import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTasks, Orchestrator } from "../../src/orchestrate";
import { recoveryTimings } from "../../src/orchestrate/boss";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { until } from "../support/until";
import { numbersDag } from "../orchestrate/fixtures/numbers-dag";
import { spawnWorker, type WorkerProcess } from "../orchestrate/fixtures/spawn-worker";

// Issue 9.9: with one of two workers SIGKILLed, its task waited out pg-boss's expiry (~15 minutes)
// and the run stayed `running`. Real worker processes, default settings (recovery within 30 s).
async function loaded(t: TestDatabase, runId: string): Promise<{ rows: number; md5: string }> {
  const [r] = await t.db.query<{ rows: number; md5: string }>(
    "SELECT count(*)::int AS rows, md5(string_agg(k || ':' || v, ',' ORDER BY k)) AS md5 FROM numbers_loaded WHERE run_id = $1",
    [runId],
  );
  return r!;
}

describe.skipIf(!DB_KINDS.includes("postgres"))("a worker process killed mid-task while another works the same run", () => {
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

  it("the other worker re-runs its task within the recovery bound; the run succeeds with a clean run's checksum", async () => {
    workers = [spawnWorker([t.url!, "work"]), spawnWorker([t.url!, "work"])];
    const [victim, survivor] = (await Promise.all(workers.map((w) => w.waitFor(/ready (\d+)/)))).map((m) => m[1]!);
    orch = await Orchestrator.start({ db: t.db, dags: [numbersDag()] }); // triggers only
    const params = { n: 12, batch: 3, copyMs: 4000, slowMs: 0 };
    const { run } = await orch.trigger("numbers", { params });
    // A fan-out copy is running in the victim: kill it without a chance to clean up.
    const held = await until(async () => {
      const r = await t.db.query<{ task: string }>(
        "SELECT task FROM task_attempts WHERE run_id = $1 AND state = 'running' AND task LIKE 'compute[%' AND worker LIKE $2",
        [run.run_id, `%:${victim}`],
      );
      return r[0]?.task;
    }, 60_000, 50);
    // The worker's own pid (tsx runs it in a child of the spawned process).
    process.kill(Number(victim), "SIGKILL");
    const killedAt = Date.now();
    await until(async () => (workers[0]!.child.exitCode !== null || workers[0]!.child.signalCode !== null ? true : undefined), 10_000, 50);

    const done = await orch.waitForRun(run.run_id, 120_000);
    const recoveredMs = Date.now() - killedAt;
    expect(done.state).toBe("success");
    // Detection within recoverySeconds (30 s by default), then its retry delay and 4 s of work.
    const { heartbeatSeconds, superviseSeconds } = recoveryTimings();
    expect(heartbeatSeconds + superviseSeconds).toBe(30);
    expect(recoveredMs).toBeLessThan(60_000);
    console.info(`run finished ${(recoveredMs / 1000).toFixed(1)} s after the worker was killed`);

    const attempts = await t.db.query<{ attempt: number; worker: string }>(
      "SELECT attempt, worker FROM task_attempts WHERE run_id = $1 AND task = $2 ORDER BY attempt",
      [run.run_id, held],
    );
    expect(attempts.map((a) => a.worker.split(":")[1])).toEqual([victim, survivor]);
    const tasks = await listTasks(t.db, run.run_id);
    expect(tasks.every((r) => r.state === "success")).toBe(true);
    const faulted = await loaded(t, run.run_id);
    expect(faulted.rows).toBe(12);

    // The same input, clean, on the surviving worker alone (without the 4 s pause per copy, which only
    // gave the kill a task to land in: the numbers are the same).
    const clean = await orch.trigger("numbers", { params: { ...params, copyMs: 0 }, force: true });
    expect((await orch.waitForRun(clean.run.run_id, 120_000)).state).toBe("success");
    expect(faulted).toEqual(await loaded(t, clean.run.run_id));
  }, 240_000);
});
