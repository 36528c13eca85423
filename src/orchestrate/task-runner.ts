import type { JobResult, JobWithMetadata } from "pg-boss";
import { advanceRun, type EngineDeps } from "./advance";
import { failTaskAndRun, markForRetry, retryAfterOf, runAttempt } from "./attempt";
import { sleep } from "../util/sleep";
import type { TaskJobData } from "./queues";
import { TASK_MAX_RETRY_AFTER_MS, nominalDelayMs } from "./retry-policy";
import { databaseStaging } from "./staging";
import { taskType } from "./queues";
import { getRun } from "./ledger";

export { TaskTimeoutError, WORKER_ID, failTaskAndRun } from "./attempt";

/**
 * Run one task job on pg-boss: one attempt (see `runAttempt`), then either move the run forward,
 * leave the job to pg-boss's retry, or, out of attempts, fail the task and the run and send the job
 * to the dead-letter queue.
 */
export async function runTaskJob(deps: EngineDeps, job: JobWithMetadata<TaskJobData>): Promise<JobResult> {
  const done: JobResult = { id: job.id, status: "completed" };
  const { runId, task, generation } = job.data;
  const attemptJob = { runId, task, generation, jobId: job.id };
  const outcome = await runAttempt(deps, databaseStaging(deps.db), attemptJob, job.signal);
  if (outcome.kind !== "failed") {
    await advanceRun(deps, runId); // stale: the task ended earlier; make sure the run moved on from it
    return done;
  }
  const message = outcome.error.message;
  if (outcome.retryable && job.retryCount < job.retryLimit) {
    const run = await getRun(deps.db, runId);
    const spec = deps.dagFor(run!.dag).spec(taskType(task));
    const delayMs = nominalDelayMs(spec.retry, job.retryCount + 1);
    await markForRetry(deps, attemptJob, outcome, delayMs);
    // pg-boss picks the retry time itself; a provider's retry-after longer than that is honoured
    // by holding the job before handing it back.
    const retryAfterMs = retryAfterOf(outcome.error);
    if (retryAfterMs !== undefined && retryAfterMs > delayMs) await sleep(Math.min(retryAfterMs, TASK_MAX_RETRY_AFTER_MS), job.signal).catch(() => undefined);
    return { id: job.id, status: "failed", output: { message } };
  }
  await failTaskAndRun(deps, runId, task, generation, outcome.attempt, message);
  deps.events.emit("task:error", { runId, task, attempt: outcome.attempt, durationMs: outcome.durationMs, error: outcome.error });
  return { id: job.id, status: "deadletter", output: { message } };
}
