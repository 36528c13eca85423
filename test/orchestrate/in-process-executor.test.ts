import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { PipelineEvents } from "../../src/events";
import { dag, getRun, listTasks, Orchestrator, runDagInProcess, workbookDag } from "../../src/orchestrate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

/** A branch, a fan-out of three copies and a task that fails until its `params.succeedOn`-th attempt. */
function shapes() {
  return dag("shapes")
    .task("pick", () => ({ branch: "wide" }), { branches: ["wide", "narrow"] })
    .task("wide", async (ctx) => ctx.put("n", (ctx.fan!.index + 1) * 10), { after: ["pick"], fanOut: () => 3 })
    .task("narrow", async (ctx) => ctx.put("n", 1), { after: ["pick"] })
    .task(
      "flaky",
      async (ctx) => {
        if (ctx.attempt < Number(ctx.params.succeedOn)) throw new Error(`upstream 503 on attempt ${ctx.attempt}`);
        await ctx.put("sum", (await ctx.getAll<number>("wide", "n")).reduce((a, b) => a + b, 0));
      },
      { after: ["wide", "narrow"], trigger: "none_failed", retry: { attempts: 3, delaySeconds: 0, backoff: false } },
    );
}

describe.each(DB_KINDS)("the in-process executor (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it("runs branches, fan-outs and retries in this process, with the ledger rows and events of the pg-boss executor", async () => {
    const events = new PipelineEvents();
    const seen: string[] = [];
    events.onAny((name, e) => {
      if (name.startsWith("task:") || name.startsWith("run:")) seen.push(`${name} ${(e as { task?: string }).task ?? ""}`.trim());
    });
    const started = Date.now();
    const r = await runDagInProcess(shapes(), { db: t.db, events, runId: "shapes-1", inputPath: null, params: { succeedOn: 3 } });
    // A policy with no delay retries at once: an outage can be shown without waiting.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.run.state).toBe("success");
    expect(await r.staging.get("shapes-1", "flaky", "sum")).toBe(60);
    const states = Object.fromEntries((await listTasks(t.db, "shapes-1")).map((x) => [x.task, [x.state, x.attempts]]));
    expect(states).toEqual({
      pick: ["success", 1], wide: ["success", 0], "wide[0]": ["success", 1], "wide[1]": ["success", 1], "wide[2]": ["success", 1],
      narrow: ["skipped", 0], flaky: ["success", 3],
    });
    const attempts = await t.db.query<{ state: string }>(`SELECT state FROM task_attempts WHERE run_id = 'shapes-1' AND task = 'flaky' ORDER BY attempt`);
    expect(attempts.map((a) => a.state)).toEqual(["failed", "failed", "success"]);
    expect(seen.filter((s) => s === "task:retry flaky")).toHaveLength(2);
    expect(seen[0]).toBe("run:start");
    expect(seen.at(-1)).toBe("run:success");
  });

  it("fails the run with the task's own error when it runs out of attempts, and does not start what comes after", async () => {
    const r = await runDagInProcess(shapes(), { db: t.db, events: new PipelineEvents(), runId: "shapes-2", inputPath: null, params: { succeedOn: 9 } });
    expect(r.run.state).toBe("failed");
    expect(r.error?.message).toBe("upstream 503 on attempt 3");
    expect(r.run.error).toBe("task flaky failed after 3 attempt(s): upstream 503 on attempt 3");
  });

  it("refuses to resume a run whose hand-offs were in memory, saying what to do instead", async () => {
    const config = loadConfig({ env: { LLM_PROVIDER: "offline" } });
    const orch = await Orchestrator.start({ db: t.db, dags: [shapes(), workbookDag(config)] });
    try {
      await expect(orch.resume("shapes-2")).rejects.toThrow(/ran in one process \(npm start\).*cannot be resumed.*Run it again/);
      expect((await getRun(t.db, "shapes-2"))!.state).toBe("failed");
    } finally {
      await orch.stop();
    }
  });
});
