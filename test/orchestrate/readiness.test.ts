import { describe, expect, it } from "vitest";
import { dag, nextSteps, runOutcome, type TaskRow } from "../../src/orchestrate";

const noop = () => undefined;
const d = dag("shape")
  .task("start", noop, { branches: ["left", "right"] })
  .task("left", noop, { after: ["start"] })
  .task("right", noop, { after: ["start"] })
  .task("after_left", noop, { after: ["left"] })
  .task("join", noop, { after: ["after_left", "right"], trigger: "none_failed" })
  .task("strict", noop, { after: ["after_left", "right"] });

const row = (task: string, state: TaskRow["state"], branch: string[] | null = null): TaskRow => ({ task, state, parent: null, fan_out: null, branch });

describe("what runs next in a DAG", () => {
  it("starts only the roots of a new run", () => {
    expect(nextSteps(d, [])).toEqual([{ kind: "start", task: "start" }]);
  });

  it("skips the branch not taken, and a skip carries down to tasks that need every upstream", () => {
    let rows = [row("start", "success", ["right"])];
    expect(nextSteps(d, rows)).toEqual([{ kind: "skip", task: "left" }, { kind: "start", task: "right" }]);
    rows = [...rows, row("left", "skipped"), row("right", "success")];
    expect(nextSteps(d, rows)).toEqual([{ kind: "skip", task: "after_left" }]);
    rows = [...rows, row("after_left", "skipped")];
    expect(nextSteps(d, rows)).toEqual([{ kind: "start", task: "join" }, { kind: "skip", task: "strict" }]);
    rows = [...rows, row("join", "success"), row("strict", "skipped")];
    expect(runOutcome(d, rows)).toBe("success");
  });

  it("waits on a running upstream and starts nothing after a failure", () => {
    expect(nextSteps(d, [row("start", "running")])).toEqual([]);
    const rows = [row("start", "success", ["left"]), row("left", "failed"), row("right", "skipped")];
    expect(nextSteps(d, rows)).toEqual([]);
    expect(runOutcome(d, rows)).toBe("failed");
  });

  it("rejects a branch target that does not come after the branching task", () => {
    const bad = dag("bad").task("a", noop, { branches: ["b"] }).task("b", noop);
    expect(() => bad.tasks).toThrow("Expected `a.branches` to be tasks that come after a, got \"b\"");
    expect(() => dag("x").task("a", noop, { after: ["zzz"] })).toThrow("Expected `a.after` to be names of tasks declared earlier in the dag, got \"zzz\"");
  });
});
