import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dag, listTasks, Orchestrator, stageGet } from "../../src/orchestrate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

/** Squares 0..n-1 in n fan-out copies, sums them, then branches on the total. */
function squaresDag() {
  return dag("squares")
    .task("count", async (ctx) => ctx.put("n", ctx.params.n))
    .task("square", async (ctx) => ctx.put("sq", ctx.fan!.index ** 2), {
      after: ["count"],
      fanOut: async (ctx) => Number(await ctx.get("count", "n")),
    })
    .task(
      "sum",
      async (ctx) => {
        const total = (await ctx.getAll<number>("square", "sq")).reduce((a, b) => a + b, 0);
        await ctx.put("total", total);
        return { branch: total > 10 ? "big" : "small" };
      },
      { after: ["square"], branches: ["big", "small"] },
    )
    .task("big", async (ctx) => ctx.put("label", "big"), { after: ["sum"] })
    .task("small", async (ctx) => ctx.put("label", "small"), { after: ["sum"] })
    .task("report", async (ctx) => ctx.put("done", true), { after: ["big", "small"], trigger: "none_failed" });
}

describe.each(DB_KINDS)("DAG branches and fan-out on %s", (kind) => {
  let t: TestDatabase;
  let orch: Orchestrator;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    orch = await Orchestrator.start({ db: t.db, dags: [squaresDag()] });
    await orch.work();
  });
  afterAll(async () => {
    await orch?.stop();
    await t?.dispose();
  });

  it("fans out to as many copies as the run decides, then takes one branch and skips the other", async () => {
    const { run } = await orch.trigger("squares", { params: { n: 4 } });
    const done = await orch.waitForRun(run.run_id, 60_000);
    expect(done.state).toBe("success");
    const tasks = await listTasks(t.db, run.run_id);
    const state = Object.fromEntries(tasks.map((r) => [r.task, r.state]));
    expect(tasks.filter((r) => r.parent === "square").map((r) => r.task).sort()).toEqual(["square[0]", "square[1]", "square[2]", "square[3]"]);
    expect(tasks.find((r) => r.task === "square")?.fan_out).toBe(4);
    expect(await stageGet(t.db, run.run_id, "sum", "total")).toBe(14);
    expect(state).toMatchObject({ big: "success", small: "skipped", report: "success" });
  });

  it("takes the other branch when the run-time count is small", async () => {
    const { run } = await orch.trigger("squares", { params: { n: 2 } });
    await orch.waitForRun(run.run_id, 60_000);
    const state = Object.fromEntries((await listTasks(t.db, run.run_id)).map((r) => [r.task, r.state]));
    expect(state).toMatchObject({ "square[0]": "success", "square[1]": "success", big: "skipped", small: "success", report: "success" });
    expect(state["square[2]"]).toBeUndefined();
  });

  it("does not redo a finished run when the same key is triggered again", async () => {
    const first = await orch.trigger("squares", { params: { n: 3 } });
    await orch.waitForRun(first.run.run_id, 60_000);
    const again = await orch.trigger("squares", { params: { n: 3 } });
    expect(again.status).toBe("existing");
    expect(again.run.run_id).toBe(first.run.run_id);
    const attempts = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM task_attempts WHERE run_id = $1", [first.run.run_id]);
    expect(attempts[0]!.n).toBe(1 + 3 + 1 + 1 + 1); // count, 3 squares, sum, one branch, report
  });
});
