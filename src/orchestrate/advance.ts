import type { PgBoss } from "pg-boss";
import { OptionsError, PipelineError, toError } from "../errors";
import type { PipelineEvents } from "../events";
import type { Database, Queryable } from "../db/database";
import type { Dag } from "./dag";
import { closeFan, finishRun, getRun, insertTask, listTasks, type RunRow } from "./ledger";
import { completedEvent, copyName, jobId, taskQueue, type TaskJobData } from "./queues";
import { nextSteps, runOutcome, type TaskRow } from "./readiness";
import { databaseStaging, type Staging } from "./staging";
import type { FanOutContext } from "./task-context";

/** What both executors need to move a run forward and record it. */
export interface LedgerDeps {
  db: Database;
  events: PipelineEvents;
  dagFor(name: string): Dag;
}

/** The pg-boss executor's dependencies. */
export interface EngineDeps extends LedgerDeps {
  boss: PgBoss;
}

/** A job to send once the ledger transaction that decided it has committed. */
export interface PendingJob {
  queue: string;
  data: TaskJobData;
}

/** What `planRun` decided: the tasks to run now, and the run's row if it just ended. */
export interface RunPlan {
  jobs: PendingJob[];
  finished?: RunRow;
}

/**
 * Decide how a run moves forward, in the ledger: start the tasks whose upstreams are done, skip the
 * ones a branch ruled out, open fan-outs (calling their width function over `staging`), close
 * fan-outs whose copies ended, and end the run when every task has. Decisions are made in one
 * transaction holding the run's row lock, so two workers finishing tasks at the same moment cannot
 * both start the same task. The executor runs the returned jobs (pg-boss: sends them; in-process:
 * runs them) and tells `announceEnd` when the run finished.
 */
export async function planRun(deps: LedgerDeps, runId: string, stagingFor: (tx: Queryable) => Staging): Promise<RunPlan> {
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
          await startTask(tx, dag, run, step.task, rows, out, stagingFor(tx));
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
  return { jobs, finished };
}

/** Emit the end of a run that `planRun` just finished (`run:success` or `run:error`). */
export function announceEnd(events: PipelineEvents, finished: RunRow): void {
  if (finished.state === "failed") {
    const durationMs = Date.now() - (finished.started_at ?? finished.created_at).getTime();
    events.emit("run:error", { runId: finished.run_id, durationMs, error: new PipelineError(finished.error ?? "run failed", { step: "orchestrate" }) });
  } else {
    const durationMs = finished.started_at && finished.finished_at ? finished.finished_at.getTime() - finished.started_at.getTime() : 0;
    events.emit("run:success", { runId: finished.run_id, durationMs, loaded: finished.rows_loaded ?? 0, quarantined: finished.rows_quarantined ?? 0 });
  }
}

/**
 * Move a run on pg-boss forward (see `planRun`); the jobs are sent after commit with ids derived
 * from (run, task, generation), so sending twice is harmless.
 */
export async function advanceRun(deps: EngineDeps, runId: string): Promise<void> {
  const { jobs, finished } = await planRun(deps, runId, databaseStaging);
  for (const job of jobs) {
    await deps.boss.send(job.queue, job.data, { id: jobId(job.data.runId, job.data.task, job.data.generation) });
  }
  if (!finished) return;
  announceEnd(deps.events, finished);
  // Downstream DAGs subscribed to this event start their own run from what this one loaded.
  if (finished.state === "success") await deps.boss.publish(completedEvent(finished.dag), { trigger: "upstream", upstreamRunId: runId });
}

async function startTask(tx: Queryable, dag: Dag, run: RunRow, task: string, rows: TaskRow[], out: PendingJob[], staging: Staging): Promise<void> {
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
    get: (t, key) => staging.get(run.run_id, t, key),
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
