import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dag, listTasks, Orchestrator } from "../../src/orchestrate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

/** `b` fails until a row in `fixes` says it may pass: a bug fixed between the failure and the resume. */
function fragileDag() {
  return dag("fragile")
    .task("a", async (ctx) => {
      await ctx.db.exec("CREATE TABLE IF NOT EXISTS fixes (name text PRIMARY KEY)");
      await ctx.put("value", 21);
    })
    .task(
      "b",
      async (ctx) => {
        const fixed = await ctx.db.query("SELECT 1 FROM fixes WHERE name = 'b'");
        if (fixed.length === 0) throw new Error("division by zero in b");
        await ctx.put("value", Number(await ctx.get("a", "value")) * 2);
      },
      { after: ["a"], retry: { attempts: 1 } },
    )
    .task("c", async (ctx) => ctx.put("value", await ctx.get("b", "value")), { after: ["b"] });
}

describe.each(DB_KINDS)("resuming a failed run on %s", (kind) => {
  let t: TestDatabase;
  let orch: Orchestrator;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    orch = await Orchestrator.start({ db: t.db, dags: [fragileDag()] });
    await orch.work();
  });
  afterAll(async () => {
    await orch?.stop();
    await t?.dispose();
  });

  it("reruns only the tasks that did not finish when the same key is triggered again", async () => {
    const first = await orch.trigger("fragile");
    const failed = await orch.waitForRun(first.run.run_id, 30_000);
    expect(failed.state).toBe("failed");
    expect(failed.error).toBe("task b failed after 1 attempt(s): division by zero in b");

    await t.db.exec("INSERT INTO fixes VALUES ('b')");
    const again = await orch.trigger("fragile");
    expect(again.status).toBe("resumed");
    expect(again.run.run_id).toBe(first.run.run_id);
    const done = await orch.waitForRun(first.run.run_id, 30_000);
    expect(done).toMatchObject({ state: "success", trigger: "resume", resumes: 1, error: null });
    const attempts = Object.fromEntries((await listTasks(t.db, first.run.run_id)).map((r) => [r.task, r.attempts]));
    expect(attempts).toEqual({ a: 1, b: 2, c: 1 });
    const c = await t.db.query<{ payload: number }>("SELECT payload FROM run_staging WHERE run_id = $1 AND task = 'c'", [first.run.run_id]);
    expect(c[0]!.payload).toBe(42);
  });
});
