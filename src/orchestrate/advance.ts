import type { PgBoss } from "pg-boss";
import { OptionsError, PipelineError, toError } from "../errors";
import type { PipelineEvents } from "../events";
import type { Database, Queryable } from "../db/database";
import type { Dag } from "./dag";
import { closeFan, finishRun, getRun, insertTask, listTasks, type RunRow } from "./ledger";
import { completedEvent, copyName, jobId, taskQueue, type TaskJobData } from "./queues";
import { nextSteps, runOutcome, type TaskRow } from "./readiness";
import { stageGet } from "./staging";
import type { FanOutContext } from "./task-context";

export interface EngineDeps {
  db: Database;
  boss: PgBoss;
  events: PipelineEvents;
  dagFor(name: string): Dag;
}

/** A job to send once the ledger transaction that decided it has committed. */
export interface PendingJob {
  queue: string;
  data: TaskJobData;
}

/**
 * Move a run forward: start the tasks whose upstreams are done, skip the ones a branch ruled out,
 * open fan-outs (calling their width function), close fan-outs whose copies ended, and end the run
 * when every task has. Decisions are made in one transaction holding the run's row lock, so two
 * workers finishing tasks at the same moment cannot both start the same task; the jobs are sent
 * after commit with ids derived from (run, task, generation), so sending twice is harmless.
 */
export async function advanceRun(deps: EngineDeps, runId: string): Promise<void> {
  let finished: RunRow | undefined;
  const jobs = await deps.db.transaction(async (tx) => {
    const run = await getRun(tx, runId, true);
    if (!run || (run.state !== "queued" && run.state !== "running")) return [];
    const dag = deps.dagFor(run.dag);
    const rows: TaskRow[] = await listTasks(tx, runId);
    const out: PendingJob[] = [];
    for (let guard = 0; guard < 10_000; guard++) {
      const steps = nextSteps(dag, rows);
      if (steps.length === 0) break;
      for (const step of steps) {
        if (step.kind === "skip") {
          await insertTask(tx, runId, { task: step.task, state: "skipped" });
          rows.push({ task: step.task, state: "skipped", parent: null, fan_out: null, branch: null });
        } else if (step.kind === "close-fan") {
          await closeFan(tx, runId, step.task, step.state);
          rows.find((r) => r.task === step.task)!.state = step.state;
        } else {
          await startTask(tx, dag, run, step.task, rows, out);
        }
      }
    }
    const outcome = runOutcome(dag, rows);
    if (outcome !== "open") {
      const failed = (await listTasks(tx, runId)).find((r) => r.state === "failed");
      await finishRun(tx, runId, outcome, failed ? `task ${failed.task} failed: ${failed.error ?? "unknown error"}` : null);
      finished = await getRun(tx, runId);
    }
    return out;
  });
  for (const job of jobs) {
    await deps.boss.send(job.queue, job.data, { id: jobId(job.data.runId, job.data.task, job.data.generation) });
  }
  if (finished?.state === "failed") {
    const durationMs = Date.now() - (finished.started_at ?? finished.created_at).getTime();
    deps.events.emit("run:error", { runId, durationMs, error: new PipelineError(finished.error ?? "run failed", { step: "orchestrate" }) });
  } else if (finished) {
    const durationMs = finished.started_at && finished.finished_at ? finished.finished_at.getTime() - finished.started_at.getTime() : 0;
    deps.events.emit("run:success", {
      runId,
      durationMs,
      loaded: finished.rows_loaded ?? 0,
      quarantined: finished.rows_quarantined ?? 0,
    });
    // Downstream DAGs subscribed to this event start their own run from what this one loaded.
    await deps.boss.publish(completedEvent(finished.dag), { trigger: "upstream", upstreamRunId: runId });
  }
}

async function startTask(tx: Queryable, dag: Dag, run: RunRow, task: string, rows: TaskRow[], out: PendingJob[]): Promise<void> {
  const spec = dag.spec(task);
  const queue = taskQueue(dag.name, task);
  if (!spec.fanOut) {
    await insertTask(tx, run.run_id, { task, state: "pending" });
    rows.push({ task, state: "pending", parent: null, fan_out: null, branch: null });
    out.push({ queue, data: { runId: run.run_id, task, generation: 0 } });
    return;
  }
  const ctx: FanOutContext = {
    runId: run.run_id,
    dag: dag.name,
    params: run.params,
    inputPath: run.input_path,
    db: tx,
    get: (t, key) => stageGet(tx, run.run_id, t, key),
  };
  let count: number;
  try {
    count = await spec.fanOut(ctx);
    if (!Number.isInteger(count) || count < 0) throw new OptionsError(`${task}.fanOut()`, "to return an integer ≥ 0", count);
  } catch (e) {
    // A width that cannot be decided fails the task (and so the run) with the reason.
    const error = `fan-out width: ${toError(e).message}`;
    await insertTask(tx, run.run_id, { task, state: "failed", fanOut: 0, error });
    rows.push({ task, state: "failed", parent: null, fan_out: 0, branch: null });
    return;
  }
  await insertTask(tx, run.run_id, { task, state: count === 0 ? "success" : "running", fanOut: count });
  rows.push({ task, state: count === 0 ? "success" : "running", parent: null, fan_out: count, branch: null });
  for (let i = 0; i < count; i++) {
    const name = copyName(task, i);
    await insertTask(tx, run.run_id, { task: name, state: "pending", parent: task, fanIndex: i });
    rows.push({ task: name, state: "pending", parent: task, fan_out: null, branch: null });
    out.push({ queue, data: { runId: run.run_id, task: name, generation: 0 } });
  }
}
