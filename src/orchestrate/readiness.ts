import type { Dag, TaskSpec } from "./dag";

export type TaskState = "pending" | "running" | "success" | "failed" | "skipped";

/** The part of a `pipeline_tasks` row the scheduling decisions need. */
export interface TaskRow {
  task: string;
  state: TaskState;
  parent: string | null;
  fan_out: number | null;
  branch: string[] | null;
}

/** One thing to do to move a run forward. */
export type Step =
  | { kind: "start"; task: string }
  | { kind: "skip"; task: string }
  | { kind: "close-fan"; task: string; state: "success" | "failed" };

type Edge = "waiting" | "success" | "skipped" | "failed";

/**
 * What can happen next in a run, from its ledger rows: tasks whose upstreams are done and that
 * should start, tasks a branch or a skipped upstream rules out, fan-outs whose copies all ended.
 * Pure, so it is tested without a database; the engine applies the steps and asks again.
 */
export function nextSteps(dag: Dag, rows: readonly TaskRow[]): Step[] {
  const byName = new Map(rows.map((r) => [r.task, r]));
  const steps: Step[] = [];
  for (const spec of dag.tasks) {
    const row = byName.get(spec.name);
    if (row) {
      if (row.fan_out !== null && row.state === "running") {
        const copies = rows.filter((r) => r.parent === spec.name);
        if (copies.some((c) => c.state === "failed")) steps.push({ kind: "close-fan", task: spec.name, state: "failed" });
        else if (copies.every((c) => c.state === "success" || c.state === "skipped")) steps.push({ kind: "close-fan", task: spec.name, state: "success" });
      }
      continue;
    }
    const edges = spec.after.map((up) => edgeState(dag.spec(up), spec, byName.get(up)));
    if (edges.some((e) => e === "waiting" || e === "failed")) continue;
    if (decide(spec, edges) === "run") steps.push({ kind: "start", task: spec.name });
    else steps.push({ kind: "skip", task: spec.name });
  }
  return steps;
}

/** success / failed when every task has ended (failed wins), else open. */
export function runOutcome(dag: Dag, rows: readonly TaskRow[]): "open" | "success" | "failed" {
  if (rows.some((r) => r.state === "failed")) return "failed";
  const byName = new Map(rows.map((r) => [r.task, r]));
  const done = dag.tasks.every((s) => {
    const st = byName.get(s.name)?.state;
    return st === "success" || st === "skipped";
  });
  return done ? "success" : "open";
}

function edgeState(up: TaskSpec, down: TaskSpec, row: TaskRow | undefined): Edge {
  if (!row || row.state === "pending" || row.state === "running") return "waiting";
  if (row.state === "failed" || row.state === "skipped") return row.state;
  if (up.branches.includes(down.name) && !(row.branch ?? []).includes(down.name)) return "skipped";
  return "success";
}

function decide(spec: TaskSpec, edges: Edge[]): "run" | "skip" {
  if (edges.length === 0) return "run";
  if (spec.trigger === "none_failed") return edges.some((e) => e === "success") ? "run" : "skip";
  return edges.every((e) => e === "success") ? "run" : "skip";
}
