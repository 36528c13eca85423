import { randomUUID } from "node:crypto";
import { OptionsError } from "../errors";
import type { PipelineEvents } from "../events";
import type { Database } from "../db/database";
import { announceEnd, planRun, type LedgerDeps, type PendingJob } from "./advance";
import { failTaskAndRun, markForRetry, retryAfterOf, runAttempt } from "./attempt";
import { sleep } from "../util/sleep";
import type { Dag } from "./dag";
import { adoptRun, getRun, type RunRow } from "./ledger";
import { taskType } from "./queues";
import { TASK_MAX_RETRY_AFTER_MS, nominalDelayMs } from "./retry-policy";
import { memoryStaging, type Staging } from "./staging";
import { addMetrics, type TaskMetrics } from "./task-context";

export interface InProcessRunOptions {
  /** An open, migrated database: the ledger and the tasks' writes go there. */
  db: Database;
  events: PipelineEvents;
  /** Default: `<dag>-<time>-<random>`. A row already there with this id is adopted (see `adoptRun`). */
  runId?: string;
  inputPath: string | null;
  params: Record<string, unknown>;
  /** Environment recorded on the run. Default `dev`. */
  env?: string;
  /** Where tasks hand data over. Default: memory (values pass as they are). */
  staging?: Staging;
  /**
   * The hand-offs no later task reads once a task (by type) has succeeded: they are dropped then, so
   * a large run does not keep every step's data to its end. Default: none (all are kept).
   */
  dropAfter?: Readonly<Record<string, readonly { task: string; key: string }[]>>;
}

export interface InProcessRun {
  run: RunRow;
  /** What the tasks staged, for the caller to read the run's results. */
  staging: Staging;
  /** The metrics every task recorded, by ledger name (`extract[0]`, …), including what the ledger does not keep. */
  metrics: Map<string, TaskMetrics>;
  /** The error that failed the run (a task out of attempts), as the task threw it. */
  error?: Error;
}

/** Marks a run's parameters: its hand-offs were in memory, so only this process could continue it. */
export const IN_PROCESS = "in-process";

/**
 * Run a DAG in this process, with no queue: the same tasks in dependency order, the same branches,
 * fan-outs (copies run `concurrency` at a time, as one pg-boss worker would), retries (waiting each
 * policy's delay, or a longer retry-after the error carries), timeouts, ledger rows and events as
 * the pg-boss executor (`Orchestrator`). Tasks hand data over in memory.
 *
 * @example
 * const { run, staging } = await runDagInProcess(workbookDag(config), { db, events, inputPath, params: { ...ingestParams(config) } });
 */
export async function runDagInProcess(dag: Dag, options: InProcessRunOptions): Promise<InProcessRun> {
  const { db, events } = options;
  const staging = options.staging ?? memoryStaging();
  const runId = options.runId ?? `${dag.name}-${new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "")}-${randomUUID().slice(0, 6)}`;
  const deps: LedgerDeps = {
    db, events,
    dagFor: (name) => {
      if (name !== dag.name) throw new OptionsError("dag", dag.name, name);
      return dag;
    },
  };
  const params: Record<string, unknown> = { ...options.params, executor: IN_PROCESS };
  await adoptRun(db, { runId, dag: dag.name, runKey: `${IN_PROCESS}:${runId}`, trigger: "manual", env: options.env ?? "dev", inputPath: options.inputPath, params });
  events.emit("run:start", { runId, rows: Number(params.rows ?? 0), provider: String(params.provider ?? "n/a") });
  const metrics = new Map<string, TaskMetrics>();
  let error: Error | undefined;

  const plan = async (): Promise<PendingJob[]> => {
    const { jobs, finished } = await planRun(deps, runId, () => staging);
    if (finished) announceEnd(events, finished);
    return jobs;
  };

  /** Every attempt of one task until it succeeds or runs out of attempts; resolves to the jobs it made ready. */
  const runJob = async (job: PendingJob): Promise<PendingJob[]> => {
    const { task, generation } = job.data;
    const spec = dag.spec(taskType(task));
    for (let retry = 1; ; retry++) {
      const attemptJob = { runId, task, generation, jobId: IN_PROCESS };
      const outcome = await runAttempt(deps, staging, attemptJob);
      if (outcome.kind !== "stale") metrics.set(task, addMetrics(metrics.get(task) ?? {}, outcome.metrics));
      if (outcome.kind === "success") for (const o of options.dropAfter?.[taskType(task)] ?? []) await staging.drop?.(runId, o.task, o.key);
      // A fan-out copy whose siblings are still queued or running makes nothing ready (the fan closes
      // after its last copy), so only the last one plans: a 1,000-copy fan-out plans once, not 1,000 times.
      if (outcome.kind !== "failed") {
        if (!siblingsLeft(task)) return plan();
        unplanned = true;
        return [];
      }
      if (outcome.retryable && retry < spec.retry.attempts) {
        const delayMs = Math.max(nominalDelayMs(spec.retry, retry), Math.min(retryAfterOf(outcome.error) ?? 0, TASK_MAX_RETRY_AFTER_MS));
        await markForRetry(deps, attemptJob, outcome, delayMs);
        await sleep(delayMs);
        continue;
      }
      // The task's own error is the run's, even if the database cannot take the ledger's last word.
      error ??= outcome.error;
      await failTaskAndRun(deps, runId, task, generation, outcome.attempt, outcome.error.message).catch(() => undefined);
      events.emit("task:error", { runId, task, attempt: outcome.attempt, durationMs: outcome.durationMs, error: outcome.error });
      return [];
    }
  };

  let unplanned = false;
  const queue = await plan();
  const running = new Map<Promise<void>, string>();
  const active = (type: string) => [...running.values()].filter((t) => t === type).length;
  const siblingsLeft = (task: string): boolean => {
    const type = taskType(task);
    return type !== task && (active(type) > 1 || queue.some((j) => taskType(j.data.task) === type));
  };
  while (queue.length > 0 || running.size > 0) {
    for (let i = 0; i < queue.length; ) {
      const job = queue[i]!;
      const type = taskType(job.data.task);
      if (active(type) >= dag.spec(type).concurrency) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      const p: Promise<void> = runJob(job)
        .then((next) => void queue.push(...next))
        .finally(() => running.delete(p));
      running.set(p, type);
    }
    if (running.size > 0) await Promise.race(running.keys());
    // Copies that finished together may each have seen the other still running: plan once more.
    if (queue.length === 0 && running.size === 0 && unplanned) {
      unplanned = false;
      queue.push(...(await plan()));
    }
  }
  return { run: (await getRun(db, runId))!, staging, metrics, error };
}
