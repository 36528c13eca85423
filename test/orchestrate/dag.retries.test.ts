import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dag, deadLetterQueue, getRun, listTasks, Orchestrator } from "../../src/orchestrate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

/** `flaky` fails until its attempt number reaches `params.succeedOn`; `after_flaky` records that it ran. */
function flakyDag() {
  return dag("flaky")
    .task(
      "flaky",
      async (ctx) => {
        if (ctx.attempt < Number(ctx.params.succeedOn)) throw new Error(`upstream 503 on attempt ${ctx.attempt}`);
        await ctx.put("ok", ctx.attempt);
      },
      { retry: { attempts: 4, delaySeconds: 1, backoff: true, maxDelaySeconds: 3, timeoutSeconds: 30 } },
    )
    .task("after_flaky", async (ctx) => ctx.put("ran", true), { after: ["flaky"] });
}

/** Always fails; three quick attempts. */
function doomedDag() {
  return dag("doomed")
    .task(
      "doomed",
      async (ctx) => {
        throw new Error(`upstream 503 on attempt ${ctx.attempt}`);
      },
      { retry: { attempts: 3, delaySeconds: 0, backoff: false } },
    )
    .task("after_doomed", async (ctx) => ctx.put("ran", true), { after: ["doomed"] });
}

describe.each(DB_KINDS)("task retries on %s", (kind) => {
  let t: TestDatabase;
  let orch: Orchestrator;
  const retried: number[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    orch = await Orchestrator.start({ db: t.db, dags: [flakyDag(), doomedDag()] });
    orch.events.on("task:retry", (e) => retried.push(e.delayMs));
    await orch.work();
  });
  afterAll(async () => {
    await orch?.stop();
    await t?.dispose();
  });

  it("retries a failing task with growing delays until it succeeds", async () => {
    const { run } = await orch.trigger("flaky", { params: { succeedOn: 4 } });
    const done = await orch.waitForRun(run.run_id, 60_000);
    expect(done.state).toBe("success");
    const attempts = await t.db.query<{ attempt: number; state: string; started_at: Date; error: string | null }>(
      "SELECT attempt, state, started_at, error FROM task_attempts WHERE run_id = $1 AND task = 'flaky' ORDER BY attempt",
      [run.run_id],
    );
    expect(attempts.map((a) => a.state)).toEqual(["failed", "failed", "failed", "success"]);
    expect(attempts[0]!.error).toBe("upstream 503 on attempt 1");
    const gaps = attempts.slice(1).map((a, i) => a.started_at.getTime() - attempts[i]!.started_at.getTime());
    // pg-boss waits 1–2 s, then 2–4 s, then 4–8 s capped at 3 s (exponential, jittered, capped):
    // the third wait is longer than the first could ever be, polling included.
    expect(gaps[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps[2]).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]).toBeGreaterThanOrEqual(3000);
    expect(retried).toEqual([1000, 2000, 3000]);
    const tasks = await listTasks(t.db, run.run_id);
    expect(tasks.find((r) => r.task === "flaky")?.attempts).toBe(4);
  });

  it("fails the run with the reason and dead-letters the job when attempts run out", async () => {
    const { run } = await orch.trigger("doomed");
    const done = await orch.waitForRun(run.run_id, 60_000);
    expect(done.state).toBe("failed");
    expect(done.error).toBe("task doomed failed after 3 attempt(s): upstream 503 on attempt 3");
    const state = Object.fromEntries((await listTasks(t.db, run.run_id)).map((r) => [r.task, r.state]));
    expect(state).toEqual({ doomed: "failed" }); // after_doomed never started
    // pg-boss moves the job to the dead-letter queue as it settles it, just after the run is marked failed.
    let dead: { data: { task: string } }[] = [];
    for (let i = 0; i < 50 && dead.length === 0; i++) {
      dead = await orch.boss.findJobs<{ runId: string; task: string }>(deadLetterQueue("doomed"), { data: { runId: run.run_id } });
      if (dead.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(dead.map((j) => j.data.task)).toEqual(["doomed"]);
    expect((await getRun(t.db, run.run_id))?.finished_at).not.toBeNull();
  });
});
