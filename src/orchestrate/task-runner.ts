import { hostname } from "node:os";
import type { JobResult, JobWithMetadata } from "pg-boss";
import { AbortError, PipelineError, toError } from "../errors";
import { advanceRun, type EngineDeps } from "./advance";
import { claimTask, finishAttempt, finishRun, getRun, getTask, recordRunMetrics, settleTask, startAttempt } from "./ledger";
import { taskType, type TaskJobData } from "./queues";
import { TASK_MAX_RETRY_AFTER_MS, isRetryableTaskError, nominalDelayMs } from "./retry-policy";
import { stageGet, stageGetAll, stagePut } from "./staging";
import { addMetrics, type RunMetrics, type TaskContext, type TaskMetrics, type TaskResult } from "./task-context";
import { sleep } from "../util/sleep";

/** An attempt ran longer than its policy's `timeoutSeconds`. */
export class TaskTimeoutError extends PipelineError {
  constructor(readonly task: string, readonly timeoutSeconds: number) {
    super(`task ${task} timed out after ${timeoutSeconds}s`, { step: "orchestrate" });
  }
}

/** `host:pid`, recorded on each attempt so a run shared by several workers shows who ran what. */
export const WORKER_ID = `${hostname()}:${process.pid}`;

/**
 * Run one task job: claim it in the ledger (a stale or finished job does nothing), run the task
 * with a timeout, record the attempt, then either move the run forward, leave the job to pg-boss's
 * retry, or, out of attempts, fail the task and the run and send the job to the dead-letter queue.
 */
export async function runTaskJob(deps: EngineDeps, job: JobWithMetadata<TaskJobData>): Promise<JobResult> {
  const done: JobResult = { id: job.id, status: "completed" };
  const { runId, task, generation } = job.data;
  const run = await getRun(deps.db, runId);
  if (!run || (run.state !== "queued" && run.state !== "running")) return done;
  const spec = deps.dagFor(run.dag).spec(taskType(task));
  const attempt = await claimTask(deps.db, runId, task, generation, job.id);
  if (attempt === undefined) {
    await advanceRun(deps, runId); // the task ended earlier; make sure the run moved on from it
    return done;
  }
  await startAttempt(deps.db, runId, task, attempt, WORKER_ID);
  deps.events.emit("task:start", { runId, task, attempt });
  const row = await getTask(deps.db, runId, task);
  const fanOut = row?.parent ? (await getTask(deps.db, runId, row.parent))?.fan_out ?? 0 : 0;
  let metrics: TaskMetrics = {};
  const runMetrics: RunMetrics = {};
  const timer = new AbortController();
  const signal = AbortSignal.any([timer.signal, job.signal]);
  const ctx: TaskContext = {
    runId, dag: run.dag, task, attempt, params: run.params, inputPath: run.input_path, db: deps.db, signal, events: deps.events,
    fan: row?.parent ? { index: row.fan_index ?? 0, count: fanOut } : undefined,
    put: (key, value) => stagePut(deps.db, runId, task, key, value),
    get: (t, key) => stageGet(deps.db, runId, t, key),
    getAll: (t, key) => stageGetAll(deps.db, runId, t, key),
    record: (m) => void (metrics = addMetrics(metrics, m)),
    recordRun: (m) => void Object.assign(runMetrics, m),
  };
  const started = Date.now();
  const timeout = setTimeout(() => timer.abort(new TaskTimeoutError(task, spec.retry.timeoutSeconds)), spec.retry.timeoutSeconds * 1000);
  try {
    const result = await Promise.race([Promise.resolve().then(() => spec.fn(ctx)), rejectOnAbort(signal)]);
    const branch = chosenBranches(spec.name, spec.branches, result);
    const settled = await deps.db.transaction(async (tx) => {
      const ok = await settleTask(tx, runId, task, generation, { state: "success", branch, metrics });
      if (ok) {
        await finishAttempt(tx, runId, task, attempt, null);
        await recordRunMetrics(tx, runId, runMetrics);
      }
      return ok;
    });
    if (!settled) return done; // resumed meanwhile: a newer generation owns the task
    deps.events.emit("task:success", { runId, task, attempt, durationMs: Date.now() - started });
    await advanceRun(deps, runId);
    return done;
  } catch (e) {
    const error = toError(e);
    const message = error.message;
    await finishAttempt(deps.db, runId, task, attempt, message);
    const retryable = isRetryableTaskError(error);
    if (retryable && job.retryCount < job.retryLimit) {
      await settleTask(deps.db, runId, task, generation, { state: "pending", error: message, metrics });
      const delayMs = nominalDelayMs(spec.retry, job.retryCount + 1);
      deps.events.emit("task:retry", { runId, task, attempt, delayMs, error });
      // pg-boss picks the retry time itself; a provider's retry-after longer than that is honoured
      // by holding the job before handing it back.
      const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
      if (typeof retryAfterMs === "number" && retryAfterMs > delayMs) await sleep(Math.min(retryAfterMs, TASK_MAX_RETRY_AFTER_MS), job.signal).catch(() => undefined);
      return { id: job.id, status: "failed", output: { message } };
    }
    await failTaskAndRun(deps, runId, task, generation, attempt, message);
    deps.events.emit("task:error", { runId, task, attempt, durationMs: Date.now() - started, error });
    return { id: job.id, status: "deadletter", output: { message } };
  } finally {
    clearTimeout(timeout);
  }
}

/** Out of attempts: the task and its run fail with the reason (once, fenced by generation). */
export async function failTaskAndRun(deps: EngineDeps, runId: string, task: string, generation: number, attempts: number, message: string): Promise<void> {
  const failedRun = await deps.db.transaction(async (tx) => {
    const run = await getRun(tx, runId, true);
    if (!(await settleTask(tx, runId, task, generation, { state: "failed", error: message }))) return undefined;
    if (!run || (run.state !== "queued" && run.state !== "running")) return undefined;
    const reason = `task ${task} failed after ${attempts} attempt(s): ${message}`;
    await finishRun(tx, runId, "failed", reason);
    return { run, reason };
  });
  if (failedRun) {
    const durationMs = Date.now() - (failedRun.run.started_at ?? failedRun.run.created_at).getTime();
    deps.events.emit("run:error", { runId, durationMs, error: new PipelineError(failedRun.reason, { step: "orchestrate" }) });
  }
}

function chosenBranches(task: string, declared: string[], result: TaskResult): string[] | undefined {
  if (declared.length === 0) return undefined;
  const picked = result && typeof result === "object" && "branch" in result ? result.branch : undefined;
  const list = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
  const bad = list.filter((b) => !declared.includes(b));
  if (list.length === 0 || bad.length > 0) {
    throw new AbortError(`task ${task} must return { branch } with one of ${declared.join(", ")}, got ${JSON.stringify(picked)}`, { step: "orchestrate" });
  }
  return list;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new PipelineError("task aborted", { step: "orchestrate" }));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

